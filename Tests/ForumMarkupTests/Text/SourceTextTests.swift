import Testing
@testable import ForumMarkup

@Suite struct SourceTextTests {
    /// One edit splices the line index; it must equal the index computed from scratch, with CR, LF and
    /// CR LF on both sides of the edit (joined and split), at every kind of place.
    @Test func singleEditSplicesLineStarts() {
        let pieces = ["a", "\r", "\n", "\r\n", "字", "😀", "", "xy", "\n\n", "\r\r"]
        var state: UInt64 = 0x1234_5678
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<(next() % 12) { text += pieces[next() % pieces.count] }
            let source = SourceText(text)
            let a = next() % (source.count + 1)
            let b = min(source.count, a + next() % 4)
            let edit = TextEdit(range: ByteRange(a, b), replacement: pieces[next() % pieces.count])
            let spliced = source.applying(edit)
            let fresh = SourceText(bytes: spliced.bytes)
            #expect(spliced.lineStarts == fresh.lineStarts, "\(text.debugDescription) \(edit)")
        }
    }

    @Test func emptyDocumentHasOneLine() {
        let text = SourceText("")
        #expect(text.lineCount == 1)
        #expect(text.position(of: 0, in: .utf16) == LinePosition(line: 0, column: 0))
        #expect(text.offset(of: LinePosition(line: 5, column: 5), in: .utf16) == 0)
    }

    @Test func lineTerminatorsLFCRLFAndLoneCR() {
        let text = SourceText("a\nb\r\nc\rd")
        #expect(text.lineCount == 4)
        #expect(text.lineStarts == [0, 2, 5, 7])
        #expect(text.lineContentRange(1) == ByteRange(2, 3))
        #expect(text.lineFullRange(1) == ByteRange(2, 5))
        #expect(text.position(of: 7, in: .utf16) == LinePosition(line: 3, column: 0))
        // An offset between \r and \n belongs to the line the pair ends: it clamps to that line's end.
        #expect(text.position(of: 4, in: .utf16) == LinePosition(line: 1, column: 1))
        #expect(text.offset(of: LinePosition(line: 1, column: 9), in: .utf16) == 3)
    }

    @Test func finalTerminatorAddsEmptyLine() {
        let text = SourceText("one\ntwo\n")
        #expect(text.lineCount == 3)
        #expect(text.lineContentRange(2) == ByteRange(8, 8))
        #expect(text.position(of: 8, in: .utf8) == LinePosition(line: 2, column: 0))
        let noFinal = SourceText("one\ntwo")
        #expect(noFinal.lineCount == 2)
        #expect(noFinal.position(of: 7, in: .utf16) == LinePosition(line: 1, column: 3))
    }

    @Test func cakeEmojiIsTwoUTF16UnitsFourBytesOneScalar() {
        let text = SourceText("a🍰b")
        #expect(text.position(of: 5, in: .utf16).column == 3)
        #expect(text.position(of: 5, in: .utf8).column == 5)
        #expect(text.position(of: 5, in: .utf32).column == 2)
        #expect(text.offset(of: LinePosition(line: 0, column: 3), in: .utf16) == 5)
        // Half a surrogate pair clamps to the start of the emoji.
        #expect(text.offset(of: LinePosition(line: 0, column: 2), in: .utf16) == 1)
        // An offset inside the emoji's bytes clamps back to its start.
        #expect(text.position(of: 3, in: .utf16).column == 1)
        #expect(text.offset(of: LinePosition(line: 0, column: 3), in: .utf8) == 1)
    }

    @Test func familyEmojiCountsEveryScalar() {
        // 👨‍👩‍👧 = 3 astral scalars joined by 2 ZWJ: 8 UTF-16 units, 5 scalars, 18 bytes.
        let family = "👨‍👩‍👧"
        let text = SourceText("x\(family)y")
        let end = 1 + family.utf8.count
        #expect(family.utf8.count == 18)
        #expect(text.position(of: end, in: .utf16).column == 1 + 8)
        #expect(text.position(of: end, in: .utf32).column == 1 + 5)
        #expect(text.offset(of: LinePosition(line: 0, column: 9), in: .utf16) == end)
    }

    @Test func chineseLine() {
        let text = SourceText("标题\n一枝一叶总关情")
        #expect(text.position(of: text.count, in: .utf16) == LinePosition(line: 1, column: 7))
        #expect(text.position(of: text.count, in: .utf8) == LinePosition(line: 1, column: 21))
        #expect(text.offset(of: LinePosition(line: 1, column: 2), in: .utf16) == 7 + 6)
        #expect(text.offset(of: LinePosition(line: 1, column: 2), in: .utf32) == 7 + 6)
    }

    @Test func combiningMarkCountsAsItsOwnScalar() {
        // "é" as e + U+0301: two scalars, two UTF-16 units, three bytes.
        let text = SourceText("e\u{301}x")
        #expect(text.position(of: 3, in: .utf16).column == 2)
        #expect(text.position(of: 3, in: .utf32).column == 2)
        #expect(text.offset(of: LinePosition(line: 0, column: 1), in: .utf16) == 1)
    }

    @Test func clampsPastLineAndDocumentEnd() {
        let text = SourceText("ab\ncd")
        #expect(text.offset(of: LinePosition(line: 0, column: 99), in: .utf16) == 2)
        #expect(text.offset(of: LinePosition(line: 9, column: 0), in: .utf16) == 5)
        #expect(text.offset(of: LinePosition(line: -1, column: 0), in: .utf16) == 0)
        #expect(text.position(of: 99, in: .utf16) == LinePosition(line: 1, column: 2))
        #expect(text.position(of: -4, in: .utf16) == LinePosition(line: 0, column: 0))
    }

    @Test func invalidUTF8CountsOneUnitPerBadByte() {
        let text = SourceText(bytes: [0x61, 0xFF, 0xE4, 0xB8, 0x62])
        #expect(text.position(of: 5, in: .utf16).column == 5)
        #expect(text.position(of: 5, in: .utf8).column == 5)
    }

    @Test func offsetPositionRoundTripForEveryEncoding() {
        let text = SourceText("标题🍰\r\ne\u{301}\rx👨‍👩‍👧\n\nend")
        for encoding in PositionEncoding.allCases {
            var offset = 0
            while offset <= text.count {
                let position = text.position(of: offset, in: encoding)
                let back = text.offset(of: position, in: encoding)
                #expect(back <= offset)
                #expect(text.position(of: back, in: encoding) == position)
                offset += 1
            }
        }
    }

    @Test func textEditsApplyAsIfSimultaneousAndDropOverlaps() {
        let text = SourceText("hello world")
        let edited = text.applying([
            TextEdit(range: ByteRange(6, 11), replacement: "there"),
            TextEdit(range: ByteRange(0, 5), replacement: "hi"),
            TextEdit(range: ByteRange(3, 8), replacement: "XX"),
        ])
        #expect(edited.string == "hi there")
        #expect(TextEdit.normalized([TextEdit(range: ByteRange(2, 2), replacement: "a"),
                                     TextEdit(range: ByteRange(2, 2), replacement: "b")]).count == 2)
    }
}
