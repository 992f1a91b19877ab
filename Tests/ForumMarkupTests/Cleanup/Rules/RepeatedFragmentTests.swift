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

@Suite struct RepeatedFragmentChromeTests {
    /// The fuzz finding: `UID123` alone reads as a profile line (chrome), so deleting the copy would take
    /// the text out of the body; the fix stays on offer but is not safe.
    @Test func fixThatWouldMakeChromeIsNotSafe() {
        let d = findings("repeated-fragment", "x\nUID123UID123\n")
        #expect(d.count == 1)
        #expect(d.first?.fixes.allSatisfy { !$0.isSafe } == true) // not safe (and the guard drops it)
        #expect(CleanupRunner.cleanUp(SourceText("x\nUID123UID123\n")).text.contains("UID123"))
    }
    /// Near miss: a fragment that stays prose keeps its safe fix.
    @Test func fixThatStaysTextIsSafe() {
        #expect(findings("repeated-fragment", "see 3a4bsee 3a4b\n").first?.fixes.first?.isSafe == true)
    }
}
