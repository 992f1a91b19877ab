import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

@Suite struct FormattingRequestTests {
    static let messy = "😀 [B]粗体[/B]   \n\n\n\n[LIST][*]一 [*]二[/LIST]\t\n[code]  keep  \n\n\n[/code]"
    static let clean = "😀 [b]粗体[/b]\n\n[list]\n[*]一\n[*]二[/list]\n[code]  keep  \n\n\n[/code]"

    @Test(arguments: Editing.encodings)
    func formatsWithoutTouchingTextAndIsIdempotent(_ encoding: PositionEncoding) throws {
        let (client, result) = Editing.client(Self.messy, encoding: encoding)
        #expect((result["capabilities"] as? JSONObject)?["documentFormattingProvider"] as? Bool == true)
        let params: JSONObject = ["textDocument": ["uri": Editing.uri], "options": ["tabSize": 4, "insertSpaces": true]]
        let edits = try #require(client.request("textDocument/formatting", params)?["result"] as? [JSONObject])
        let formatted = Editing.apply(edits, to: Self.messy, encoding)
        #expect(formatted == Self.clean)
        client.notify("textDocument/didChange", ["textDocument": ["uri": Editing.uri, "version": 2],
                                                  "contentChanges": [["text": formatted]]])
        let again = try #require(client.request("textDocument/formatting", params)?["result"] as? [JSONObject])
        #expect(again.isEmpty)
    }
}
