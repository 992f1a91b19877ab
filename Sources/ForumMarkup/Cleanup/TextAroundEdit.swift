extension BodyText {
    /// True when the text around `edit` (on its lines, up to `markupReach` bytes each side) reads the
    /// same before and after it: the same bytes are left over once tag-shaped tokens, cut-off known tags
    /// at the line's end and leaked HTML between tags are taken out, the edited bytes aside. A count of
    /// tags is not enough: without the stray closer, `[[/align]font=<a>` reads `[font=<a>` as one cut-off
    /// tag that swallows the HTML tag and the text before it. `range` is the clamped edit range and
    /// `lines` the content of the lines it touches.
    static func textAroundReadsTheSame(_ edit: TextEdit, _ range: ByteRange, _ lines: ByteRange,
                                       in source: SourceText) -> Bool {
        let b = source.bytes
        let window = ByteRange(max(lines.start, range.start - markupReach), min(lines.end, range.end + markupReach))
        let replacement = Array(edit.replacement.utf8)
        let old = Array(b[window.start..<window.end])
        let new = Array(b[window.start..<range.start]) + replacement + Array(b[range.end..<window.end])
        let at = range.start - window.start
        return text(old, leavingOut: ByteRange(at, at + range.count))
            == text(new, leavingOut: ByteRange(at, at + replacement.count))
    }

    /// The normalised bytes of `bytes` without its markup (as `makesMarkup` reads it) and `hole`.
    private static func text(_ bytes: [UInt8], leavingOut hole: ByteRange) -> [UInt8] {
        let all = ByteRange(0, bytes.count)
        var skip = lexicalMarkup(bytes, all)
        var from = 0
        for tag in skip + [ByteRange(bytes.count, bytes.count)] {
            if tag.start > from {
                for r in HtmlRemnant.remnants(in: bytes, ByteRange(from, tag.start)) where r.isMarkup { skip.append(r.range) }
            }
            from = max(from, tag.end)
        }
        skip.append(hole)
        return project(bytes, all, skipping: merge(skip))
    }
}
