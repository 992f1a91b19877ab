import Foundation

/// Where tests find the package's fixtures and the shared corpus beside the checkout.
enum TestPaths {
    /// The package root (the folder holding Package.swift).
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `Tests/Fixtures`.
    static var fixtures: URL { packageRoot.appendingPathComponent("Tests/Fixtures") }

    /// `../shared/corpus`, or nil when the shared folder is absent (tests then skip).
    static var sharedCorpus: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("docs").path) ? url : nil
    }

    /// The real documents of `../shared/corpus/docs` (empty when absent).
    static var corpusDocuments: [URL] {
        guard let corpus = sharedCorpus else { return [] }
        let docs = corpus.appendingPathComponent("docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { docs.appendingPathComponent($0) }
    }

    /// The fixture files (`Tests/Fixtures/**`, text files only).
    static var fixtureFiles: [URL] {
        guard let walker = FileManager.default.enumerator(atPath: fixtures.path) else { return [] }
        var result: [URL] = []
        for case let path as String in walker
        where [".txt", ".bbcode", ".bbc", ".forum"].contains(where: { path.hasSuffix($0) }) {
            result.append(fixtures.appendingPathComponent(path))
        }
        return result.sorted { $0.path < $1.path }
    }

    /// The bytes of a file, or nil.
    static func bytes(_ url: URL) -> [UInt8]? {
        (try? Data(contentsOf: url)).map { [UInt8]($0) }
    }
}
