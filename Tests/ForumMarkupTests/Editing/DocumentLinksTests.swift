import Testing
@testable import ForumMarkup

@Suite struct DocumentLinksTests {
    func links(_ input: String) -> [String] {
        let tree = Parser.parse(SourceText(input))
        return DocumentLinkScanner.scan(tree).links.map { "\(text(tree, $0.range)) -> \($0.target)" }
    }

    @Test func tagLinks() {
        #expect(links("[url]https://a.org/x[/url]") == ["https://a.org/x -> https://a.org/x"])
        #expect(links("[url=https://a.org]text https://b.org[/url]") == ["https://a.org -> https://a.org"])
        #expect(links("[url=\"https://a.org\"]t[/url]") == ["https://a.org -> https://a.org"])
        #expect(links("[img] http://a.org/p.png [/img]") == ["http://a.org/p.png -> http://a.org/p.png"])
        #expect(links("[img=200,100]http://a.org/p.png[/img]") == ["http://a.org/p.png -> http://a.org/p.png"])
        #expect(links("[email]me@a.org[/email]") == ["me@a.org -> mailto:me@a.org"])
        #expect(links("[email=me@a.org]mail me[/email]") == ["me@a.org -> mailto:me@a.org"])
        #expect(links("[url]www.a.org[/url]") == ["www.a.org -> http://www.a.org"])
        // Site-relative links have no absolute target.
        #expect(links("[url=forum.php?mod=viewthread]t[/url]").isEmpty)
    }

    @Test func bareURLs() {
        #expect(links("see https://a.org/x?y=1, then www.b.org.") == [
            "https://a.org/x?y=1 -> https://a.org/x?y=1", "www.b.org -> http://www.b.org",
        ])
        #expect(links("链接https://a.org/中文") == ["https://a.org/ -> https://a.org/"])
        #expect(links("(see http://a.org/wiki/X_(y))") == ["http://a.org/wiki/X_(y) -> http://a.org/wiki/X_(y)"])
        #expect(links("(http://a.org)") == ["http://a.org -> http://a.org"])
        #expect(links("[code]http://a.org[/code]").isEmpty)
        #expect(links("xhttp://a.org wwwx.org http:// www.").isEmpty)
    }

    @Test func unsafeSchemesAreNeverLinked() {
        for url in ["javascript:alert(1)", "JavaScript:x", " java\tscript:x", "vbscript:msgbox", "data:text/html;base64,xx",
                    "\"javascript:x\""] {
            let tree = Parser.parse(SourceText("[url=\(url)]t[/url] [url]\(url)[/url]"))
            let scan = DocumentLinkScanner.scan(tree)
            #expect(scan.links.isEmpty, "\(url)")
            #expect(scan.unsafe.count == 2, "\(url)")
        }
        let tree = Parser.parse(SourceText("[img]data:image/png;base64,AAA[/img]"))
        #expect(DocumentLinkScanner.scan(tree).unsafe.map(\.scheme) == ["data"])
        #expect(URLSafety.unsafeScheme(ArraySlice("https://javascript.info".utf8)) == nil)
        #expect(URLSafety.unsafeScheme(ArraySlice("database:x".utf8)) == nil)
    }
}
