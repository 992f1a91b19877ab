// The forumls executable: argument dispatch only. The server lives in ForumLanguageServer.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ForumLanguageServer

let usage = """
    usage: forumls [serve | --stdio]     serve LSP on stdin/stdout (the default)
           forumls --version             print the version
           forumls --help                print this help

    Logs go to stderr; FORUMLS_LOG=debug|info|warning|error sets how much.
    """

let arguments = Array(CommandLine.arguments.dropFirst())

switch arguments.first {
case nil, "serve", "--stdio":
    // `forumls serve --stdio` is accepted too: VS Code's client appends --stdio.
    StdioServer.run()
case "--version", "-V", "version":
    print("forumls \(LanguageServer.version)")
case "--help", "-h", "help":
    print(usage)
// CLI subcommands (parse, check, fix, outline) are dispatched here, one case each.
default:
    let message = Array("forumls: unknown command '\(arguments[0])'\n\(usage)\n".utf8)
    _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}
