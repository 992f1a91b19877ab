import Testing
import ForumMarkup

@Suite struct RepeatedFragmentTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("repeated-fragment", "Rank: 8\n").isEmpty)
    }
    @Test func flagsDoubledFragment() {
        #expect(flagged("repeated-fragment", "Rank: 8Rank: 8\n") == ["Rank: 8Rank: 8"])
    }
    @Test func fixDeletesSecondCopy() {
        #expect(fixed("repeated-fragment", "Rank: 8Rank: 8\n") == "Rank: 8\n")
    }
    @Test func nearMissRepliesAreNotTouched() {
        #expect(findings("repeated-fragment", "支持支持\n").isEmpty)
        #expect(findings("repeated-fragment", "haha haha \n").isEmpty)
    }
}
