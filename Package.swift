// swift-tools-version:6.0
import PackageDescription

// forumls: a language server and command line for forum markup (BBCode-style posts and scraped thread pages).
// Toolchain only: no package dependencies, by design.
let package = Package(
    name: "forumls",
    products: [
        .library(name: "ForumMarkup", targets: ["ForumMarkup"]),
        .library(name: "ForumLanguageServer", targets: ["ForumLanguageServer"]),
        .executable(name: "forumls", targets: ["forumls"]),
    ],
    targets: [
        // The shared parser module: standard library only, no I/O, no JSON, no LSP.
        .target(name: "ForumMarkup"),
        // JSON-RPC, LSP types, document store, one handler per method. Translates; does not analyse.
        .target(name: "ForumLanguageServer", dependencies: ["ForumMarkup"]),
        // The executable: argument handling and wiring.
        .executableTarget(name: "forumls", dependencies: ["ForumMarkup", "ForumLanguageServer"]),
        // Speed figures: analysis stages and the LSP over pipes (`swift run -c release forumls-bench`).
        .executableTarget(name: "forumls-bench", dependencies: ["ForumMarkup", "ForumLanguageServer"]),
        .testTarget(name: "ForumMarkupTests", dependencies: ["ForumMarkup"]),
        .testTarget(name: "ForumLanguageServerTests", dependencies: ["ForumLanguageServer", "ForumMarkup"]),
        .testTarget(name: "forumlsTests", dependencies: ["forumls", "ForumMarkup"]),
        .testTarget(name: "forumlsBenchTests", dependencies: ["forumls-bench"]),
    ]
)
