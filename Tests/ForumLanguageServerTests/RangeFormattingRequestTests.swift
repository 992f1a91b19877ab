import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

@Suite struct RangeFormattingRequestTests {
    @Test(arguments: Editing.encodings)
    func onlyTheLinesOfTheRange(_ encoding: PositionEncoding) throws {
        let text = "[B]一[/B]  \n中文 [I]😀[/I]  \n[U]x[/U]  "
        let (client, _) = Editing.client(text, encoding: encoding)
        let start = Editing.position(of: "中文", in: text, encoding)
        let end = Editing.position(of: "😀", in: text, encoding)
        let params: JSONObject = ["textDocument": ["uri": Editing.uri], "range": ["start": start, "end": end],
                                  "options": ["tabSize": 4, "insertSpaces": true]]
        let edits = try #require(client.request("textDocument/rangeFormatting", params)?["result"] as? [JSONObject])
        #expect(Editing.apply(edits, to: text, encoding) == "[B]一[/B]  \n中文 [i]😀[/i]\n[U]x[/U]  ")
    }
}
