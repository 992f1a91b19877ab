import Testing
@testable import ForumMarkup

@Suite struct LineTextTests {
    func texts(_ s: String) -> [LineText] { LineTexts.build(Parser.parse(SourceText(s))) }

    @Test func junkOpenerIsNotPartOfTheText() {
        let lines = texts("[backcolor=transparent !important]小事里的大学问\n[backcolor=transparent !important]\n[backcolor=transparent !im")
        #expect(lines[0].string == "小事里的大学问")
        #expect(lines[1].isBlank)
        #expect(lines[2].isBlank)
    }

    @Test func textRangeCoversTheVisibleTextOnly() {
        let source = "[b]  Title [/b]\n"
        let lines = LineTexts.build(Parser.parse(SourceText(source)))
        let range = lines[0].textRange
        #expect(SourceText(source).text(range) == "Title")
        #expect(lines[0].isAllBold)
    }

    @Test func whitespaceIsFoldedAndTrimmed() {
        let lines = texts("\u{3000}\u{3000}查看:\u{00A0}12 |  回复: 3  ")
        #expect(lines[0].string == "查看: 12 | 回复: 3")
    }

    @Test func jammerAtTheEdgesIsRemoved() {
        let lines = texts("    ; a  b% |3 }! Q\" [7 Z\n2 }4 K& T  F6 r* j# c  ~) P今天天气很好& \\8 ^2 e7 N( S")
        #expect(lines[0].isJammerOnly)
        #expect(lines[1].string == "今天天气很好")
        #expect(lines[1].hasJammer)
    }

    @Test func proseIsNotJammer() {
        let lines = texts("I am a big fan of this, and 1 2 3 4 5 is a count.")
        #expect(!lines[0].hasJammer)
    }

    @Test func sizeAndBlockContext() {
        let lines = texts("[size=5][b]Heading[/b][/size]\n[quote]quoted line[/quote]\n[size=24px]Big[/size]\nmixed [b]bold[/b]")
        #expect(lines[0].wrappedSize == 5)
        #expect(lines[1].blocks.contains(.quote))
        #expect(lines[2].wrappedSize == 5)
        #expect(lines[3].isPartlyStyled)
        #expect(!lines[3].isAllBold)
    }
}
