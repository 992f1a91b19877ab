import Testing
import ForumMarkup

@Suite struct HtmlRemnantTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("html-remnant", "a < b and <package>=<version>, < /dev/ttyUSB1, <HTML>\n").isEmpty)
    }
    @Test func flagsTagsAndEntities() {
        #expect(flagged("html-remnant", "line<br/>next<BR>\n<i class=\"icon icon-lock\"></i>x &amp; y&nbsp;z\n")
                    == ["<br/>", "<BR>", "<i class=\"icon icon-lock\">", "</i>", "&amp;", "&nbsp;"])
    }
    @Test func fixDeletesTagsAndDecodesEntities() {
        #expect(fixed("html-remnant", "诗<br/>孙 &quot;q&quot; a&amp;b &lt;package&gt;\n") == "诗孙 \"q\" a&b <package>\n")
    }
    @Test func nearMissDoesNotDecodeIntoATag() {
        #expect(fixed("html-remnant", "&lt;br&gt;\n") == "&lt;br>\n")
    }
    /// Fuzz finding: `&amp;amp;` is double escaping; decoding the first `&amp;` would make `&amp;`, a
    /// new entity, so it is left alone (the body text reads `&amp;` either way only without the fix).
    @Test func nearMissDoesNotDecodeIntoAnEntity() {
        #expect(findings("html-remnant", "&amp;amp;\n").isEmpty)
        #expect(fixed("html-remnant", "&amp;x\n") == "&x\n")
    }
    /// Fuzz finding: without its `<br>` the line `发表于2024-3-<br>1` reads as a post header (chrome), so
    /// its text would leave the body: the guard drops that fix (`BodyText.makesChrome`).
    @Test func deletingATagThatMakesTheLineChromeIsNotOffered() {
        #expect(findings("html-remnant", "发表于2024-3-<br>1").allSatisfy { $0.fixes.isEmpty })
        #expect(fixed("html-remnant", "发表于<br>很久以前\n") == "发表于很久以前\n")
    }
}
