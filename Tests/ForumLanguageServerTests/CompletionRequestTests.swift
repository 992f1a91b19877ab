import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

@Suite struct CompletionRequestTests {
    func items(_ response: JSONObject?) -> [JSONObject] {
        (response?["result"] as? JSONObject)?["items"] as? [JSONObject] ?? []
    }

    @Test(arguments: Editing.encodings)
    func closeTagAfterEmojiAndCJK(_ encoding: PositionEncoding) throws {
        let text = "😀中文[quote]引用[b]粗体[/"
        let (client, _) = Editing.client(text, encoding: encoding)
        let response = client.request("textDocument/completion", Editing.at("[/", in: text, shift: 2, encoding))
        let list = items(response)
        #expect(list.map { $0["label"] as? String } == ["/b", "/quote"])
        let edit = try #require(list.first?["textEdit"] as? JSONObject)
        #expect(edit["newText"] as? String == "b]")
        let start = Editing.position(of: "[/", in: text, shift: 2, encoding)
        #expect(Editing.tuple(edit["range"]) == [0, start["character"] as! Int, 0, start["character"] as! Int])
        #expect(Editing.apply([edit], to: text, encoding) == text + "b]")
    }

    @Test func snippetsOnlyForClientsThatSupportThem() throws {
        let text = "x [co]"
        let snippetCaps: JSONObject = ["textDocument": ["completion": ["completionItem": ["snippetSupport": true]]]]
        let (snippetClient, result) = Editing.client(text, capabilities: snippetCaps)
        let triggers = ((result["capabilities"] as? JSONObject)?["completionProvider"] as? JSONObject)?["triggerCharacters"] as? [String]
        #expect(triggers == ["[", "/", "="])
        let withSnippets = items(snippetClient.request("textDocument/completion", Editing.at("co]", in: text, shift: 2, .utf16)))
        let code = try #require(withSnippets.first { $0["label"] as? String == "code" })
        #expect(code["insertTextFormat"] as? Int == 2)
        let codeEdit = try #require(code["textEdit"] as? JSONObject)
        #expect(codeEdit["newText"] as? String == "code]$0[/code]")
        // The edit replaces the typed `co` and the auto-closed `]`.
        #expect(Editing.text(codeEdit["range"], in: text, .utf16) == "co]")

        let (plainClient, _) = Editing.client(text)
        let plain = items(plainClient.request("textDocument/completion", Editing.at("co]", in: text, shift: 2, .utf16)))
        let plainCode = try #require(plain.first { $0["label"] as? String == "code" })
        #expect(plainCode["insertTextFormat"] as? Int == 1)
        #expect((plainCode["textEdit"] as? JSONObject)?["newText"] as? String == "code]")
        #expect(plain.map { $0["label"] as? String } == ["code", "color"])
    }

    @Test func argumentValuesAndNothingElsewhere() {
        let text = "[align=c\nplain"
        let (client, _) = Editing.client(text)
        let values = items(client.request("textDocument/completion", Editing.at("=c", in: text, shift: 2, .utf16)))
        #expect(values.map { $0["label"] as? String } == ["center"])
        let none = client.request("textDocument/completion", Editing.at("plain", in: text, shift: 3, .utf16))
        #expect(items(none).isEmpty && errorCode(none) == nil)
    }

    @Test func neverATagTheDialectRejects() {
        let text = "["
        let client = TestClient()
        client.request("initialize", ["processId": NSNull(), "capabilities": [:] as JSONObject,
                                      "initializationOptions": ["dialect": "phpbb"]])
        client.notify("initialized", [:] as JSONObject)
        client.open(Editing.uri, text)
        let labels = items(client.request("textDocument/completion", Editing.at("[", in: text, shift: 1, .utf16)))
            .compactMap { $0["label"] as? String }
        #expect(!labels.isEmpty)
        #expect(labels.allSatisfy { TagCatalog.lookup($0)?.isNative(in: .phpbb) == true })
        #expect(!labels.contains("font") && !labels.contains("s"))
    }
}
