import Testing
import ForumMarkup

@Suite struct StrayCloseTagTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("stray-close-tag", "[b]x[/b]\n").isEmpty)
    }
    @Test func flagsCloser() {
        #expect(flagged("stray-close-tag", "[/B][/B]Hello\n") == ["[/B]", "[/B]"])
    }
    @Test func fixDeletesIt() {
        #expect(fixed("stray-close-tag", "[/b]Hello there.\n") == "Hello there.\n")
    }
    @Test func nearMissBracketProse() {
        #expect(findings("stray-close-tag", "see [1] and [/dev/null]\n").isEmpty)
    }
    /// Fuzz finding: `<font [/noparse]>` is text (the closer splits it); without the closer it would be
    /// a leaked HTML tag and leave the body, so the guard drops that fix.
    @Test func closerSplittingHTMLStays() {
        #expect(findings("stray-close-tag", "<font [/noparse]>").allSatisfy { $0.fixes.isEmpty })
        #expect(fixed("stray-close-tag", "<b>x</b> [/noparse] y\n") == "<b>x</b>  y\n")
    }
    /// Fuzz finding: without the stray closer `[[/align]font=<a>` reads `[font=<a>` as one cut-off tag,
    /// swallowing `[font=` and the HTML tag; the deletion is not offered.
    @Test func deletionThatMakesACutOffTagOverHtmlIsNotOffered() {
        #expect(findings("stray-close-tag", "[[/align]font=<a>").allSatisfy { $0.fixes.isEmpty })
        #expect(fixed("stray-close-tag", "text[/align] more") == "text more")
    }

    /// Fuzz finding: deleting the stray closer joins `[backcolor=` to the date, so the line stops
    /// reading as a post header (`fix-body-text-stray-close-joins-cut-off-tag-header`).
    @Test func deletionThatJoinsACutOffTagToTheTextIsNotSafe() {
        let checked = readingChecked("stray-close-tag", "[backcolor=[/quote]发表于2024-1-0")
        #expect(checked.losing.isEmpty)
    }
}
