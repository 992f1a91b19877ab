import ForumMarkup

/// The one conversion point between LSP positions and UTF-8 byte offsets: every position that
/// enters or leaves the server goes through these, which delegate to `SourceText`.
///
/// Positions past the end of a line clamp to the line's end, lines past the end of the document
/// clamp to its end, negative values clamp to 0; none of them fails.
public struct PositionConverter {
    /// The document the positions refer to.
    public let source: SourceText
    /// The negotiated encoding columns are counted in.
    public let encoding: PositionEncoding

    public init(_ source: SourceText, _ encoding: PositionEncoding) {
        self.source = source
        self.encoding = encoding
    }

    /// The LSP position of byte `offset`.
    public func position(_ offset: Int) -> Position {
        let p = source.position(of: offset, in: encoding)
        return Position(line: p.line, character: p.column)
    }

    /// The LSP range of a byte range.
    public func range(_ range: ByteRange) -> LSPRange {
        let (start, end) = source.positions(of: range, in: encoding)
        return LSPRange(start: Position(line: start.line, character: start.column),
                        end: Position(line: end.line, character: end.column))
    }

    /// The byte offset of an LSP position (clamped).
    public func offset(_ position: Position) -> Int {
        source.offset(of: LinePosition(line: position.line, column: position.character), in: encoding)
    }

    /// The byte range of an LSP range (clamped, and swapped if reversed).
    public func byteRange(_ range: LSPRange) -> ByteRange {
        ByteRange(offset(range.start), offset(range.end))
    }
}
