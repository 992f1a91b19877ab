import Foundation
import Testing
import ForumMarkup
@testable import forumls

@Suite struct CheckFixCommandTests {
    func tempDir() -> String {
        let dir = NSTemporaryDirectory() + "forumls-cli-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func recordsUseOneBasedPositionsAndWholeLinesEndAtColumnOne() {
        let source = SourceText("ab\n中文  \nx\n")
        let line = Diagnostic(code: "c", severity: .warning, range: source.lineFullRange(1), message: "m")
        let r = ReportRecord(line, in: source)
        #expect((r.line, r.column, r.endLine, r.endColumn) == (2, 1, 3, 1))
        let ws = Diagnostic(code: "c", severity: .warning, range: ByteRange(9, 11), message: "m \"q\"")
        let w = ReportRecord(ws, in: source)
        #expect((w.line, w.column, w.endLine, w.endColumn) == (2, 3, 2, 5))
        #expect(w.json(file: "f").contains("\"message\":\"m \\\"q\\\"\""))
    }

    @Test func directoriesAreWalkedForForumFiles() throws {
        let dir = tempDir()
        for name in ["a.txt", "b.bbcode", "c.md", "d.forum"] {
            try "x\n".write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
        let files = try InputFiles.expand([dir]).get()
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["a.txt", "b.bbcode", "d.forum"])
        #expect(CheckCommand.run([dir + "/missing.txt"]) == 2)
        #expect(CheckCommand.run([dir + "/a.txt"]) == 0)
        #expect(CheckCommand.run(["--format", "yaml", dir]) == 2)
    }

    @Test func checkExitsOneWithFindingsAndFixWritesAtomically() throws {
        let dir = tempDir()
        let path = dir + "/post.bbcode"
        try "title  \n\n\n\nline<br>\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(CheckCommand.run([path, "--format", "json"]) == 1)
        #expect(FixCommand.run([path, "--write"]) == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "title\n\nline\n")
        #expect(CheckCommand.run([path]) == 0)
        #expect(FixCommand.run([path, "--write", "--stdout"]) == 2)
        #expect(FixCommand.run([path, "--rules", "no-such-rule"]) == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(leftovers == ["post.bbcode"])
    }

    @Test func jsonLinesRecordsAndErrors() {
        let fixer = JSONLinesFixer(options: AnalysisOptions(), batchSize: 4)
        let good = fixer.process("{\"id\": 7, \"text\": \"a&amp;b \"}", line: 1)
        #expect(good.hasPrefix("{\"id\":7,\"text\":\"a&b\",\"diagnostics\":["))
        let named = fixer.process("{\"id\": \"doc-1\", \"text\": \"ok\"}", line: 2)
        #expect(named == "{\"id\":\"doc-1\",\"text\":\"ok\",\"diagnostics\":[]}")
        let bad = fixer.process("{not json", line: 3)
        #expect(bad.hasPrefix("{\"id\":null,\"line\":3,\"error\":"))
    }
}
