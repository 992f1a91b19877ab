/// What a node of the syntax tree is.
public enum SyntaxKind: String, Sendable {
    /// The root; covers the whole document.
    case document
    /// A run of text on one line (bracket text that is not a tag is text too).
    case text
    /// One line terminator: `\n`, `\r\n` or `\r`.
    case newline
    /// A paired tag: children are its `openTag` (or `missingOpenTag`), its content, and its
    /// `closeTag` (or `missingCloseTag`).
    case element
    /// The opening tag of an element, `[b]`, `[color=red]`.
    case openTag
    /// The closing tag of an element, `[/b]`.
    case closeTag
    /// A tag that takes no closer (`[*]`, `[hr]`, `[page]`, `[tag/]`, index entries).
    case voidTag
    /// A closing tag with no open element of its name: kept as a leaf, recorded as an issue.
    case strayCloseTag
    /// A `[` and tag name cut off before its `]` (`[backcolor=transparent !im`): recorded as an issue.
    case truncatedTag
    /// Zero-width: the opener of an element reopened after a mis-nested close (`[b][i]x[/b]y[/i]`).
    case missingOpenTag
    /// Zero-width: the closer an unclosed or implicitly closed element lacks.
    case missingCloseTag
}

/// One node of a `SyntaxTree`, stored flat in pre-order.
///
/// A plain value with no references (cheap to copy and store by the million); the tag's name as
/// written is `SyntaxTree.name(of:)`, its catalog entry `tag`.
public struct SyntaxNode: Sendable, Hashable {
    // Stored as 32-bit values: a node is 40 bytes, so a 100 MB page's tree stays in memory comfortably.
    // Documents are limited to 2 GiB.
    private var start32: Int32
    private var end32: Int32
    private var parent32: Int32
    private var subtreeEnd32: Int32
    private var nameStart32: Int32
    private var nameEnd32: Int32
    private var argumentStart32: Int32
    private var argumentEnd32: Int32
    /// For tags and elements: the index of the tag in `TagCatalog.tags`, -1 for an unknown name
    /// (and for nodes that are not tags).
    public var tagIndex: Int16
    /// What the node is.
    public var kind: SyntaxKind
    /// For open tags, void tags and elements: whether the argument fits the active dialect's grammar
    /// for this tag (true when the tag takes no argument and has none).
    public var argumentIsValid: Bool

    public init(kind: SyntaxKind, range: ByteRange, parent: Int, subtreeEnd: Int, tagIndex: Int = -1,
                nameRange: ByteRange = ByteRange(0, 0), argumentRange: ByteRange? = nil, argumentIsValid: Bool = true) {
        self.kind = kind
        start32 = Int32(truncatingIfNeeded: range.start)
        end32 = Int32(truncatingIfNeeded: range.end)
        parent32 = Int32(truncatingIfNeeded: parent)
        subtreeEnd32 = Int32(truncatingIfNeeded: subtreeEnd)
        self.tagIndex = Int16(truncatingIfNeeded: tagIndex)
        nameStart32 = Int32(truncatingIfNeeded: nameRange.start)
        nameEnd32 = Int32(truncatingIfNeeded: nameRange.end)
        argumentStart32 = Int32(truncatingIfNeeded: argumentRange?.start ?? -1)
        argumentEnd32 = Int32(truncatingIfNeeded: argumentRange?.end ?? -1)
        self.argumentIsValid = argumentIsValid
    }

    /// The bytes the node covers (zero-width for missing nodes).
    public var range: ByteRange {
        get { ByteRange(Int(start32), Int(end32)) }
        set {
            start32 = Int32(truncatingIfNeeded: newValue.start)
            end32 = Int32(truncatingIfNeeded: newValue.end)
        }
    }
    /// Index of the parent node; -1 for the document.
    public var parent: Int {
        get { Int(parent32) }
        set { parent32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// One past the index of the node's last descendant: the subtree is `index..<subtreeEnd`.
    public var subtreeEnd: Int {
        get { Int(subtreeEnd32) }
        set { subtreeEnd32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// For tags and elements: the bytes of the tag name as written (for missing tags and elements,
    /// the name in the tag that was written); empty otherwise.
    public var nameRange: ByteRange { ByteRange(Int(nameStart32), Int(nameEnd32)) }
    /// For open tags, void tags, truncated tags and elements: the raw argument bytes after `=` (or after
    /// the first space for attribute lists), without the brackets; nil when the tag has no argument.
    public var argumentRange: ByteRange? {
        argumentStart32 < 0 ? nil : ByteRange(Int(argumentStart32), Int(argumentEnd32))
    }
    /// Sets the end of the node's range.
    mutating func setEnd(_ end: Int) { end32 = Int32(truncatingIfNeeded: end) }

    /// The catalog entry of the tag, nil for unknown names and non-tag nodes.
    public var tag: TagInfo? { tagIndex >= 0 ? TagCatalog.tags[Int(tagIndex)] : nil }

    /// True for nodes that own no children and cover source bytes (or none, for missing nodes).
    public var isLeaf: Bool { kind != .document && kind != .element }
}

/// A problem the parser met and recovered from, with the bytes it concerns.
public struct ParseIssue: Sendable, Hashable {
    /// The kinds of recovery the parser performs.
    public enum Kind: String, Sendable {
        /// An opener never closed: `range` is the opener; the element got a zero-width missing close.
        case unclosedTag = "unclosed-tag"
        /// A closer with no open element of its name: `range` is the closer.
        case strayCloseTag = "stray-close-tag"
        /// A closer that closed an outer element while an inner one was still open (and has a closer
        /// of its own later): `range` is that closer, `related` the inner element's opener, `tagName`
        /// the inner tag's name. One issue per inner element.
        case misnestedTags = "misnested-tags"
        /// A tag cut off before its `]`: `range` is the fragment.
        case truncatedTag = "truncated-tag"
        /// An opener nested deeper than the parser's depth limit, kept as text: `range` is the opener.
        case nestingTooDeep = "nesting-too-deep"
    }

    public var kind: Kind
    /// The bytes the issue is about.
    public var range: ByteRange
    /// A second range the issue points at (the partner tag), if any.
    public var related: ByteRange?
    /// The tag name concerned, as written.
    public var tagName: String

    public init(kind: Kind, range: ByteRange, related: ByteRange? = nil, tagName: String) {
        self.kind = kind
        self.range = range
        self.related = related
        self.tagName = tagName
    }
}

/// A lossless syntax tree of one document: every byte lies in exactly one leaf, and the leaves in
/// order give the document back byte for byte.
///
/// Nodes are stored flat in pre-order (`nodes[0]` is the document), so walking the tree never
/// recurses. Element nodes keep their tag data so that rules need not look at their open tag.
public final class SyntaxTree: Sendable {
    /// The document parsed.
    public let source: SourceText
    /// The dialect whose catalog and argument grammars were used.
    public let dialect: Dialect
    /// All nodes in pre-order.
    public let nodes: [SyntaxNode]
    /// The problems met while parsing, in document order of their `range`.
    public let issues: [ParseIssue]

    public init(source: SourceText, dialect: Dialect, nodes: [SyntaxNode], issues: [ParseIssue]) {
        self.source = source
        self.dialect = dialect
        self.nodes = nodes
        self.issues = issues
    }

    /// The root node's index (always 0).
    public var root: Int { 0 }

    /// The indices of the direct children of node `index`, in order.
    public func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        let end = nodes[index].subtreeEnd
        while child < end {
            result.append(child)
            child = nodes[child].subtreeEnd
        }
        return result
    }

    /// The tag name of node `index` as written (original case); empty for non-tag nodes.
    public func name(of index: Int) -> String { source.text(nodes[index].nameRange) }

    /// The tag name of node `index` in lower case (the catalog name for known tags).
    public func lowercasedName(of index: Int) -> String {
        if let tag = nodes[index].tag { return tag.name }
        return String(decoding: source.bytes[nodes[index].nameRange.start..<nodes[index].nameRange.end]
            .map(TagCatalog.asciiLower), as: UTF8.self)
    }

    /// The argument of node `index` as text, or nil.
    public func argument(of index: Int) -> String? { nodes[index].argumentRange.map { source.text($0) } }

    /// The leaves in document order, as node indices.
    public var leafIndices: [Int] {
        var result: [Int] = []
        result.reserveCapacity(nodes.count)
        for (i, node) in nodes.enumerated() where node.isLeaf { result.append(i) }
        return result
    }
}
