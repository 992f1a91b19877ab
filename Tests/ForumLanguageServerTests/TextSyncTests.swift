import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

/// A test oracle independent of `SourceText`: (line, character) of a scalar index, counted with
/// the standard library's own views.
private func oraclePosition(_ scalars: [Unicode.Scalar], _ index: Int, _ encoding: PositionEncoding) -> (Int, Int) {
    var line = 0
    var column = 0
    var i = 0
    while i < index {
        let s = scalars[i]
        if s == "\r" || s == "\n" {
            if s == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n", i + 1 < index { i += 1 }
            line += 1
            column = 0
        } else {
            switch encoding {
            case .utf8: column += String(s).utf8.count
            case .utf16: column += String(s).utf16.count
            case .utf32: column += 1
            }
        }
        i += 1
    }
    return (line, column)
}

private struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 11 | state << 53
    }
}

@Suite struct TextSyncTests {
    static let sample = "[b]论坛 😀 测试[/b]\r\n[quote=张三]引用 👨‍👩‍👧 text[/quote]\nplain 🇨🇳 line\rlast [i]行"

    private func clientWith(_ encoding: PositionEncoding?) -> TestClient {
        let client = TestClient()
        var capabilities: JSONObject = [:]
        if let encoding { capabilities["general"] = ["positionEncodings": [encoding.rawValue]] }
        let result = client.initialize(capabilities: capabilities)
        #expect((result["capabilities"] as? JSONObject)?["positionEncoding"] as? String == (encoding ?? .utf16).rawValue)
        return client
    }

    @Test(arguments: [PositionEncoding.utf8, .utf16, .utf32])
    func randomIncrementalEditsEqualTheFullText(_ encoding: PositionEncoding) {
        let client = clientWith(encoding)
        let uri = "file:///sync.bbcode"
        var oracle = Array(TextSyncTests.sample.unicodeScalars)
        client.open(uri, TextSyncTests.sample)
        var random = SeededRandom(state: 42)
        let insertions: [String] = ["😀", "字", "x", "\n", "[/b]", "é", "🇫🇷", "\r\n"]
        for version in 2...120 {
            // Never split a CR LF pair: the oracle and LSP agree that positions inside it are invalid.
            var a = Int.random(in: 0...oracle.count, using: &random)
            var b = min(oracle.count, a + Int.random(in: 0...3, using: &random))
            if a > 0, a < oracle.count, oracle[a - 1] == "\r", oracle[a] == "\n" { a -= 1 }
            if b > 0, b < oracle.count, oracle[b - 1] == "\r", oracle[b] == "\n" { b += 1 }
            b = max(a, b)
            let text = Bool.random(using: &random) ? insertions.randomElement(using: &random)! : ""
            let start = oraclePosition(oracle, a, encoding)
            let end = oraclePosition(oracle, b, encoding)
            client.change(uri, version: version, [(start.0, start.1, end.0, end.1, text)])
            oracle.replaceSubrange(a..<b, with: Array(text.unicodeScalars))
            var expected = String.UnicodeScalarView()
            expected.append(contentsOf: oracle)
            #expect(client.text(uri) == String(expected), "after edit \(version) in \(encoding.rawValue)")
        }
        // The same text opened in one piece gives the same tree.
        let incremental = client.request("forumls/syntaxTree", ["textDocument": ["uri": uri]])?["result"] as? JSONObject
        let fresh = clientWith(encoding)
        fresh.open(uri, client.text(uri)!)
        let full = fresh.request("forumls/syntaxTree", ["textDocument": ["uri": uri]])?["result"] as? JSONObject
        #expect(incremental != nil)
        #expect(NSDictionary(dictionary: incremental ?? [:]).isEqual(to: full ?? [:]))
    }

    @Test func severalChangesInOneNotificationApplyInOrder() {
        let client = clientWith(nil)
        let uri = "file:///multi.bbcode"
        client.open(uri, "ab😀cd\nxyz")
        // Insert after the emoji (UTF-16 column 4), then replace the whole text, then edit it.
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [
            ["range": ["start": ["line": 0, "character": 4], "end": ["line": 0, "character": 4]], "text": "!"],
            ["range": ["start": ["line": 0, "character": 5], "end": ["line": 1, "character": 1]], "text": ""],
        ]])
        #expect(client.text(uri) == "ab😀!yz")
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 3], "contentChanges": [
            ["text": "new 文"],
            ["range": ["start": ["line": 0, "character": 5], "end": ["line": 0, "character": 5]], "text": "字"],
        ]])
        #expect(client.text(uri) == "new 文字")
    }

    @Test func positionsPastTheEndClamp() {
        let client = clientWith(nil)
        let uri = "file:///clamp.bbcode"
        client.open(uri, "😀x\nab")
        // Character 1 is inside the surrogate pair: it clamps to the emoji's start.
        client.change(uri, version: 2, [(0, 1, 0, 1, "<")])
        #expect(client.text(uri) == "<😀x\nab")
        client.change(uri, version: 3, [(0, 500, 0, 900, "|")])
        #expect(client.text(uri) == "<😀x|\nab")
        client.change(uri, version: 4, [(40, 0, 99, 7, "$")])
        #expect(client.text(uri) == "<😀x|\nab$")
        client.change(uri, version: 5, [(-1, -5, 0, 0, "^")])
        #expect(client.text(uri) == "^<😀x|\nab$")
    }

    @Test func changeForAnUnopenedDocumentIsIgnored() {
        let client = clientWith(nil)
        client.change("file:///nope", version: 2, [(0, 0, 0, 0, "x")])
        client.notify("textDocument/didChange", ["textDocument": ["uri": "file:///nope", "version": 3], "contentChanges": [["text": "full"]]])
        client.notify("textDocument/didClose", ["textDocument": ["uri": "file:///nope"]])
        #expect(client.text("file:///nope") == nil)
        #expect(client.notifications("textDocument/publishDiagnostics").isEmpty)
        #expect(errorCode(client.request("forumls/syntaxTree", ["textDocument": ["uri": "file:///nope"]])) == -32602)
    }

    @Test func encodingNegotiation() {
        func negotiated(_ offered: [String]?) -> String? {
            let client = TestClient()
            var capabilities: JSONObject = [:]
            if let offered { capabilities["general"] = ["positionEncodings": offered] }
            return (client.initialize(capabilities: capabilities)["capabilities"] as? JSONObject)?["positionEncoding"] as? String
        }
        #expect(negotiated(nil) == "utf-16")
        #expect(negotiated([]) == "utf-16")
        #expect(negotiated(["utf-16", "utf-8"]) == "utf-8")
        #expect(negotiated(["utf-32", "utf-16"]) == "utf-16")
        #expect(negotiated(["utf-32"]) == "utf-32")
        #expect(negotiated(["latin-1"]) == "utf-16")
    }
}
