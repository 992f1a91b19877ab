/// Small byte-level helpers shared by the clean-up rules: whitespace, scalar decoding, CJK tests.
///
/// Everything works on UTF-8 bytes and 0-based byte offsets; malformed bytes count as one-byte
/// characters that are neither whitespace nor CJK.
public enum ByteScan {
    /// The byte length of the whitespace character at `i` (ASCII space or tab, NBSP U+00A0,
    /// ideographic space U+3000, narrow NBSP U+202F), or 0 when there is none. Line terminators are not included.
    @inline(__always)
    public static func whitespaceLength(_ b: [UInt8], _ i: Int, _ end: Int) -> Int {
        let c = b[i]
        if c == 0x20 || c == 0x09 { return 1 }
        if c == 0xC2, i + 1 < end, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE3, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        if c == 0xE2, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0xAF { return 3 }
        return 0
    }

    /// The byte length of the invisible character at `i` (zero-width space/joiners U+200B-U+200F,
    /// word joiner U+2060, BOM U+FEFF, soft hyphen U+00AD), or 0.
    @inline(__always)
    public static func invisibleLength(_ b: [UInt8], _ i: Int, _ end: Int) -> Int {
        let c = b[i]
        if c == 0xE2, i + 2 < end, b[i + 1] == 0x80, b[i + 2] >= 0x8B, b[i + 2] <= 0x8F { return 3 }
        if c == 0xE2, i + 2 < end, b[i + 1] == 0x81, b[i + 2] == 0xA0 { return 3 }
        if c == 0xEF, i + 2 < end, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return 3 }
        if c == 0xC2, i + 1 < end, b[i + 1] == 0xAD { return 2 }
        return 0
    }

    /// True when `range` holds only whitespace and invisible characters.
    public static func isBlank(_ b: [UInt8], _ range: ByteRange) -> Bool {
        var i = range.start
        while i < range.end {
            let w = whitespaceLength(b, i, range.end)
            if w > 0 { i += w; continue }
            let z = invisibleLength(b, i, range.end)
            if z > 0 { i += z; continue }
            return false
        }
        return true
    }

    /// Decodes the scalar at `i`: its value and byte length; a malformed byte gives (0xFFFD, 1).
    @inline(__always)
    public static func scalar(_ b: [UInt8], _ i: Int, _ end: Int) -> (value: UInt32, length: Int) {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        if c & 0xE0 == 0xC0, c >= 0xC2, i + 1 < end, b[i + 1] & 0xC0 == 0x80 {
            return (UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2)
        }
        if c & 0xF0 == 0xE0, i + 2 < end, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 {
            return (UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
        }
        if c & 0xF8 == 0xF0, c <= 0xF4, i + 3 < end, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80,
           b[i + 3] & 0xC0 == 0x80 {
            return (UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                        | UInt32(b[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// True for CJK ideographs, kana, hangul and CJK punctuation (U+3000-U+303F, U+FF00-U+FFEF).
    @inline(__always)
    public static func isCJK(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x3040 && v <= 0x30FF)
            || (v >= 0xAC00 && v <= 0xD7AF) || (v >= 0x3001 && v <= 0x303F) || (v >= 0xFF01 && v <= 0xFF5E)
            || (v >= 0x20000 && v <= 0x2FFFF) || v == 0x201C || v == 0x201D
    }

    /// The scalar that ends just before byte `i` (skipping back over continuation bytes), with its start.
    @inline(__always)
    public static func scalar(before i: Int, _ b: [UInt8], lowerBound: Int) -> (value: UInt32, start: Int)? {
        guard i > lowerBound else { return nil }
        var s = i - 1
        while s > lowerBound, s > i - 4, b[s] & 0xC0 == 0x80 { s -= 1 }
        let (v, len) = scalar(b, s, i)
        if s + len != i { return (0xFFFD, i - 1) }
        return (v, s)
    }

    /// True when `b[i...]` starts with the ASCII bytes of `literal`, ignoring ASCII case.
    @inline(__always)
    public static func hasPrefix(_ b: [UInt8], _ i: Int, _ end: Int, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard i + n <= end else { return false }
        let p = literal.utf8Start
        for k in 0..<n {
            var c = b[i + k]
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            if c != p[k] { return false }
        }
        return true
    }

    /// The 0-based line ranges of the document, content only (no terminators).
    public static func lineContents(_ source: SourceText) -> [ByteRange] {
        (0..<source.lineCount).map { source.lineContentRange($0) }
    }
}
