import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

@Suite struct LinkedEditingRangeRequestTests {
    @Test(arguments: Editing.encodings)
    func bothNamesAfterEmoji(_ encoding: PositionEncoding) throws {
        let text = "🎉 [size=3]大[/size]"
        let (client, result) = Editing.client(text, encoding: encoding)
        #expect((result["capabilities"] as? JSONObject)?["linkedEditingRangeProvider"] as? Bool == true)
        let response = client.request("textDocument/linkedEditingRange", Editing.at("size]", in: text, shift: 2, encoding))
        let ranges = try #require((response?["result"] as? JSONObject)?["ranges"] as? [JSONObject])
        #expect(ranges.map { Editing.text($0, in: text, encoding) } == ["size", "size"])
        #expect(Editing.tuple(ranges[1]) == [0, Editing.position(of: "size]", in: text, encoding)["character"] as! Int,
                                             0, Editing.position(of: "size]", in: text, shift: 4, encoding)["character"] as! Int])
        // On the argument: nothing to link.
        let argument = client.request("textDocument/linkedEditingRange", Editing.at("=3", in: text, shift: 1, encoding))
        #expect(argument?["result"] is NSNull)
    }
}
