/// A replacement of a byte range of a document by new text.
public struct TextEdit: Hashable, Sendable, CustomStringConvertible {
    /// The bytes replaced (0-based UTF-8 offsets into the document the edit was made for).
    public var range: ByteRange
    /// The text put in their place.
    public var replacement: String

    public init(range: ByteRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// An edit that deletes `range`.
    public static func delete(_ range: ByteRange) -> TextEdit { TextEdit(range: range, replacement: "") }

    public var description: String { "\(range) -> \(replacement.debugDescription)" }

    /// Sorts edits by position and drops every edit that overlaps an earlier kept one.
    ///
    /// Two insertions at the same offset are both kept, in their original order. An insertion at the
    /// start or end of a replaced range does not overlap it.
    public static func normalized(_ edits: [TextEdit]) -> [TextEdit] {
        let ordered = edits.enumerated().sorted { a, b in
            a.element.range.start != b.element.range.start
                ? a.element.range.start < b.element.range.start
                : (a.element.range.end != b.element.range.end
                    ? a.element.range.end < b.element.range.end : a.offset < b.offset)
        }
        var kept: [TextEdit] = []
        kept.reserveCapacity(edits.count)
        var lastEnd = Int.min
        for (_, edit) in ordered {
            if edit.range.start < lastEnd { continue }
            kept.append(edit)
            lastEnd = max(lastEnd, edit.range.end)
        }
        return kept
    }

    /// Applies `edits` to `bytes` as if simultaneously (see `normalized`); ranges are clamped.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        let kept = normalized(edits)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + kept.reduce(0) { $0 + $1.replacement.utf8.count })
        var cursor = 0
        for edit in kept {
            let start = min(max(edit.range.start, cursor), bytes.count)
            let end = min(max(edit.range.end, start), bytes.count)
            out.append(contentsOf: bytes[cursor..<start])
            out.append(contentsOf: edit.replacement.utf8)
            cursor = end
        }
        out.append(contentsOf: bytes[cursor..<bytes.count])
        return out
    }
}
