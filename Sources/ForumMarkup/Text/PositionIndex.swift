/// Position conversion that stays fast on very long lines: `SourceText.position(of:in:)` counts
/// from the start of the line, which makes converting every node of a one-line megabyte document
/// quadratic. This index keeps, for each line longer than `stride` bytes, checkpoints (byte offset,
/// column) every `stride` bytes, built on first use with the same walk as `SourceText`, so a
/// conversion costs O(stride) and the results equal `SourceText`'s exactly (same clamping rules).
///
/// Not thread-safe (it fills its cache lazily): keep one per thread, e.g. per document version on
/// the server's worker.
public final class PositionIndex {
    /// The text positions refer to.
    public let source: SourceText
    /// The encoding columns are counted in.
    public let encoding: PositionEncoding
    /// Lines whose content is at most this many bytes are converted by `SourceText` directly.
    public static let stride = 256

    private struct Checkpoint {
        var offset: Int
        var column: Int
    }
    private var checkpoints: [Int: [Checkpoint]] = [:]

    public init(_ source: SourceText, _ encoding: PositionEncoding) {
        self.source = source
        self.encoding = encoding
    }

    /// Same as `source.position(of: offset, in: encoding)`.
    public func position(of offset: Int) -> LinePosition {
        let target = min(max(offset, 0), source.count)
        let line = source.line(containing: target)
        let content = source.lineContentRange(line)
        if content.count <= PositionIndex.stride { return source.position(of: target, in: encoding) }
        let points = lineCheckpoints(line, content)
        let stop = min(target, content.end)
        // The last checkpoint at or before `stop`.
        var low = 0
        var high = points.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if points[mid].offset <= stop { low = mid } else { high = mid - 1 }
        }
        var i = points[low].offset
        var column = points[low].column
        let bytes = source.bytes
        while i < stop {
            let (length, units) = SourceText.scalarLength(bytes, at: i, limit: content.end, encoding)
            if i + length > stop { break }
            column += units
            i += length
        }
        return LinePosition(line: line, column: column)
    }

    /// Same as `source.offset(of: position, in: encoding)`.
    public func offset(of position: LinePosition) -> Int {
        if position.line < 0 || position.line >= source.lineCount || encoding == .utf8 {
            return source.offset(of: position, in: encoding)
        }
        let content = source.lineContentRange(position.line)
        if content.count <= PositionIndex.stride { return source.offset(of: position, in: encoding) }
        let points = lineCheckpoints(position.line, content)
        let wanted = max(position.column, 0)
        var low = 0
        var high = points.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if points[mid].column <= wanted { low = mid } else { high = mid - 1 }
        }
        var i = points[low].offset
        var column = points[low].column
        let bytes = source.bytes
        while i < content.end && column < wanted {
            let (length, units) = SourceText.scalarLength(bytes, at: i, limit: content.end, encoding)
            if column + units > wanted { break }
            column += units
            i += length
        }
        return i
    }

    /// Converts a byte range to a pair of positions.
    public func positions(of range: ByteRange) -> (start: LinePosition, end: LinePosition) {
        (position(of: range.start), position(of: range.end))
    }

    private func lineCheckpoints(_ line: Int, _ content: ByteRange) -> [Checkpoint] {
        if let points = checkpoints[line] { return points }
        var points = [Checkpoint(offset: content.start, column: 0)]
        points.reserveCapacity(content.count / PositionIndex.stride + 2)
        let bytes = source.bytes
        var i = content.start
        var column = 0
        var next = content.start + PositionIndex.stride
        while i < content.end {
            let (length, units) = SourceText.scalarLength(bytes, at: i, limit: content.end, encoding)
            column += units
            i += length
            if i >= next {
                points.append(Checkpoint(offset: i, column: column))
                next = i + PositionIndex.stride
            }
        }
        checkpoints[line] = points
        return points
    }
}
