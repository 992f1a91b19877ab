/// A lenient scanner for tag-shaped text (`[name]`, `[/name]`, `[name=value]`) whose name is in the
/// tag catalog, used where the syntax tree has no tag node: inside text nodes, inside replacement
/// text, and to recognise junk openers the parser kept as text.
///
/// A token never spans a line; names are ASCII letters, digits, `*`, `_` and `-`, looked up
/// case-insensitively. Unknown names are not tokens (so `[1]`, `[复制链接]` stay text).
public enum TagToken {
    /// One tag-shaped token.
    public struct Token: Sendable, Hashable {
        /// The whole token, `[` to `]` inclusive (UTF-8 byte offsets).
        public var range: ByteRange
        /// The name bytes as written.
        public var name: ByteRange
        /// The bytes after `=` (or after the first space) up to `]`, nil when there is none.
        public var argument: ByteRange?
        /// True for `[/name]`.
        public var isClose: Bool
        /// The catalog entry.
        public var tag: TagInfo
    }

    /// The tokens in `range` of `b`, in order.
    public static func scan(_ b: [UInt8], _ range: ByteRange) -> [Token] {
        var out: [Token] = []
        var i = range.start
        let end = range.end
        while i < end {
            if b[i] != 0x5B { i += 1; continue }
            if let t = token(b, at: i, end) {
                out.append(t)
                i = t.range.end
            } else {
                i += 1
            }
        }
        return out
    }

    /// The token starting at the `[` at `i`, if it is one.
    public static func token(_ b: [UInt8], at i: Int, _ end: Int) -> Token? {
        var j = i + 1
        var isClose = false
        if j < end, b[j] == 0x2F { isClose = true; j += 1 }
        let nameStart = j
        while j < end, isNameByte(b[j]) { j += 1 }
        let nameEnd = j
        guard nameEnd > nameStart, nameEnd - nameStart <= TagCatalog.maxNameLength else { return nil }
        let info: TagInfo? = b.withUnsafeBufferPointer { buf in
            TagCatalog.lookup(UnsafeBufferPointer(rebasing: buf[nameStart..<nameEnd]))
        }
        guard let tag = info else { return nil }
        guard j < end else { return nil }
        if b[j] == 0x5D {
            return Token(range: ByteRange(i, j + 1), name: ByteRange(nameStart, nameEnd), argument: nil,
                         isClose: isClose, tag: tag)
        }
        guard !isClose, b[j] == 0x3D || b[j] == 0x20 else { return nil }
        let argStart = j + 1
        var k = argStart
        while k < end, b[k] != 0x5D, b[k] != 0x0A, b[k] != 0x0D, b[k] != 0x5B { k += 1 }
        guard k < end, b[k] == 0x5D else { return nil }
        return Token(range: ByteRange(i, k + 1), name: ByteRange(nameStart, nameEnd),
                     argument: ByteRange(argStart, k), isClose: false, tag: tag)
    }

    @inline(__always)
    static func isNameByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2A
            || c == 0x5F || c == 0x2D
    }
}
