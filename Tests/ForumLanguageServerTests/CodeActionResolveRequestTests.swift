import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

@Suite struct CodeActionResolveRequestTests {
    static var resolving: JSONObject { ["textDocument": ["codeAction": ["resolveSupport": ["properties": ["edit"]]]]] }

    @Test func wholeDocumentEditsAreResolvedLazily() throws {
        let (client, _) = Editing.client(CodeActionRequestTests.text, capabilities: Self.resolving)
        let actions = CodeActionRequestTests.request(client, line: 0)
        let cleanUp = try #require(actions.first { $0["title"] as? String == "Clean up document" })
        #expect(cleanUp["edit"] == nil)
        #expect(cleanUp["data"] != nil)
        // Quick fixes still carry their (small) edits.
        #expect(actions.contains { $0["kind"] as? String == "quickfix" && $0["edit"] != nil })
        let resolved = try #require(client.request("codeAction/resolve", cleanUp)?["result"] as? JSONObject)
        #expect(resolved["title"] as? String == "Clean up document")
        let text = Editing.apply(CodeActionRequestTests.edits(resolved), to: CodeActionRequestTests.text, .utf16)
        #expect(text == "😀 第一段正文。\n\n第二段正文。\n[b]粗体[/b]\n")
    }

    @Test func staleActionIsRefusedAndForeignActionEchoed() throws {
        let (client, _) = Editing.client(CodeActionRequestTests.text, capabilities: Self.resolving)
        let cleanUp = try #require(CodeActionRequestTests.request(client, line: 0).first { $0["title"] as? String == "Clean up document" })
        client.notify("textDocument/didChange", ["textDocument": ["uri": Editing.uri, "version": 2],
                                                  "contentChanges": [["text": "changed\n\n\n\n"]]])
        #expect(errorCode(client.request("codeAction/resolve", cleanUp)) == -32801)
        let foreign: JSONObject = ["title": "Something else", "kind": "refactor"]
        let echoed = client.request("codeAction/resolve", foreign)?["result"] as? JSONObject
        #expect(echoed?["title"] as? String == "Something else")
    }
}
