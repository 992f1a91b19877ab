import Testing
import ForumMarkup

@Suite struct TrailingWhitespaceTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("trailing-whitespace", "one\n  indented\n").isEmpty)
    }
    @Test func flagsSpacesTabsAndIdeographicSpace() {
        #expect(flagged("trailing-whitespace", "a  \nb\t\nc\u{3000}\n") == ["  ", "\t", "\u{3000}"])
    }
    @Test func fixDeletesIt() {
        #expect(fixed("trailing-whitespace", "孙则鸣  \nnext \u{00A0}\n") == "孙则鸣\nnext\n")
    }
    @Test func nearMissLeavesBlankRunsToBlankLines() {
        #expect(findings("trailing-whitespace", "a\n  \n \nb\n").isEmpty)
    }
    /// Fuzz finding: without its trailing space `[siz` would end the line and read as a cut-off tag (its
    /// text would leave the body), so the guard drops that fix.
    @Test func spaceAfterAnOpenBracketStays() {
        #expect(findings("trailing-whitespace", "[siz \n").allSatisfy { $0.fixes.isEmpty })
        #expect(findings("trailing-whitespace", "[b]x[/b] \n").first?.fixes.isEmpty == false)
    }
}
