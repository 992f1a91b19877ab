import Testing
import ForumMarkup

@Suite struct RedundantTagTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("redundant-tag", "[color=Red]a [color=Black]b[/color] c[/color] [align=center]x[/align]\n").isEmpty)
    }
    @Test func flagsOverriddenOuterAndDefaultAlign() {
        #expect(flagged("redundant-tag", "[COLOR=Red][COLOR=Black]x[/COLOR][/COLOR]\n[align=left]y[/align]\n")
                    == ["[COLOR=Red]", "[align=left]"])
    }
    @Test func fixRemovesInnerDuplicate() {
        #expect(fixed("redundant-tag", "[b][b]x[/b][/b]\n") == "[b]x[/b]\n")
    }
    @Test func flagsStackedWrappersButNotEmptyOnesOrPairs() {
        #expect(flagged("redundant-tag", "[COLOR=#282828][FONT=helvetica][SIZE=3]text[/SIZE][/FONT][/COLOR]\n")
                    == ["[COLOR=#282828][FONT=helvetica][SIZE=3]"])
        #expect(findings("redundant-tag", "[COLOR=#282828][FONT=helvetica][SIZE=3] [/SIZE][/FONT][/COLOR]\n").isEmpty)
        #expect(findings("redundant-tag", "[color=Red][size=7]shout[/size][/color]\n").isEmpty)
    }
    @Test func nearMissAlignLeftInsideCenter() {
        #expect(findings("redundant-tag", "[align=center]a [align=left]b[/align][/align]\n").isEmpty)
    }

    /// A run of copies goes in one fix, so one clean-up pass reaches the fixed point.
    @Test func fixRemovesEveryNestedCopyAtOnce() {
        #expect(fixed("redundant-tag", "[b][B] [b]x[/b] [/B][/b]\n") == "[b] x [/b]\n")
        #expect(fixed("redundant-tag", "[color=red][color=Red][color=red]x[/color][/color][/color]\n") == "[color=red]x[/color]\n")
    }
    /// Past the parser's same-tag limit (10) the copies are text and their closers stray: they pair up
    /// and go too, so 13 or 60 nested `[b]` clean up in one pass (they used to need more than `maxPasses`).
    @Test func deepRunsCleanUpInOnePass() {
        for depth in [13, 60] {
            let text = String(repeating: "[b]", count: depth) + "x" + String(repeating: "[/b]", count: depth) + "\n"
            let result = CleanupRunner.cleanUp(SourceText(text))
            #expect(result.text == "[b]x[/b]\n", "depth \(depth)")
            #expect(result.passes == 1, "depth \(depth)")
        }
    }
    /// Near miss: a copy past the limit after other text is not the run's, so the deep copies stay.
    @Test func deepCopiesAfterTextStay() {
        let text = String(repeating: "[b]", count: 12) + "x[b]y" + String(repeating: "[/b]", count: 13) + "\n"
        let fix = findings("redundant-tag", text).first?.fixes.first
        #expect(fix?.edits.count == 18) // nine inner pairs, nothing past the limit
    }
}
