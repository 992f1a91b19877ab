/// A half-open range of UTF-8 byte offsets, `start..<end`, into a `SourceText`.
///
/// Offsets are 0-based byte offsets; `start <= end` always holds for ranges built by this module.
public struct ByteRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The first byte of the range (0-based).
    public var start: Int
    /// One past the last byte of the range.
    public var end: Int

    /// Creates a range; a reversed pair is swapped so that `start <= end`.
    public init(_ start: Int, _ end: Int) {
        if start <= end {
            self.start = start
            self.end = end
        } else {
            self.start = end
            self.end = start
        }
    }

    /// The number of bytes covered.
    public var count: Int { end - start }
    /// True for a zero-width range (a missing node, an insertion point).
    public var isEmpty: Bool { start == end }

    /// True when `other` lies entirely inside this range (equal ranges included).
    public func contains(_ other: ByteRange) -> Bool { other.start >= start && other.end <= end }
    /// True when `offset` lies in `start..<end`.
    public func contains(offset: Int) -> Bool { offset >= start && offset < end }
    /// True when the two ranges share at least one byte (touching ranges do not overlap).
    public func overlaps(_ other: ByteRange) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: ByteRange, rhs: ByteRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}
