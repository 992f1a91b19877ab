/// What a highlighted piece of a document is, for semantic highlighting.
///
/// The server maps each case to a standard LSP token type (see its legend); the cases here say what
/// the bytes are in forum-markup terms.
public enum SemanticTokenKind: Int, Sendable, CaseIterable {
    /// `[`, `[/`, `=`, `]`, `/]` and the space before an attribute list.
    case tagBracket
    /// A tag name (known or paired unknown).
    case tagName
    /// A colour argument (`red`, `#ff0000`, `rgb(1, 2, 3)`).
    case colorArgument
    /// A size argument (`3`, `14px`, `100,80` image sizes).
    case sizeArgument
    /// A URL or e-mail argument.
    case urlArgument
    /// Any other argument (fonts, alignments, quote attribution, attribute lists).
    case argument
    /// Text inside a raw-content tag (`[code]`, `[noparse]`, `[img]`, ...): markup there is text.
    case rawText
    /// A section heading line (from the outline).
    case heading
    /// A forum chrome line (navigation, buttons, footers) that themes should dim.
    case chrome
}

/// Extra marks on a semantic token, as a bit set.
public struct SemanticTokenModifiers: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// A junk tag: its argument fails the dialect's grammar (the forum would show it as text), or
    /// it is cut off before its `]`.
    public static let junk = SemanticTokenModifiers(rawValue: 1)
    /// A tag the active dialect does not accept natively (known elsewhere, or unknown but paired).
    public static let foreign = SemanticTokenModifiers(rawValue: 2)
    /// A close tag with no open element (stray).
    public static let unmatched = SemanticTokenModifiers(rawValue: 4)
}

/// One highlighted byte range; it never spans a line terminator.
public struct SemanticToken: Sendable, Hashable {
    /// The bytes covered (0-based UTF-8 offsets, on one line).
    public var range: ByteRange
    public var kind: SemanticTokenKind
    public var modifiers: SemanticTokenModifiers
    public init(range: ByteRange, kind: SemanticTokenKind, modifiers: SemanticTokenModifiers = []) {
        self.range = range
        self.kind = kind
        self.modifiers = modifiers
    }
}

/// Classifies the bytes of a document for semantic highlighting, in one pass over the tree.
///
/// Tokens come out sorted and non-overlapping; plain body text gets no token. Heading and chrome
/// lines are supplied by the caller (from the page structure and outline) as `lineSpans`; a tag on
/// such a line keeps its own tokens and the text around it takes the line's kind.
public enum SemanticTokenClassifier {
    /// A line-level span (a heading or chrome line) to colour as a whole.
    public struct LineSpan: Sendable, Hashable {
        public var range: ByteRange
        public var kind: SemanticTokenKind
        public init(range: ByteRange, kind: SemanticTokenKind) {
            self.range = range
            self.kind = kind
        }
    }

    /// The tokens of `tree`, restricted to those overlapping `range` (the whole document when nil).
    ///
    /// `lineSpans` must be sorted by start and not overlap each other; spans may cross lines (they
    /// are cut at line terminators).
    public static func tokens(in tree: SyntaxTree, range: ByteRange? = nil, lineSpans: [LineSpan] = []) -> [SemanticToken] {
        let nodes = tree.nodes
        let bytes = tree.source.bytes
        let window = range.map { tree.source.clamp($0) } ?? ByteRange(0, bytes.count)
        var out: [SemanticToken] = []
        var spanIndex = 0
        func emit(_ r: ByteRange, _ kind: SemanticTokenKind, _ modifiers: SemanticTokenModifiers = []) {
            guard !r.isEmpty, r.start < window.end, r.end > window.start else { return }
            out.append(SemanticToken(range: r, kind: kind, modifiers: modifiers))
        }
        /// Text bytes `r` outside tags: coloured only where a line span covers them.
        func emitText(_ r: ByteRange, raw: Bool) {
            if raw {
                emit(r, .rawText)
                return
            }
            var start = r.start
            while start < r.end && spanIndex < lineSpans.count {
                let span = lineSpans[spanIndex]
                if span.range.end <= start {
                    spanIndex += 1
                    continue
                }
                if span.range.start >= r.end { break }
                let piece = ByteRange(max(start, span.range.start), min(r.end, span.range.end))
                emit(piece, span.kind)
                start = piece.end
            }
        }
        var i = 1
        while i < nodes.count {
            let node = nodes[i]
            // Skip whole subtrees outside the window.
            if node.range.end <= window.start || node.range.start >= window.end {
                i = node.kind == .element ? node.subtreeEnd : i + 1
                continue
            }
            switch node.kind {
            case .text:
                let parent = node.parent
                let raw = parent > 0 && tree.nodes[parent].kind == .element && tree.nodes[parent].tag?.tagClass == .raw
                emitText(node.range, raw: raw)
            case .openTag, .closeTag, .voidTag, .strayCloseTag, .truncatedTag:
                var modifiers: SemanticTokenModifiers = []
                if !node.argumentIsValid || node.kind == .truncatedTag { modifiers.insert(.junk) }
                if node.kind == .strayCloseTag { modifiers.insert(.unmatched) }
                if node.tag.map({ !$0.isNative(in: tree.dialect) }) ?? true { modifiers.insert(.foreign) }
                tagTokens(i, tree: tree, bytes: bytes, modifiers: modifiers, emit: emit)
            default:
                break
            }
            i += 1
        }
        return out
    }

    /// The tokens of one written tag: brackets, name, `=` and argument.
    static func tagTokens(_ index: Int, tree: SyntaxTree, bytes: [UInt8], modifiers: SemanticTokenModifiers,
                          emit: (ByteRange, SemanticTokenKind, SemanticTokenModifiers) -> Void) {
        let node = tree.nodes[index]
        let name = node.nameRange
        emit(ByteRange(node.range.start, name.start), .tagBracket, modifiers)
        emit(name, .tagName, modifiers)
        var cursor = name.end
        if let argument = node.argumentRange, argument.start >= name.end, argument.end <= node.range.end {
            emit(ByteRange(name.end, argument.start), .tagBracket, modifiers)
            emit(argument, argumentKind(node.tag), modifiers)
            cursor = argument.end
        }
        emit(ByteRange(cursor, node.range.end), .tagBracket, modifiers)
    }

    /// The token kind for an argument of `tag`'s grammar.
    static func argumentKind(_ tag: TagInfo?) -> SemanticTokenKind {
        switch tag?.argument {
        case .color: .colorArgument
        case .size, .imageSize, .headingLevel: .sizeArgument
        case .url, .email: .urlArgument
        default: .argument
        }
    }
}

extension SemanticTokenClassifier {
    /// The tokens of an analysed document: tags and arguments from its tree, plus heading lines
    /// (the outline's headings and the title line) and chrome lines (from the page structure).
    public static func tokens(in analysis: DocumentAnalysis, range: ByteRange? = nil) -> [SemanticToken] {
        tokens(in: analysis.tree, range: range, lineSpans: lineSpans(of: analysis))
    }

    /// The heading, title and chrome lines of an analysed document, sorted, one span per line.
    public static func lineSpans(of analysis: DocumentAnalysis) -> [LineSpan] {
        let source = analysis.source
        var kinds: [Int: SemanticTokenKind] = [:]
        for (line, role) in analysis.structure.roles.enumerated() {
            if case .chrome = role { kinds[line] = .chrome }
        }
        if let title = analysis.outline.titleLine { kinds[title] = .heading }
        for heading in analysis.outline.headings { kinds[heading.line] = .heading }
        return kinds.keys.sorted().compactMap { line in
            let r = source.lineContentRange(line)
            return r.isEmpty ? nil : LineSpan(range: r, kind: kinds[line]!)
        }
    }
}
