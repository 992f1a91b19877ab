/// The unit in which a column is counted: the three position encodings of LSP 3.17.
public enum PositionEncoding: String, Sendable, CaseIterable {
    /// Columns count UTF-8 bytes.
    case utf8 = "utf-8"
    /// Columns count UTF-16 code units (astral characters count 2). The LSP default.
    case utf16 = "utf-16"
    /// Columns count Unicode scalars.
    case utf32 = "utf-32"
}

/// A 0-based line and a 0-based column in some `PositionEncoding`.
public struct LinePosition: Hashable, Sendable, CustomStringConvertible {
    /// 0-based line number.
    public var line: Int
    /// 0-based column, in the code units of the encoding it was made for.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// A document's UTF-8 bytes and its line index: the one place where byte offsets and
/// (line, column) positions are converted into each other.
///
/// Line terminators are `\n`, `\r\n` and a lone `\r`, as LSP defines them. A text that ends with a
/// terminator has a last, empty line after it. Invalid UTF-8 is kept byte for byte; each byte that
/// is not part of a well-formed sequence counts as one code unit in every encoding (it stands for
/// U+FFFD, which is one UTF-16 unit).
public final class SourceText: Sendable {
    /// The document, byte for byte.
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`, never empty.
    public let lineStarts: [Int]

    /// Makes a source text from the UTF-8 bytes of a document (any bytes are accepted).
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.lineStarts = SourceText.computeLineStarts(bytes)
    }

    /// Makes a source text from a string's UTF-8 form.
    public convenience init(_ string: String) {
        self.init(bytes: Array(string.utf8))
    }

    /// The number of lines (at least 1; a final terminator adds an empty last line).
    public var lineCount: Int { lineStarts.count }
    /// The document's length in bytes.
    public var count: Int { bytes.count }

    /// The whole document as a string (invalid UTF-8 repaired to U+FFFD).
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The text of `range` as a string; the range is clamped to the document.
    public func text(_ range: ByteRange) -> String {
        let r = clamp(range)
        return String(decoding: bytes[r.start..<r.end], as: UTF8.self)
    }

    /// Clamps a range to `0...count`.
    public func clamp(_ range: ByteRange) -> ByteRange {
        ByteRange(min(max(range.start, 0), bytes.count), min(max(range.end, 0), bytes.count))
    }

    // MARK: Lines

    /// The bytes of line `line` without its terminator; a line past the end gives an empty range at the end.
    public func lineContentRange(_ line: Int) -> ByteRange {
        guard line >= 0 else { return ByteRange(0, 0) }
        guard line < lineStarts.count else { return ByteRange(bytes.count, bytes.count) }
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return ByteRange(start, end)
    }

    /// The bytes of line `line` including its terminator.
    public func lineFullRange(_ line: Int) -> ByteRange {
        guard line >= 0 else { return ByteRange(0, 0) }
        guard line < lineStarts.count else { return ByteRange(bytes.count, bytes.count) }
        let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        return ByteRange(lineStarts[line], end)
    }

    /// The 0-based line holding byte `offset`; offsets are clamped to the document.
    public func line(containing offset: Int) -> Int {
        let target = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= target { low = mid } else { high = mid - 1 }
        }
        return low
    }

    // MARK: Positions

    /// The (line, column) of byte `offset` with the column counted in `encoding`.
    ///
    /// An offset past the end clamps to the end; an offset inside a multi-byte character or inside a
    /// `\r\n` pair clamps back to the start of that character.
    public func position(of offset: Int, in encoding: PositionEncoding) -> LinePosition {
        let target = min(max(offset, 0), bytes.count)
        let line = line(containing: target)
        let content = lineContentRange(line)
        let stop = min(target, content.end)
        var column = 0
        var i = content.start
        while i < stop {
            let (length, units) = SourceText.scalarLength(bytes, at: i, limit: content.end, encoding)
            if i + length > stop { break }
            column += units
            i += length
        }
        return LinePosition(line: line, column: column)
    }

    /// The byte offset of a (line, column) position whose column is counted in `encoding`.
    ///
    /// A line past the last clamps to the document end; a negative line to the start; a column past
    /// the end of its line clamps to the line's end (before its terminator); a column that falls inside
    /// a character (half a surrogate pair) clamps to that character's start.
    public func offset(of position: LinePosition, in encoding: PositionEncoding) -> Int {
        if position.line < 0 { return 0 }
        if position.line >= lineStarts.count { return bytes.count }
        let content = lineContentRange(position.line)
        if encoding == .utf8 {
            var target = content.start + max(position.column, 0)
            if target >= content.end { return content.end }
            while target > content.start, SourceText.isContinuation(bytes[target]),
                  SourceText.startsSequence(bytes, before: target, lineStart: content.start) {
                target -= 1
            }
            return target
        }
        var column = 0
        var i = content.start
        let wanted = max(position.column, 0)
        while i < content.end && column < wanted {
            let (length, units) = SourceText.scalarLength(bytes, at: i, limit: content.end, encoding)
            if column + units > wanted { break }
            column += units
            i += length
        }
        return i
    }

    /// Converts a byte range to a pair of positions in `encoding`.
    public func positions(of range: ByteRange, in encoding: PositionEncoding) -> (start: LinePosition, end: LinePosition) {
        (position(of: range.start, in: encoding), position(of: range.end, in: encoding))
    }

    /// Converts a pair of positions to a byte range (clamped and ordered).
    public func range(from start: LinePosition, to end: LinePosition, in encoding: PositionEncoding) -> ByteRange {
        ByteRange(offset(of: start, in: encoding), offset(of: end, in: encoding))
    }

    // MARK: Editing

    /// A new source text with `edits` applied; edits are byte ranges into this text, applied as if
    /// simultaneously. Overlapping edits are rejected: the later of two overlapping edits is dropped.
    public func applying(_ edits: [TextEdit]) -> SourceText {
        if edits.count == 1 { return applying(edits[0]) }
        return SourceText(bytes: TextEdit.apply(edits, to: bytes))
    }

    /// The text after one edit. The line index is spliced, not recomputed: line starts before the
    /// edit's previous line are kept, the edited stretch is scanned, later starts are moved.
    public func applying(_ edit: TextEdit) -> SourceText {
        let a = min(max(edit.range.start, 0), bytes.count)
        let b = min(max(edit.range.end, a), bytes.count)
        let replacement = Array(edit.replacement.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - (b - a) + replacement.count)
        out.append(contentsOf: bytes[..<a])
        out.append(contentsOf: replacement)
        out.append(contentsOf: bytes[b...])
        let delta = replacement.count - (b - a)
        // Starts at or before `keep` depend only on bytes before the edit (one line back, so that a
        // CR before the edit and an LF inserted after it are seen together).
        let firstLine = line(containing: a)
        let keepLine = max(0, firstLine - 1)
        let keep = lineStarts[keepLine]
        // Starts from two bytes past the edit on depend only on unchanged bytes.
        let scanEnd = min(b + delta + 2, out.count)
        var starts = Array(lineStarts[...keepLine])
        starts.reserveCapacity(lineStarts.count + 16)
        var i = keep
        while i < scanEnd {
            let byte = out[i]
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D && i + 1 < out.count && out[i + 1] == 0x0A { i += 1 }
                if i + 1 <= b + delta + 1 { starts.append(i + 1) }
            }
            i += 1
        }
        var k = line(containing: b + 2 <= bytes.count ? b + 2 : bytes.count)
        while k < lineStarts.count && lineStarts[k] < b + 2 { k += 1 }
        while k < lineStarts.count {
            starts.append(lineStarts[k] + delta)
            k += 1
        }
        return SourceText(bytes: out, lineStarts: starts)
    }

    init(bytes: [UInt8], lineStarts: [Int]) {
        self.bytes = bytes
        self.lineStarts = lineStarts
    }

    // MARK: Internals

    static func computeLineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            var i = 0
            while i < n {
                let b = buffer[i]
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0x0D {
                    if i + 1 < n && buffer[i + 1] == 0x0A {
                        i += 1
                    }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        return starts
    }

    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// True when the continuation byte at `index` belongs to a well-formed sequence that starts earlier.
    static func startsSequence(_ bytes: [UInt8], before index: Int, lineStart: Int) -> Bool {
        var lead = index - 1
        while lead >= lineStart && lead > index - 4 && isContinuation(bytes[lead]) { lead -= 1 }
        guard lead >= lineStart, !isContinuation(bytes[lead]) else { return false }
        let (length, _) = scalarLength(bytes, at: lead, limit: bytes.count, .utf8)
        return lead + length > index
    }

    /// The byte length of the character at `i` and how many code units of `encoding` it takes.
    /// A malformed or truncated sequence is one byte long and one unit wide. The one place where code
    /// units are counted: every position conversion uses it.
    @inline(__always)
    public static func scalarLength(_ bytes: [UInt8], at i: Int, limit: Int, _ encoding: PositionEncoding) -> (Int, Int) {
        let b = bytes[i]
        if b < 0x80 { return (1, 1) }
        var length = 0
        if b & 0xE0 == 0xC0 && b >= 0xC2 {
            length = 2
        } else if b & 0xF0 == 0xE0 {
            length = 3
        } else if b & 0xF8 == 0xF0 && b <= 0xF4 {
            length = 4
        } else {
            return (1, 1)
        }
        if i + length > limit { return (1, 1) }
        var k = 1
        while k < length {
            if !isContinuation(bytes[i + k]) { return (1, 1) }
            k += 1
        }
        // Reject overlong and surrogate encodings so that counts agree with Swift's decoder.
        if length == 3 {
            let b1 = bytes[i + 1]
            if b == 0xE0 && b1 < 0xA0 { return (1, 1) }
            if b == 0xED && b1 >= 0xA0 { return (1, 1) }
        } else if length == 4 {
            let b1 = bytes[i + 1]
            if b == 0xF0 && b1 < 0x90 { return (1, 1) }
            if b == 0xF4 && b1 >= 0x90 { return (1, 1) }
        }
        switch encoding {
        case .utf8: return (length, length)
        case .utf16: return (length, length == 4 ? 2 : 1)
        case .utf32: return (length, 1)
        }
    }
}
