import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

/// `../shared/corpus/docs/seed-liangxi.txt` beside the checkout, or nil.
private let seedPage: String? = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
    }
    let seed = url.deletingLastPathComponent().appendingPathComponent("shared/corpus/docs/seed-liangxi.txt")
    return (try? Data(contentsOf: seed)).map { String(decoding: $0, as: UTF8.self) }
}()

/// A post of our own with breakage, emoji, CJK and CRLF.
private let samplePost = """
    [b]论坛帖子 😀 标题[/b]\r
    [quote=张三]引用的内容 👨‍👩‍👧 [i]斜体[/quote]\r
    [color=red]never closed 🇨🇳\r
    [/u] stray closer [url=https://example.org]link[/url]\r
    最后一行 [size=5]大字
    """

@Suite(.enabled(if: ServerBinary.url != nil, "the forumls binary is not built next to the tests"), .serialized)
struct EndToEndTests {
    @Test func shutdownThenExitExitsZero() throws {
        let server = try ServerProcess()
        let result = server.initialize()
        #expect((result?["serverInfo"] as? JSONObject)?["name"] as? String == "forumls")
        let shutdown = server.request("shutdown")
        #expect(shutdown?["result"] is NSNull)
        server.notify("exit")
        #expect(server.waitForExit() == 0)
    }

    @Test func exitWithoutShutdownExitsOne() throws {
        let server = try ServerProcess(arguments: ["--stdio"])
        server.initialize()
        server.notify("exit")
        #expect(server.waitForExit() == 1)
    }

    @Test func clientFlagsBeforeStdioStillServe() throws {
        let server = try ServerProcess(arguments: ["--clientProcessId=1", "--stdio"])
        #expect(server.initialize() != nil)
        server.request("shutdown")
        server.notify("exit")
        #expect(server.waitForExit() == 0)
    }

    @Test func endOfInputEndsTheProcess() throws {
        let server = try ServerProcess(arguments: ["serve"])
        server.initialize()
        server.closeInput()
        let status = server.waitForExit()
        #expect(status != nil)
        if status != nil { #expect(server.process.terminationReason == .exit) }
    }

    @Test func sigtermEndsCleanly() throws {
        let server = try ServerProcess()
        server.initialize()
        server.process.terminate()
        let status = server.waitForExit()
        #expect(status == 0)
        if status != nil { #expect(server.process.terminationReason == .exit) }
    }

    @Test func vanishedClientEndsTheProcessWithoutSIGPIPE() throws {
        let server = try ServerProcess()
        server.initialize()
        server.closeOutput()
        // The answer cannot be written: the server must notice (EPIPE, SIGPIPE ignored) and exit.
        server.send(["jsonrpc": "2.0", "id": 99, "method": "shutdown"])
        let status = server.waitForExit()
        #expect(status != nil)
        if status != nil { #expect(server.process.terminationReason == .exit) }
    }

    @Test func versionAndHelp() throws {
        for argument in ["--version", "--help"] {
            let process = Process()
            process.executableURL = ServerBinary.url
            process.arguments = [argument]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            process.waitUntilExit()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0)
            #expect(text.contains(argument == "--version" ? LanguageServer.version : "usage"))
        }
    }

    @Test func didOpenPublishesDiagnostics() throws {
        let server = try ServerProcess()
        server.initialize()
        server.notify("textDocument/didOpen", ["textDocument": ["uri": "file:///post.bbcode", "languageId": "bbcode", "version": 3, "text": samplePost]])
        let published = server.waitFor { $0["method"] as? String == "textDocument/publishDiagnostics" }
        let params = published?["params"] as? JSONObject
        #expect(params?["version"] as? Int == 3)
        let expected = DocumentAnalysis(source: SourceText(samplePost)).diagnostics
        #expect((params?["diagnostics"] as? [Any])?.count == expected.count)
        #expect(!expected.isEmpty)
        server.request("shutdown")
        server.notify("exit")
        #expect(server.waitForExit() == 0)
    }

    /// The seed page from `../shared/corpus` (read at test time, never copied), as a `.bbcode` document.
    @Test(.enabled(if: seedPage != nil, "../shared/corpus/docs/seed-liangxi.txt is absent"))
    func seedPageDiagnosticsArrive() throws {
        let text = try #require(seedPage)
        let server = try ServerProcess()
        server.initialize()
        server.notify("textDocument/didOpen", ["textDocument": ["uri": "file:///seed.bbcode", "languageId": "bbcode", "version": 1, "text": text]])
        let published = server.waitFor { $0["method"] as? String == "textDocument/publishDiagnostics" }
        let items = (published?["params"] as? JSONObject)?["diagnostics"] as? [JSONObject]
        let expected = DocumentAnalysis(source: SourceText(text)).diagnostics
        #expect(items?.count == expected.count)
        #expect(!expected.isEmpty)
        #expect(Set(items?.compactMap { $0["code"] as? String } ?? []) == Set(expected.map(\.code)))
        server.request("shutdown")
        server.notify("exit")
        #expect(server.waitForExit() == 0)
    }

    @Test func incrementalEditsEqualAFullReopen() throws {
        let server = try ServerProcess()
        server.initialize()
        let uri = "file:///edited.bbcode"
        server.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "bbcode", "version": 1, "text": samplePost]])
        // UTF-16 positions: line 0 is "[b]论坛帖子 😀 标题[/b]"; the emoji sits at characters 9-10.
        let edits: [(Int, Int, Int, Int, String)] = [
            (0, 11, 0, 11, "🎉"),          // after the emoji
            (0, 3, 0, 5, "中文"),          // replace two CJK characters
            (1, 0, 1, 0, "[b]"),           // open a tag at the start of line 1
            (2, 11, 2, 11, "字😀"),        // inside line 2
            (4, 100, 4, 200, "[/size]"),  // past the end of the last line: clamps
            (3, 0, 3, 4, ""),              // delete the stray closer
        ]
        var expected = samplePost
        var version = 1
        for edit in edits {
            version += 1
            server.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": version], "contentChanges": [
                ["range": ["start": ["line": edit.0, "character": edit.1], "end": ["line": edit.2, "character": edit.3]], "text": edit.4],
            ]])
            expected = apply(edit, to: expected)
        }
        let reopened = "file:///reopened.bbcode"
        server.notify("textDocument/didOpen", ["textDocument": ["uri": reopened, "languageId": "bbcode", "version": 1, "text": expected]])
        let a = server.request("forumls/syntaxTree", ["textDocument": ["uri": uri]])?["result"] as? JSONObject
        let b = server.request("forumls/syntaxTree", ["textDocument": ["uri": reopened]])?["result"] as? JSONObject
        #expect(a != nil)
        #expect(NSDictionary(dictionary: a ?? [:]).isEqual(to: b ?? [:]))
        let diagnosticsA = server.waitFor { ($0["params"] as? JSONObject)?["uri"] as? String == uri && ($0["params"] as? JSONObject)?["version"] as? Int == version }
        let diagnosticsB = server.waitFor { ($0["params"] as? JSONObject)?["uri"] as? String == reopened }
        let itemsA = (diagnosticsA?["params"] as? JSONObject)?["diagnostics"] as? [JSONObject]
        let itemsB = (diagnosticsB?["params"] as? JSONObject)?["diagnostics"] as? [JSONObject]
        #expect(itemsA != nil)
        // Related locations name their own document: compare with the URIs swapped.
        func canonical(_ items: [JSONObject]?, _ uri: String) -> String {
            let data = (try? JSONSerialization.data(withJSONObject: items ?? [], options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self).replacingOccurrences(of: uri, with: "URI")
        }
        #expect(canonical(itemsA, uri) == canonical(itemsB, reopened))
        server.request("shutdown")
        server.notify("exit")
        #expect(server.waitForExit() == 0)
    }

    @Test func garbageThenAValidRequestIsAnswered() throws {
        let server = try ServerProcess()
        server.initialize()
        server.write(Array("this is garbage\r\n\r\n{\"not\": framed}".utf8))
        server.write(Array("Content-Length: 12\r\n\r\nnot json!!!!".utf8))
        server.write(Array("Content-Length: zz\r\n\r\n".utf8))
        let response = server.request("forumls/unknown")
        #expect((response?["error"] as? JSONObject)?["code"] as? Int == -32601)
        let shutdown = server.request("shutdown")
        #expect(shutdown?["result"] is NSNull)
        server.notify("exit")
        #expect(server.waitForExit() == 0)
    }
}

/// Applies a UTF-16 (line, character) edit to a string, clamping like LSP (test oracle).
private func apply(_ edit: (Int, Int, Int, Int, String), to text: String) -> String {
    var lines: [Range<String.Index>] = []
    var lineStart = text.startIndex
    var i = text.startIndex
    while i < text.endIndex {
        if text[i] == "\r\n" || text[i] == "\n" || text[i] == "\r" {
            lines.append(lineStart..<i)
            lineStart = text.index(after: i)
        }
        i = text.index(after: i)
    }
    lines.append(lineStart..<text.endIndex)
    func index(_ line: Int, _ character: Int) -> String.Index {
        guard line < lines.count else { return text.endIndex }
        let range = lines[line]
        let utf16 = text.utf16
        let limit = utf16.distance(from: range.lowerBound, to: range.upperBound)
        return utf16.index(range.lowerBound, offsetBy: min(character, limit))
    }
    let start = index(edit.0, edit.1)
    let end = index(edit.2, edit.3)
    var result = text
    result.replaceSubrange(start..<end, with: edit.4)
    return result
}
