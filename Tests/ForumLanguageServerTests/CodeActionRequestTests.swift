import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

@Suite struct CodeActionRequestTests {
    static let text = "😀 [backcolor=transparent !important]第一段正文。\n\n\n\n[backcolor=transparent !important]第二段正文。\n[b]粗体[/b]<br>\n"

    static func request(_ client: TestClient, line: Int, diagnostics: [JSONObject] = [], only: [String]? = nil) -> [JSONObject] {
        var context: JSONObject = ["diagnostics": diagnostics]
        if let only { context["only"] = only }
        let params: JSONObject = ["textDocument": ["uri": Editing.uri],
                                  "range": ["start": ["line": line, "character": 0], "end": ["line": line, "character": 0]],
                                  "context": context]
        return client.request("textDocument/codeAction", params)?["result"] as? [JSONObject] ?? []
    }

    static func edits(_ action: JSONObject) -> [JSONObject] {
        ((action["edit"] as? JSONObject)?["changes"] as? JSONObject)?[Editing.uri] as? [JSONObject] ?? []
    }

    @Test(arguments: Editing.encodings)
    func quickFixesFixAllAndCleanUp(_ encoding: PositionEncoding) throws {
        let (client, result) = Editing.client(Self.text, encoding: encoding)
        let provider = (result["capabilities"] as? JSONObject)?["codeActionProvider"] as? JSONObject
        #expect(provider?["resolveProvider"] as? Bool == true)
        let actions = Self.request(client, line: 0)
        let quick = actions.filter { $0["kind"] as? String == "quickfix" && ($0["title"] as? String)?.hasPrefix("Remove") == true }
        #expect(quick.count == 1)
        #expect(quick.first?["isPreferred"] as? Bool == true)
        #expect(Editing.apply(Self.edits(quick[0]), to: Self.text, encoding).hasPrefix("😀 第一段正文。\n"))
        let fixAll = try #require(actions.first { $0["title"] as? String == "Fix all style-leak problems in this document" })
        #expect(!Editing.apply(Self.edits(fixAll), to: Self.text, encoding).contains("backcolor"))
        let cleanUp = try #require(actions.first { $0["kind"] as? String == CodeActionRequest.cleanUpKind })
        #expect(cleanUp["title"] as? String == "Clean up document")
        #expect(Editing.apply(Self.edits(cleanUp), to: Self.text, encoding) == "😀 第一段正文。\n\n第二段正文。\n[b]粗体[/b]\n")
    }

    @Test func clientDiagnosticsMatchByLineAndCodeNotRange() {
        let (client, _) = Editing.client(Self.text, encoding: .utf16)
        // Byte columns, as Neovim 0.7 sends them back: the range differs, the line and code match.
        let sent: JSONObject = ["range": ["start": ["line": 4, "character": 0], "end": ["line": 4, "character": 99]],
                                "code": "style-leak", "source": "forumls", "message": "x"]
        let actions = Self.request(client, line: 4, diagnostics: [sent], only: ["quickfix"])
        let titles = actions.compactMap { $0["title"] as? String }
        #expect(titles.contains { $0.hasPrefix("Remove [backcolor") })
        #expect(!titles.contains("Clean up document"))
        let other: JSONObject = ["range": ["start": ["line": 4, "character": 0], "end": ["line": 4, "character": 1]],
                                 "code": "blank-lines", "source": "forumls", "message": "x"]
        #expect(Self.request(client, line: 4, diagnostics: [other], only: ["quickfix"]).isEmpty)
    }

    @Test func onlySourceGivesJustCleanUp() {
        let (client, _) = Editing.client(Self.text)
        let actions = Self.request(client, line: 0, only: ["source"])
        #expect(actions.map { $0["title"] as? String } == ["Clean up document"])
        let clean = Editing.client("A clean post.\n").0
        #expect(Self.request(clean, line: 0).isEmpty)
    }
}
