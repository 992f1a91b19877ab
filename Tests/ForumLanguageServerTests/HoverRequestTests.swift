import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

@Suite struct HoverRequestTests {
    @Test(arguments: Editing.encodings)
    func hoverOnATagAfterEmoji(_ encoding: PositionEncoding) throws {
        let text = "👍 好 [color=rgba(0, 0, 0, 0.9)]x[/color]"
        let (client, result) = Editing.client(text, encoding: encoding)
        #expect((result["capabilities"] as? JSONObject)?["hoverProvider"] as? Bool == true)
        let response = client.request("textDocument/hover", Editing.at("color=", in: text, shift: 2, encoding))
        let hover = try #require(response?["result"] as? JSONObject)
        let contents = try #require(hover["contents"] as? JSONObject)
        #expect(contents["kind"] as? String == "markdown")
        let value = try #require(contents["value"] as? String)
        #expect(value.contains("**[color]**"))
        #expect(value.contains("Accepted by: Discuz!, phpBB, vBulletin, XenForo, MyBB."))
        #expect(value.contains("Flagged:"))
        #expect(Editing.text(hover["range"], in: text, encoding) == "[color=rgba(0, 0, 0, 0.9)]")
    }

    @Test func nullOffTags() {
        let text = "plain [b]bold[/b]"
        let (client, _) = Editing.client(text)
        let response = client.request("textDocument/hover", Editing.at("plain", in: text, shift: 2, .utf16))
        #expect(response?["result"] is NSNull)
        #expect(errorCode(response) == nil)
    }
}
