import Testing
import ForumMarkup

@Suite struct EmptyTagTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("empty-tag", "[b]x[/b] [table][tr][td][/td][/tr][/table]\n").isEmpty)
    }
    @Test func flagsOutermostEmptyPairOnce() {
        #expect(findings("empty-tag", "[COLOR=#282828][FONT=helvetica][SIZE=3] [/SIZE][/FONT][/COLOR]\n").count == 1)
    }
    @Test func fixKeepsLineBreaks() {
        #expect(fixed("empty-tag", "a[b][/b]b\n[size=3]\n[/size]\n") == "ab\n\n\n")
    }
    @Test func nearMissVoidTagIsContent() {
        #expect(findings("empty-tag", "[list][*][/list]\n").isEmpty)
    }
}
