import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

@Suite struct DocumentLinkRequestTests {
    @Test(arguments: Editing.encodings)
    func linksAfterEmojiAndCJK(_ encoding: PositionEncoding) throws {
        let text = "看这里😀 https://a.org/x。\n[url=http://b.org]b[/url] [img]http://c.org/p.png[/img]\n[url=javascript:alert(1)]x[/url]"
        let (client, _) = Editing.client(text, encoding: encoding)
        let response = client.request("textDocument/documentLink", ["textDocument": ["uri": Editing.uri]])
        let links = try #require(response?["result"] as? [JSONObject])
        #expect(links.map { $0["target"] as? String } == ["https://a.org/x", "http://b.org", "http://c.org/p.png"])
        #expect(links.map { Editing.text($0["range"], in: text, encoding) } == ["https://a.org/x", "http://b.org", "http://c.org/p.png"])
    }

    @Test func unsafeURLIsADiagnosticNotALink() throws {
        let text = "[url=javascript:alert(1)]x[/url]"
        let (client, _) = Editing.client(text)
        let links = client.request("textDocument/documentLink", ["textDocument": ["uri": Editing.uri]])?["result"] as? [JSONObject]
        #expect(links?.isEmpty == true)
        let published = client.notifications("textDocument/publishDiagnostics")
        let codes = published.flatMap { (($0["params"] as? JSONObject)?["diagnostics"] as? [JSONObject]) ?? [] }
            .compactMap { $0["code"] as? String }
        #expect(codes.contains("unsafe-url"))
    }
}
