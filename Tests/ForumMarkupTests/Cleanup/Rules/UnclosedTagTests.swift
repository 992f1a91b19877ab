import Testing
import ForumMarkup

@Suite struct UnclosedTagTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("unclosed-tag", "[b]bold[/b] and [i]italic[/i]\n").isEmpty)
    }
    @Test func flagsTheOpener() {
        #expect(flagged("unclosed-tag", "[B]anyone?\n") == ["[B]"])
    }
    @Test func fixInsertsCloserWithAuthorsSpelling() {
        #expect(fixed("unclosed-tag", "[B]anyone?\n") == "[B]anyone?[/B]\n")
    }
    @Test func nearMissStyleLeakIsNotUnclosed() {
        #expect(findings("unclosed-tag", "[backcolor=transparent !important]text\n").isEmpty)
    }
    /// The fuzz finding: a closer after a cut-off tag at the paragraph's end (`[u][siz`) would turn the
    /// fragment into words; the closer goes before it.
    @Test func closerGoesBeforeACutOffTag() {
        #expect(fixed("unclosed-tag", "[u][siz") == "[u][/u][siz")
        #expect(fixed("unclosed-tag", "[u]text [siz\n") == "[u]text[/u] [siz\n")
    }
}
