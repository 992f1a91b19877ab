import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

@Suite struct DocumentHighlightRequestTests {
    @Test(arguments: Editing.encodings)
    func openAndCloseTagAfterCJK(_ encoding: PositionEncoding) throws {
        let text = "中文😀\n[quote]引用 [b]字[/b][/quote]"
        let (client, _) = Editing.client(text, encoding: encoding)
        let response = client.request("textDocument/documentHighlight", Editing.at("[/quote]", in: text, shift: 3, encoding))
        let highlights = try #require(response?["result"] as? [JSONObject])
        #expect(highlights.map { Editing.text($0["range"], in: text, encoding) } == ["[quote]", "[/quote]"])
        #expect(highlights.allSatisfy { $0["kind"] as? Int == 1 })
    }

    @Test func nullWithoutPartner() {
        let text = "[b]never closed"
        let (client, _) = Editing.client(text)
        let response = client.request("textDocument/documentHighlight", Editing.at("[b]", in: text, shift: 1, .utf16))
        #expect(response?["result"] is NSNull)
    }
}
