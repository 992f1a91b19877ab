import Foundation
import Testing

/// `forumls parse` driven as a user runs it: the built binary, real arguments, real files.
@Suite struct ParseCommandTests {
    static let binary: URL? = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let candidate = URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("forumls")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }()

    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return url
    }()

    struct Outcome {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Outcome? {
        guard let binary else { return nil }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temp(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "forumls-parse-\(UInt32.random(in: 0...UInt32.max))-\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func dumpsTheSampleThread() throws {
        let sample = ParseCommandTests.packageRoot.appendingPathComponent("Samples/thread.txt").path
        guard let result = try ParseCommandTests.run(["parse", sample]) else { return }
        #expect(result.status == 0)
        let dump = String(decoding: result.stdout, as: UTF8.self)
        #expect(dump.hasPrefix("document 0..<"))
        #expect(dump.contains("truncatedTag"))
        #expect(dump.contains("\"[复制链接]\""))
        #expect(result.stderr.isEmpty)
    }

    @Test func jsonHasKindsRangesNamesChildrenAndIssues() throws {
        let path = try temp("a.bbcode", Array("🍰[b]x\n[/i]".utf8))
        guard let result = try ParseCommandTests.run(["parse", path, "--json"]) else { return }
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let tree = try #require(json["tree"] as? [String: Any])
        #expect(tree["kind"] as? String == "document")
        let children = try #require(tree["children"] as? [[String: Any]])
        let element = try #require(children.first { $0["kind"] as? String == "element" })
        #expect(element["name"] as? String == "b")
        let range = try #require(element["range"] as? [String: Any])
        // The element starts after the emoji: byte 4, UTF-16 column 2.
        #expect(range["start"] as? Int == 4)
        #expect(range["startCharacter"] as? Int == 2)
        let issues = try #require(json["issues"] as? [[String: Any]])
        #expect(issues.contains { $0["kind"] as? String == "stray-close-tag" })
    }

    @Test func gb18030IsDecodedAndSaidOnStderr() throws {
        let path = try temp("gb.txt", [0xD6, 0xD0, 0xCE, 0xC4, 0x5B, 0x62, 0x5D, 0xB4, 0xD6, 0x5B, 0x2F, 0x62, 0x5D])
        guard let result = try ParseCommandTests.run(["parse", path]) else { return }
        #expect(result.status == 0)
        #expect(String(decoding: result.stdout, as: UTF8.self).contains("\"中文\""))
        #expect(result.stderr.contains("GB18030"))
    }

    @Test func badCallsExitTwoWithOneLineAndNoOutput() throws {
        let invalid = try temp("bad.txt", [0xFF, 0xFE, 0xFD, 0x80, 0x80])
        for arguments in [["parse"], ["parse", "/no/such/file.bbcode"], ["parse", NSTemporaryDirectory()],
                          ["parse", invalid], ["parse", invalid, "--bogus"]] {
            guard let result = try ParseCommandTests.run(arguments) else { return }
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
    }
}
