import ForumMarkup

/// The one conversion point between LSP positions and UTF-8 byte offsets: every position that
/// enters or leaves the server goes through these, which delegate to `SourceText`.
///
/// Positions past the end of a line clamp to the line's end, lines past the end of the document
/// clamp to its end, negative values clamp to 0; none of them fails. Conversions go through a
/// `PositionIndex`, so they stay cheap on very long lines; results equal `SourceText`'s.
public struct PositionConverter {
    /// The index used (shared with other converters for the same document version).
    public let index: PositionIndex
    /// The document the positions refer to.
    public var source: SourceText { index.source }
    /// The negotiated encoding columns are counted in.
    public var encoding: PositionEncoding { index.encoding }

    /// A converter with a fresh index.
    public init(_ source: SourceText, _ encoding: PositionEncoding) {
        self.index = PositionIndex(source, encoding)
    }

    /// A converter reusing `index` (and the checkpoints it has built).
    public init(_ index: PositionIndex) {
        self.index = index
    }

    /// The LSP position of byte `offset`.
    public func position(_ offset: Int) -> Position {
        let p = index.position(of: offset)
        return Position(line: p.line, character: p.column)
    }

    /// The LSP range of a byte range.
    public func range(_ range: ByteRange) -> LSPRange {
        let (start, end) = index.positions(of: range)
        return LSPRange(start: Position(line: start.line, character: start.column),
                        end: Position(line: end.line, character: end.column))
    }

    /// The byte offset of an LSP position (clamped).
    public func offset(_ position: Position) -> Int {
        index.offset(of: LinePosition(line: position.line, column: position.character))
    }

    /// The byte range of an LSP range (clamped, and swapped if reversed).
    public func byteRange(_ range: LSPRange) -> ByteRange {
        ByteRange(offset(range.start), offset(range.end))
    }
}
