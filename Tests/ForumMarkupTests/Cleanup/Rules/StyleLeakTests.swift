import Testing
import ForumMarkup

@Suite struct StyleLeakTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("style-leak", "[color=rgb(51, 51, 51)]x[/color] [font=微软雅黑]y[/font] [color=inherit]z[/color]\n").isEmpty)
    }
    @Test func flagsCSSInTags() {
        let text = "[backcolor=transparent !important]a\n[color=rgba(0, 0, 0, 0.9)]b[/color]\n[font=&quot;]c\n"
        #expect(flagged("style-leak", text) == ["[backcolor=transparent !important]", "[color=rgba(0, 0, 0, 0.9)]", "[font=&quot;]"])
    }
    @Test func fixRemovesTagAndCloserKeepingText() {
        #expect(fixed("style-leak", "[color=rgb(85, 136, 255) !important]link[/color] end\n") == "link end\n")
    }
    @Test func nearMissSameWordsInText() {
        #expect(findings("style-leak", "use !important sparingly; transparent colours\n").isEmpty)
    }
}
