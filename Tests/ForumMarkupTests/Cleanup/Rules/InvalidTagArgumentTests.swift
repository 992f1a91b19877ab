import Testing
import ForumMarkup

@Suite struct InvalidTagArgumentTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("invalid-tag-argument", "[size=4]x[/size] [color=#ff0000]y[/color] [size=14px]z[/size]\n").isEmpty)
    }
    @Test func flagsBadArgument() {
        #expect(flagged("invalid-tag-argument", "[size=0.85em]small[/size]\n") == ["[size=0.85em]"])
    }
    @Test func fixRemovesTagAndCloser() {
        #expect(fixed("invalid-tag-argument", "[list=i][*]one[/list]\n") == "[*]one\n")
    }
    @Test func nearMissStyleLeakBelongsToStyleLeak() {
        #expect(findings("invalid-tag-argument", "[color=rgba(0, 0, 0, 0.9)]x[/color]\n").isEmpty)
    }
}
