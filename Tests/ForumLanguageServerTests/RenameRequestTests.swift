import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

@Suite struct RenameRequestTests {
    @Test(arguments: Editing.encodings)
    func prepareAndRenameBothTags(_ encoding: PositionEncoding) throws {
        let text = "日本語 😀 [B]x[/B] y"
        let caps: JSONObject = ["textDocument": ["rename": ["prepareSupport": true]]]
        let (client, result) = Editing.client(text, encoding: encoding, capabilities: caps)
        #expect(((result["capabilities"] as? JSONObject)?["renameProvider"] as? JSONObject)?["prepareProvider"] as? Bool == true)
        let prepared = client.request("textDocument/prepareRename", Editing.at("[/B]", in: text, shift: 2, encoding))
        let placeholder = try #require(prepared?["result"] as? JSONObject)
        #expect(placeholder["placeholder"] as? String == "B")
        #expect(Editing.text(placeholder["range"], in: text, encoding) == "B")

        var params = Editing.at("[B]", in: text, shift: 1, encoding)
        params["newName"] = "i"
        let renamed = client.request("textDocument/rename", params)
        let changes = try #require(((renamed?["result"] as? JSONObject)?["changes"] as? JSONObject)?[Editing.uri] as? [JSONObject])
        #expect(Editing.apply(changes, to: text, encoding) == "日本語 😀 [i]x[/i] y")
    }

    @Test func badNamesAreRefusedAndOtherPlacesGiveNull() {
        let text = "[b]x[/b] plain"
        let (client, result) = Editing.client(text)
        #expect((result["capabilities"] as? JSONObject)?["renameProvider"] as? Bool == true)
        var params = Editing.at("[b]", in: text, shift: 1, .utf16)
        params["newName"] = "two words"
        #expect(errorCode(client.request("textDocument/rename", params)) == -32602)
        var elsewhere = Editing.at("plain", in: text, shift: 1, .utf16)
        elsewhere["newName"] = "i"
        #expect(client.request("textDocument/rename", elsewhere)?["result"] is NSNull)
        #expect(client.request("textDocument/prepareRename", Editing.at("plain", in: text, shift: 1, .utf16))?["result"] is NSNull)
    }
}
