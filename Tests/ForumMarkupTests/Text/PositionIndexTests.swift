import Testing
@testable import ForumMarkup

@Suite struct PositionIndexTests {
    /// Long lines mixing ASCII, CJK, emoji, invalid bytes and every line terminator.
    static func sample(seed: UInt64) -> SourceText {
        var state = seed
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        let pieces: [[UInt8]] = [Array("[b]".utf8), Array("字".utf8), Array("😀".utf8), Array("e\u{301}".utf8),
                                 [0xFF], [0xE4, 0xB8], Array("abc ".utf8), Array("\r\n".utf8), Array("\n".utf8), Array("\r".utf8)]
        var bytes: [UInt8] = []
        while bytes.count < 6_000 {
            let k = Int(next() % UInt64(pieces.count * 8))
            // Line terminators are rare, so most lines are longer than the index's stride.
            bytes += k < pieces.count ? pieces[k] : pieces[k % 7]
        }
        return SourceText(bytes: bytes)
    }

    @Test(arguments: [PositionEncoding.utf8, .utf16, .utf32])
    func agreesWithSourceText(_ encoding: PositionEncoding) {
        let source = PositionIndexTests.sample(seed: 7)
        let index = PositionIndex(source, encoding)
        for offset in stride(from: -3, through: source.count + 3, by: 3) {
            #expect(index.position(of: offset) == source.position(of: offset, in: encoding))
        }
        for line in -1...(source.lineCount) {
            for column in stride(from: -1, through: 8_000, by: 61) {
                let position = LinePosition(line: line, column: column)
                #expect(index.offset(of: position) == source.offset(of: position, in: encoding))
            }
        }
    }

    @Test func oneLongLineIsFast() {
        let source = SourceText(String(repeating: "[quote]😀", count: 100_000))
        let index = PositionIndex(source, .utf16)
        var total = 0
        for offset in stride(from: 0, to: source.count, by: 11) { total &+= index.position(of: offset).column }
        #expect(total > 0)
    }
}
