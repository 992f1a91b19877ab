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
}
