/// One clean-up check: finds one kind of problem in an analysed document and offers its fixes.
///
/// A rule is a stateless value. Its `code` is stable (kebab-case) and names the rule in configuration,
/// diagnostics and docs; the type name is the code in UpperCamelCase, and the type's `///` comment
/// is the rule's user documentation. Rules never throw: odd input just yields fewer findings.
public protocol CleanupRule: Sendable {
    /// The stable kebab-case rule code, e.g. `style-leak`.
    static var code: String { get }
    /// The severity used when configuration does not override it.
    static var defaultSeverity: Severity { get }
    /// Whether the rule runs when configuration does not mention it.
    static var enabledByDefault: Bool { get }
    /// One sentence for listings: what the rule finds.
    static var summary: String { get }
    /// Makes the rule.
    init()
    /// Finds the rule's problems; diagnostics carry `Self.defaultSeverity` (the runner applies overrides).
    func check(_ context: RuleContext) -> [Diagnostic]
}

extension CleanupRule {
    public static var enabledByDefault: Bool { true }
}

/// Everything a rule may read about one document: its text, syntax tree, page structure and the
/// shared scans (noise, chrome lines) computed once and reused by every rule and by the body-text guard.
///
/// Not thread-safe: one context serves one run of the rules.
public final class RuleContext {
    /// The document.
    public let source: SourceText
    /// The document's syntax tree.
    public let tree: SyntaxTree
    /// The forum dialect whose tags and argument grammars apply.
    public let dialect: Dialect
    /// Chrome lines (0-based line -> kind) found by the page structure; empty when none was given.
    public let chromeLines: [Int: String]

    /// The page structure the chrome lines come from, when the context was made from an analysis.
    public let structure: PageStructure?

    /// Makes a context; `chromeLines` maps 0-based line numbers to a chrome kind ("site-header", ...).
    public init(source: SourceText, tree: SyntaxTree, dialect: Dialect, chromeLines: [Int: String] = [:],
                structure: PageStructure? = nil) {
        self.source = source
        self.tree = tree
        self.dialect = dialect
        self.chromeLines = chromeLines
        self.structure = structure
    }

    /// The document's bytes.
    public var bytes: [UInt8] { source.bytes }

    /// True when line `line` (0-based) holds only whitespace (spaces, tabs, NBSP, U+3000, zero-width).
    public func isBlank(_ line: Int) -> Bool {
        if let cached = blankCache { return cached[line] }
        var flags = [Bool](repeating: false, count: source.lineCount)
        for l in 0..<source.lineCount {
            flags[l] = ByteScan.isBlank(source.bytes, source.lineContentRange(l))
        }
        blankCache = flags
        return flags[line]
    }
    private var blankCache: [Bool]?

    /// True when 0-based line `line` is chrome (an array lookup; built once from `chromeLines`).
    public func isChromeLine(_ line: Int) -> Bool {
        if chromeFlags == nil {
            var flags = [Bool](repeating: false, count: source.lineCount)
            for (l, _) in chromeLines where l >= 0 && l < flags.count { flags[l] = true }
            chromeFlags = flags
        }
        return line >= 0 && line < chromeFlags!.count && chromeFlags![line]
    }
    private var chromeFlags: [Bool]?

    /// Byte ranges of Discuz jammer strings (spec 3.4), in document order; computed once.
    public var jammerRanges: [ByteRange] {
        if let cached = jammerCache { return cached }
        let found = AntiScrapeNoise.jammerRanges(in: source)
        jammerCache = found
        return found
    }
    private var jammerCache: [ByteRange]?

    /// Byte ranges inside raw-content elements (`[code]`, `[noparse]`, ...), where markup and
    /// hygiene rules stay quiet; computed once.
    public var rawRanges: [ByteRange] {
        if let cached = rawCache { return cached }
        var found: [ByteRange] = []
        var i = 0
        let nodes = tree.nodes
        while i < nodes.count {
            let node = nodes[i]
            if node.kind == .element, node.tag?.tagClass == .raw {
                found.append(node.range)
                i = node.subtreeEnd // nested raw elements add nothing
                continue
            }
            i += 1
        }
        rawCache = found
        return found
    }
    private var rawCache: [ByteRange]?

    /// True when `offset` lies inside a raw-content element.
    public func isInRaw(_ offset: Int) -> Bool {
        let ranges = rawRanges
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].end <= offset { low = mid + 1 } else { high = mid }
        }
        return low < ranges.count && ranges[low].contains(offset: offset)
    }

    /// The bytes of the lines examined by full body-text checks so far (past the document's size, the
    /// document's non-body ranges are computed once instead of per fix).
    public var slowGuardBytes = 0

    /// The indices of the tree's leaves in document order (every byte lies in exactly one); computed once.
    public var leaves: [Int] {
        if let cached = leafCache { return cached }
        let found = tree.leafIndices
        leafCache = found
        return found
    }
    private var leafCache: [Int]?

    /// The ranges of stray closers and plausible cut-off tags the parser reported, sorted and merged.
    public var markupIssueRanges: [ByteRange] {
        if let cached = issueCache { return cached }
        let found = BodyText.merge(tree.issues.filter {
            $0.kind == .strayCloseTag || ($0.kind == .truncatedTag && BodyText.isPlausibleTruncation(bytes, $0.range))
        }.map(\.range))
        issueCache = found
        return found
    }
    private var issueCache: [ByteRange]?

    /// The tag nodes' byte ranges (open, close, void, stray and truncated tags), sorted; an edit may
    /// cover a tag whole or leave it alone, never cut it.
    public var markupRanges: [ByteRange] {
        if let cached = markupCache { return cached }
        var found: [ByteRange] = []
        for node in tree.nodes {
            switch node.kind {
            case .openTag, .closeTag, .voidTag, .strayCloseTag, .truncatedTag:
                if !node.range.isEmpty { found.append(node.range) }
            default: continue
            }
        }
        found.sort()
        markupCache = found
        return found
    }
    private var markupCache: [ByteRange]?

    /// The opener and closer ranges of the tags whose removal changes how their content reads, sorted
    /// and computed once: `[index]` when the document has an entry shape (`[#`) anywhere (entries such
    /// as `[#1]Title` are tags only directly inside `[index]`), and raw tags (`[code]`) whose content
    /// holds `[`, `<` or `&` (text there that would read as markup without them).
    public var readingTagRanges: [ByteRange] {
        if let cached = readingCache { return cached }
        var found: [ByteRange] = []
        let b = bytes
        var hasEntry = false
        var i = 0
        while i + 1 < b.count { if b[i] == 0x5B && b[i + 1] == 0x23 { hasEntry = true; break }; i += 1 }
        for (index, node) in tree.nodes.enumerated() where node.kind == .element {
            guard let tag = node.tag, (hasEntry && tag.name == "index") || tag.tagClass == .raw,
                  let open = TagFacts.opener(tree, index) else { continue }
            let close = TagFacts.closer(tree, index)
            if tag.tagClass == .raw {
                var markupShaped = false
                if let close, tree.nodes[close].kind != .missingCloseTag {
                    var k = tree.nodes[open].range.end
                    let end = tree.nodes[close].range.start
                    while k < end { if b[k] == 0x5B || b[k] == 0x3C || b[k] == 0x26 { markupShaped = true; break }; k += 1 }
                } else {
                    // Unclosed: the lexer read its content as markup already, so only text leaves can read
                    // differently without it (`[noparse][noparse] x`: the inner opener is a tag either way).
                    var m = index + 1
                    while m < node.subtreeEnd, !markupShaped {
                        if tree.nodes[m].kind == .text {
                            let r = tree.nodes[m].range
                            var k = r.start
                            while k < r.end { if b[k] == 0x5B || b[k] == 0x3C || b[k] == 0x26 { markupShaped = true; break }; k += 1 }
                        }
                        m += 1
                    }
                }
                if !markupShaped { continue }
            }
            if !tree.nodes[open].range.isEmpty { found.append(tree.nodes[open].range) }
            if let close, !tree.nodes[close].range.isEmpty { found.append(tree.nodes[close].range) }
        }
        found.sort()
        readingCache = found
        return found
    }
    private var readingCache: [ByteRange]?

    /// The bytes re-analysed so far by `PageReadingGuard.check` (bounded by its budget).
    public var readingCheckBytes = 0

    /// The body text of the whole document (`BodyText.of`); computed once.
    public var wholeBodyText: [UInt8] {
        if let cached = wholeBodyCache { return cached }
        let found = BodyText.of(self)
        wholeBodyCache = found
        return found
    }
    private var wholeBodyCache: [UInt8]?

    /// The non-body byte ranges of the document (tags, chrome lines, noise), sorted and merged.
    public var nonBodyRanges: [ByteRange] {
        if let cached = nonBodyCache { return cached }
        let found = BodyText.nonBodyRanges(self)
        nonBodyCache = found
        return found
    }
    private var nonBodyCache: [ByteRange]?
}

extension DiagnosticTag {
    /// `[.unnecessary]`, shared so that rules do not allocate it per finding.
    public static let unnecessaryOnly: [DiagnosticTag] = [.unnecessary]
}
