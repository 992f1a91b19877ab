/// One token of the lexer's flat, lossless token stream.
///
/// Offsets are 0-based UTF-8 byte offsets. Every byte of the input lies in exactly one token.
public struct Token: Sendable, Hashable {
    /// What the token is.
    public enum Kind: UInt8, Sendable {
        /// A run of text without line terminators (bracket text that is not tag-shaped is text).
        case text
        /// One line terminator.
        case newline
        /// A tag-shaped bracket group, `[name]`, `[name=arg]`, `[name attr=v]`, `[/name]`, `[name/]`.
        /// Whether it is really a tag is the parser's decision (an unknown unpaired name is text).
        case tag
        /// A `[` and a known tag name cut off by the end of the line: `[backcolor=transparent !im`.
        case truncatedTag
    }

    // 32-bit storage keeps a token at 24 bytes (documents are limited to 2 GiB).
    private var start32: Int32
    private var end32: Int32
    private var nameEnd32: Int32
    private var argumentStart32: Int32
    private var argumentEnd32: Int32
    private var catalogIndex16: Int16
    public var kind: Kind
    /// For tags: true for `[/name]`.
    public var isClose: Bool
    /// For tags: true for `[name/]`.
    public var isSelfClosing: Bool

    init(kind: Kind, start: Int, end: Int, isClose: Bool = false, isSelfClosing: Bool = false, nameEnd: Int = -1,
         argumentStart: Int = -1, argumentEnd: Int = -1, catalogIndex: Int = -1) {
        self.kind = kind
        start32 = Int32(truncatingIfNeeded: start)
        end32 = Int32(truncatingIfNeeded: end)
        self.isClose = isClose
        self.isSelfClosing = isSelfClosing
        nameEnd32 = Int32(truncatingIfNeeded: nameEnd)
        argumentStart32 = Int32(truncatingIfNeeded: argumentStart)
        argumentEnd32 = Int32(truncatingIfNeeded: argumentEnd)
        catalogIndex16 = Int16(truncatingIfNeeded: catalogIndex)
    }

    /// The first byte of the token.
    public var start: Int { Int(start32) }
    /// One past the token's last byte.
    public var end: Int {
        get { Int(end32) }
        set { end32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// For tags and truncated tags: the first byte of the name (after `[` or `[/`).
    public var nameStart: Int { start + (isClose ? 2 : 1) }
    /// For tags and truncated tags: one past the name's last byte.
    public var nameEnd: Int { Int(nameEnd32) }
    /// For tags: the argument's first byte, -1 when none.
    public var argumentStart: Int {
        get { Int(argumentStart32) }
        set { argumentStart32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// For tags: one past the argument's last byte, -1 when none.
    public var argumentEnd: Int {
        get { Int(argumentEnd32) }
        set { argumentEnd32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// For tags: the catalog index of the name, -1 when the name is not in the catalog.
    public var catalogIndex: Int { Int(catalogIndex16) }

    /// The token's byte range.
    public var range: ByteRange { ByteRange(start, end) }
    /// The name's byte range.
    public var nameRange: ByteRange { ByteRange(nameStart, nameEnd) }
    /// The argument's byte range, or nil.
    public var argumentRange: ByteRange? { argumentStart < 0 ? nil : ByteRange(argumentStart, argumentEnd) }

    static func plain(_ kind: Kind, _ start: Int, _ end: Int) -> Token {
        Token(kind: kind, start: start, end: end)
    }
}

/// Splits a document into tokens in one forward pass over its bytes, in linear time.
///
/// A `[` starts a tag only when followed by an optional `/`, a name of ASCII letters, digits, `*`, `#`,
/// `_` or `-` (at most 32 bytes), and then `]`, `/]`, `=arg]` or (known names only) ` attrs]`, with the
/// `]` before the end of the line and no other `[` before it. Inside raw-content tags (`code`,
/// `noparse`, `img`, ...) nothing is tokenised up to the matching closer. A `[` plus a known tag name
/// (or a 3+ byte prefix of one) that runs into the end of its line is a truncated tag.
public struct Lexer {
    /// The longest tag name considered, in bytes.
    public static let maxNameLength = 32

    /// Tokenises `bytes`. Never fails; concatenating the tokens gives `bytes` back.
    public static func tokenize(_ bytes: [UInt8]) -> [Token] {
        bytes.withUnsafeBufferPointer { buffer in
            var lexer = LexerState(buffer)
            lexer.run()
            return lexer.tokens
        }
    }
}

/// The mutable state of one tokenisation.
struct LexerState {
    let b: UnsafeBufferPointer<UInt8>
    var tokens: [Token] = []
    /// Start of the pending text run, or -1.
    var textStart = -1
    // Forward caches: the next `]`, `[` and line terminator at or after some position. Queries only
    // move forward, so each cache is advanced at most once over the input: linear in total.
    var nextRBracket = -1
    var nextLBracket = -1
    var nextNewline = -1
    /// Per raw tag name (catalog index): a position from which no closer exists.
    var rawCloserMissingFrom: [Int: Int] = [:]

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        b = buffer
        tokens.reserveCapacity(buffer.count / 16 + 4)
    }

    mutating func flushText(_ upTo: Int) {
        if textStart >= 0 && textStart < upTo {
            tokens.append(.plain(.text, textStart, upTo))
        }
        textStart = -1
    }

    mutating func run() {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c == 0x0A || c == 0x0D {
                flushText(i)
                let end = (c == 0x0D && i + 1 < n && b[i + 1] == 0x0A) ? i + 2 : i + 1
                tokens.append(.plain(.newline, i, end))
                i = end
                continue
            }
            if c == 0x5B, let token = lexTag(at: i) {
                flushText(i)
                tokens.append(token)
                i = token.end
                if token.kind == .tag, !token.isClose, !token.isSelfClosing, token.catalogIndex >= 0,
                   TagCatalog.tags[token.catalogIndex].tagClass == .raw {
                    i = swallowRawContent(of: token, from: i)
                }
                continue
            }
            if textStart < 0 { textStart = i }
            i += 1
            // Skip plain text fast: every byte above `[` (CJK, letters) and every byte that is not
            // `[`, `\n` or `\r` below it.
            while i < n {
                let d = b[i]
                if d > 0x5B || (d != 0x5B && d != 0x0A && d != 0x0D) { i += 1 } else { break }
            }
        }
        flushText(n)
    }

    @inline(__always)
    static func isNameByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
            || c == 0x2A || c == 0x23 || c == 0x5F || c == 0x2D
    }

    /// The first position at or after `position` whose byte satisfies `predicate` (or the end),
    /// reusing `cache` when it already lies ahead.
    static func findForward(_ b: UnsafeBufferPointer<UInt8>, _ cache: inout Int, from position: Int,
                            _ predicate: (UInt8) -> Bool) -> Int {
        if cache >= position { return cache }
        var j = position
        while j < b.count && !predicate(b[j]) { j += 1 }
        cache = j
        return j
    }

    mutating func nextR(_ from: Int) -> Int { LexerState.findForward(b, &nextRBracket, from: from) { $0 == 0x5D } }
    mutating func nextL(_ from: Int) -> Int { LexerState.findForward(b, &nextLBracket, from: from) { $0 == 0x5B } }
    mutating func nextNL(_ from: Int) -> Int {
        LexerState.findForward(b, &nextNewline, from: from) { $0 == 0x0A || $0 == 0x0D }
    }

    /// Tries to read a tag (or truncated tag) starting at the `[` at `start`.
    mutating func lexTag(at start: Int) -> Token? {
        let n = b.count
        var j = start + 1
        var isClose = false
        if j < n && b[j] == 0x2F {
            isClose = true
            j += 1
        }
        let nameStart = j
        while j < n && j - nameStart <= Lexer.maxNameLength && LexerState.isNameByte(b[j]) { j += 1 }
        let nameEnd = j
        let nameLength = nameEnd - nameStart
        guard nameLength > 0, nameLength <= Lexer.maxNameLength else { return nil }
        let catalogIndex = TagCatalog.index(of: UnsafeBufferPointer(rebasing: b[nameStart..<nameEnd]))
        var token = Token(kind: .tag, start: start, end: 0, isClose: isClose, nameEnd: nameEnd,
                          catalogIndex: catalogIndex)
        if j >= n || b[j] == 0x0A || b[j] == 0x0D {
            // The line ends right after the name: a tag cut off mid-name?
            let isKnownPrefix = nameLength >= 3
                && (catalogIndex >= 0 || TagCatalog.isNamePrefix(UnsafeBufferPointer(rebasing: b[nameStart..<nameEnd])))
            guard isKnownPrefix else { return nil }
            token.kind = .truncatedTag
            token.end = j
            return token
        }
        let c = b[j]
        if c == 0x5D {
            token.end = j + 1
            return token
        }
        if c == 0x2F && j + 1 < n && b[j + 1] == 0x5D && !isClose {
            token.isSelfClosing = true
            token.end = j + 2
            return token
        }
        let takesArgument = (c == 0x3D && !isClose) || (c == 0x20 && !isClose && catalogIndex >= 0)
        guard takesArgument else { return nil }
        let argumentStart = j + 1
        let close = nextR(argumentStart)
        let lineEnd = nextNL(argumentStart)
        let otherBracket = nextL(start + 1)
        if close < lineEnd && close < otherBracket {
            // After a space, only attribute lists (`[quote author=x]`) or trailing spaces (`[b ]`) count:
            // `[i y]` in prose is text.
            if c == 0x20 && !(argumentStart..<close).contains(where: { b[$0] == 0x3D })
                && !(argumentStart..<close).allSatisfy({ b[$0] == 0x20 }) {
                return nil
            }
            token.argumentStart = argumentStart
            token.argumentEnd = close
            token.end = close + 1
            return token
        }
        // No `]` on this line: a known tag whose argument runs into the end of the line is truncated.
        if c == 0x3D && catalogIndex >= 0 && lineEnd <= close && lineEnd <= otherBracket {
            token.kind = .truncatedTag
            token.argumentStart = argumentStart
            token.argumentEnd = lineEnd
            token.end = lineEnd
            return token
        }
        return nil
    }

    /// Emits the content of a raw tag as text and newline tokens up to its closer (which is then
    /// lexed normally). Returns where lexing resumes. Without a closer, nothing is swallowed.
    mutating func swallowRawContent(of open: Token, from position: Int) -> Int {
        if let missingFrom = rawCloserMissingFrom[open.catalogIndex], missingFrom <= position { return position }
        let name = TagCatalog.nameBytes[open.catalogIndex]
        guard let closer = findCloser(name, from: position) else {
            rawCloserMissingFrom[open.catalogIndex] = position
            return position
        }
        var i = position
        var runStart = i
        while i < closer {
            let c = b[i]
            if c == 0x0A || c == 0x0D {
                if runStart < i { tokens.append(.plain(.text, runStart, i)) }
                let end = (c == 0x0D && i + 1 < closer && b[i + 1] == 0x0A) ? i + 2 : i + 1
                tokens.append(.plain(.newline, i, end))
                i = end
                runStart = i
            } else {
                i += 1
            }
        }
        if runStart < closer { tokens.append(.plain(.text, runStart, closer)) }
        return closer
    }

    /// The offset of the next `[/name]` (ASCII case ignored) at or after `position`.
    func findCloser(_ name: [UInt8], from position: Int) -> Int? {
        let n = b.count
        let need = name.count + 3
        var i = position
        while i + need <= n {
            if b[i] == 0x5B && b[i + 1] == 0x2F && b[i + need - 1] == 0x5D {
                var equal = true
                for k in 0..<name.count where TagCatalog.asciiLower(b[i + 2 + k]) != name[k] {
                    equal = false
                    break
                }
                if equal { return i }
            }
            i += 1
        }
        return nil
    }
}
