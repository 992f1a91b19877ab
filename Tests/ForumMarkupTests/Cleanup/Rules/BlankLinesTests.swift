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

    /// Fuzz finding (`a\ra\n\n\n0`, lone CR included): with one blank line less, `a` and `0` read as a
    /// name-and-date post header under the title `a`, so collapsing would take them out of the body.
    @Test(arguments: ["a\ra\n\n\n0", "a\na\n\n\n0"])
    func collapseThatMakesAPostHeaderIsNotSafe(_ text: String) {
        let checked = readingChecked("blank-lines", text)
        #expect(checked.losing.isEmpty)
        #expect(checked.notSafe == ["Collapse to one blank line"])
    }
}
