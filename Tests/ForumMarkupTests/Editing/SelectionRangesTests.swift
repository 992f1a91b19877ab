import Testing
@testable import ForumMarkup

@Suite struct SelectionRangesTests {
    func levels(_ marked: String, outer: [ByteRange] = []) -> [String] {
        let (tree, offset) = parseMarked(marked)
        return SelectionRanges.ranges(in: tree, at: offset, outerLevels: outer).map { text(tree, $0) }
    }

    @Test func wordContentElementParagraphDocument() {
        #expect(levels("intro\n\nsay [b]hel|lo world[/b] now\nnext line\n\nend") == [
            "hello", "hello world", "[b]hello world[/b]", "say [b]hello world[/b] now\nnext line",
            "intro\n\nsay [b]hello world[/b] now\nnext line\n\nend",
        ])
    }

    @Test func onATagNameThenTagThenElement() {
        #expect(levels("[quote]a [co|lor=red]b[/color][/quote]") == [
            "color", "[color=red]", "[color=red]b[/color]", "a [color=red]b[/color]",
            "[quote]a [color=red]b[/color][/quote]",
        ])
    }

    @Test func cjkAndEmojiWords() {
        #expect(levels("😀 中文|字符,ok").first == "中文字符")
        #expect(levels("😀| x").first == "😀 x")
    }

    @Test func outerLevelsSlotInBySize() {
        let input = "t\n\np1\n\np2|"
        // A "post" covering the last two paragraphs.
        #expect(levels(input, outer: [ByteRange(3, 9)]) == ["p2", "p1\n\np2", "t\n\np1\n\np2"])
    }

    @Test func emptyDocument() {
        let tree = Parser.parse(SourceText(""))
        #expect(SelectionRanges.ranges(in: tree, at: 0) == [ByteRange(0, 0)])
    }
}
