import Testing
import ForumMarkup

@Suite struct InvisibleCharacterTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("invisible-character", "\u{FEFF}plain text\u{00A0}here\n").isEmpty)
    }
    @Test func flagsZeroWidthAndStrayBOM() {
        #expect(flagged("invisible-character", "a\u{200B}\u{200B}b c\u{FEFF}d\n") == ["\u{200B}\u{200B}", "\u{FEFF}"])
    }
    @Test func fixDeletesAndTurnsNBSPRunsIntoSpaces() {
        #expect(fixed("invisible-character", "a\u{200B}b\u{00A0}\u{00A0}c\n") == "ab  c\n")
    }
    @Test func nearMissKeepsEmojiJoiners() {
        #expect(findings("invisible-character", "family 👨\u{200D}👩\u{200D}👧\n").isEmpty)
    }

    /// Fuzz finding: without the word joiner `发表于2024-1-1` is a post header (chrome), so the deletion
    /// would take the line out of the body text: offered, not safe.
    @Test func deletionThatMakesAPostHeaderIsNotSafe() {
        let checked = readingChecked("invisible-character", "发表于\u{2060}2024-1-1")
        #expect(checked.losing.isEmpty)
        #expect(checked.notSafe == ["Delete invisible characters"])
    }
}
