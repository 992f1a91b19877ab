import Testing
import ForumMarkup

@Suite struct UnsafeUrlTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("unsafe-url", "[url=https://a.org]x[/url] [img]http://a.org/p.png[/img]\n").isEmpty)
    }
    @Test func flagsUnsafeSchemes() {
        #expect(flagged("unsafe-url", "[url=javascript:alert(1)]x[/url]\n") == ["javascript:alert(1)"])
        #expect(flagged("unsafe-url", "[URL]JavaScript:void(0)[/URL] [img]data:image/png;base64,AA[/img]\n")
                == ["JavaScript:void(0)", "data:image/png;base64,AA"])
        #expect(flagged("unsafe-url", "[url=\" vbscript:x\"]y[/url]\n", dialect: .xenforo) == ["vbscript:x"])
        #expect(flagged("unsafe-url", "[email=javascript:x]y[/email]\n") == ["javascript:x"])
    }
    @Test func fixRemovesTheLinkAndKeepsTheText() {
        #expect(fixed("unsafe-url", "[url=javascript:alert(1)]bad link[/url]\n") == "bad link\n")
        #expect(fixed("unsafe-url", "see [url]javascript:x[/url]\n") == "see javascript:x\n")
    }
    @Test func nearMissesDoNotFire() {
        #expect(findings("unsafe-url", "[url=https://javascript.info]x[/url] javascript: is a language\n").isEmpty)
        #expect(findings("unsafe-url", "[url=database.php]x[/url] [code][url=javascript:x]y[/url][/code]\n").isEmpty)
    }
}
