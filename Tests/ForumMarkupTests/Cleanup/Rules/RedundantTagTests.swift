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
}
