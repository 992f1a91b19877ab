import Testing
import ForumMarkup

@Suite struct ReplacementCharacterTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("replacement-character", "plain ? text\n").isEmpty)
    }
    @Test func flagsRuns() {
        #expect(flagged("replacement-character", "a\u{FFFD}\u{FFFD}b \u{FFFD}\n").count == 2)
    }
    @Test func fixIsOfferedButNotSafe() {
        #expect(fixed("replacement-character", "a\u{FFFD}b\n") == "ab\n")
        #expect(fixed("replacement-character", "a\u{FFFD}b\n", safeOnly: true) == "a\u{FFFD}b\n")
    }
    @Test func nearMissQuestionMarksAreText() {
        #expect(findings("replacement-character", "? bullets ?\n").isEmpty)
    }
}
