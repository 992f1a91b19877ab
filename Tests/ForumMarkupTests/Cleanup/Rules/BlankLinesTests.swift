import Testing
import ForumMarkup

@Suite struct BlankLinesTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("blank-lines", "one\n\ntwo\n\nthree\n").isEmpty)
    }
    @Test func flagsRuns() {
        let d = findings("blank-lines", "one\n\n\n\ntwo\n")
        #expect(d.count == 1)
        #expect(d.first?.message.hasPrefix("3 blank lines") == true)
    }
    @Test func fixKeepsOneBlankLine() {
        #expect(fixed("blank-lines", "one\n\n \n\t\ntwo\n") == "one\n\ntwo\n")
    }
    @Test func nearMissFinalNewlineIsNotABlankLine() {
        #expect(findings("blank-lines", "one\n").isEmpty)
        #expect(fixed("blank-lines", "one\n\n \n") == "one\n")
    }
}
