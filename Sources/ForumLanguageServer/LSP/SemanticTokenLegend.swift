import ForumMarkup

/// The semantic-token legend announced in `initialize` and the LSP integer encoding of tokens.
///
/// Token types are standard LSP names so that every theme colours them; index `i` of `tokenTypes`
/// is `SemanticTokenKind(rawValue: i)`. Modifier bit `i` of a token is `tokenModifiers[i]`.
public enum SemanticTokenLegend {
    /// LSP token type per `SemanticTokenKind`, in raw-value order.
    public static let tokenTypes: [String] = SemanticTokenKind.allCases.map { kind in
        switch kind {
        case .tagBracket: "operator"
        case .tagName: "keyword"
        case .colorArgument: "enumMember"
        case .sizeArgument: "number"
        case .urlArgument: "type"
        case .argument: "parameter"
        case .rawText: "string"
        case .heading: "function"
        case .chrome: "comment"
        }
    }

    /// Modifier names, bit 0 first: junk tags show as `deprecated` (struck through by most themes).
    public static let tokenModifiers = ["deprecated", "foreign", "unmatched"]

    /// The legend object of `semanticTokensProvider`.
    public struct Legend: Encodable, Sendable {
        public var tokenTypes = SemanticTokenLegend.tokenTypes
        public var tokenModifiers = SemanticTokenLegend.tokenModifiers
    }

    /// The `data` array: five integers per token (delta line, delta start, length, type, modifiers),
    /// columns and lengths in `encoding`. Tokens must be sorted, disjoint and on one line each.
    /// Linear: columns are counted forward along each line once.
    public static func encode(_ tokens: [SemanticToken], _ source: SourceText, _ encoding: PositionEncoding) -> [Int] {
        var data: [Int] = []
        data.reserveCapacity(tokens.count * 5)
        let bytes = source.bytes
        var previousLine = 0, previousColumn = 0
        var line = -1, scanByte = 0, scanColumn = 0
        for token in tokens {
            let tokenLine = source.line(containing: token.range.start)
            if tokenLine != line || scanByte > token.range.start {
                line = tokenLine
                scanByte = source.lineStarts[tokenLine]
                scanColumn = 0
            }
            scanColumn += units(bytes, scanByte, token.range.start, encoding)
            let length = units(bytes, token.range.start, token.range.end, encoding)
            scanByte = token.range.end
            let column = scanColumn
            scanColumn += length
            data.append(line - previousLine)
            data.append(line == previousLine ? column - previousColumn : column)
            data.append(length)
            data.append(token.kind.rawValue)
            data.append(Int(token.modifiers.rawValue))
            previousLine = line
            previousColumn = column
        }
        return data
    }

    /// Code units of `encoding` in `bytes[from..<to]`, counted as `SourceText` counts columns (a
    /// malformed byte is one unit).
    static func units(_ bytes: [UInt8], _ from: Int, _ to: Int, _ encoding: PositionEncoding) -> Int {
        if encoding == .utf8 { return max(0, to - from) }
        var count = 0
        var i = from
        while i < to {
            let (length, width) = SourceText.scalarLength(bytes, at: i, limit: to, encoding)
            count += width
            i += length
        }
        return count
    }
}
