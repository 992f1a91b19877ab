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
            let (length, width) = scalar(bytes, i, to, encoding)
            count += width
            i += length
        }
        return count
    }

    @inline(__always)
    static func scalar(_ bytes: [UInt8], _ i: Int, _ limit: Int, _ encoding: PositionEncoding) -> (Int, Int) {
        let b = bytes[i]
        if b < 0x80 { return (1, 1) }
        let length: Int
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
        for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return (1, 1) }
        let b1 = bytes[i + 1]
        if length == 3 && ((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0)) { return (1, 1) }
        if length == 4 && ((b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90)) { return (1, 1) }
        return (length, encoding == .utf16 && length == 4 ? 2 : 1)
    }
}
