import Testing
import ForumMarkup

@Suite struct EditCompositionTests {
    /// Random edit sets over random text (invalid UTF-8 included; ASCII replacements, so that any cut is
    /// on a character boundary): the composition does what the two sets do one after the other, and its
    /// edits are sorted and disjoint.
    @Test func composedEditsDoWhatBothSetsDo() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("ab\n[]".utf8) + [0xFF, 0xAF]
        func randomEdits(over count: Int) -> [TextEdit] {
            var edits: [TextEdit] = []
            var at = 0
            while at <= count, edits.count < 6 {
                let start = at + Int.random(in: 0...3, using: &rng)
                guard start <= count else { break }
                let end = min(count, start + Int.random(in: 0...3, using: &rng))
                let replacement = ["", "", "x", "yz", "[/b]"].randomElement(using: &rng)!
                edits.append(TextEdit(range: ByteRange(start, end), replacement: replacement))
                at = end + Int.random(in: 0...1, using: &rng)
            }
            return edits.shuffled(using: &rng)
        }
        for _ in 0..<2000 {
            let original = (0..<Int.random(in: 0...14, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let first = randomEdits(over: original.count)
            let middle = TextEdit.apply(first, to: original)
            let second = randomEdits(over: middle.count)
            let expected = TextEdit.apply(second, to: middle)
            let composed = TextEdit.composed(first, then: second)
            #expect(TextEdit.apply(composed, to: original) == expected, "\(original) \(first) then \(second): \(composed)")
            for (a, b) in zip(composed, composed.dropFirst()) { #expect(a.range.end <= b.range.start, "\(composed)") }
        }
    }

    @Test func touchingAndNestedEditsMerge() {
        let original = Array("[b][b]x[/b][/b]".utf8)
        // Pass one removes the inner pair; pass two replaces what is left around x.
        let first = [TextEdit.delete(ByteRange(3, 6)), .delete(ByteRange(7, 11))]
        let second = [TextEdit(range: ByteRange(3, 4), replacement: "y")]
        let composed = TextEdit.composed(first, then: second)
        #expect(composed == [TextEdit(range: ByteRange(3, 7), replacement: "y"), .delete(ByteRange(7, 11))]
                || composed == [TextEdit(range: ByteRange(3, 11), replacement: "y")])
        #expect(String(decoding: TextEdit.apply(composed, to: original), as: UTF8.self) == "[b]y[/b]")
    }
}
