import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

@Suite struct SelectionRangeRequestTests {
    func chain(_ item: JSONObject?, _ text: String, _ encoding: PositionEncoding) -> [String] {
        var out: [String] = []
        var current = item
        while let c = current {
            out.append(Editing.text(c["range"], in: text, encoding))
            current = c["parent"] as? JSONObject
        }
        return out
    }

    @Test(arguments: Editing.encodings)
    func wordToDocumentAfterEmoji(_ encoding: PositionEncoding) throws {
        let text = "开头\n\n😀 [b]你好 world[/b] 尾\n\n结束"
        let (client, _) = Editing.client(text, encoding: encoding)
        let params: JSONObject = ["textDocument": ["uri": Editing.uri],
                                  "positions": [Editing.position(of: "world", in: text, shift: 2, encoding),
                                                Editing.position(of: "你好", in: text, shift: 1, encoding)]]
        let items = try #require(client.request("textDocument/selectionRange", params)?["result"] as? [JSONObject])
        #expect(items.count == 2)
        // Word, tag content, element, paragraph, the post body (below the title line), the document.
        #expect(chain(items[0], text, encoding) == ["world", "你好 world", "[b]你好 world[/b]", "😀 [b]你好 world[/b] 尾",
                                                    "😀 [b]你好 world[/b] 尾\n\n结束", text])
        #expect(chain(items[1], text, encoding).first == "你好")
    }
}
