import Testing
import ForumMarkup

@Suite struct TruncatedTagTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("truncated-tag", "a [b]full[/b] tag\n").isEmpty)
    }
    @Test func flagsFragment() {
        #expect(flagged("truncated-tag", "text\n[backcolor=transparent !im\n\nmore\n") == ["[backcolor=transparent !im"])
    }
    @Test func fixDeletesIt() {
        #expect(fixed("truncated-tag", "text\n[backcolor=transparent !im\n") == "text\n\n")
    }
    @Test func nearMissBracketText() {
        #expect(findings("truncated-tag", "array [ 1, 3, 5 ] and [复制链接\n").isEmpty)
    }

    /// Fuzz finding: without the cut-off `[fon`, `[font=&` reads as a cut-off tag to the line's end
    /// (`fix-body-text-truncated-delete-after-open-bracket`): the deletion is not offered as safe.
    @Test func deletionAfterAnOpenBracketThatMakesACutOffTagIsNotSafe() {
        let checked = readingChecked("truncated-tag", "[font=&[fon")
        #expect(checked.losing.isEmpty)
    }
}
