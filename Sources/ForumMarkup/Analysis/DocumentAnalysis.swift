import Synchronization

/// Settings that change what the analysis reports.
public struct AnalysisOptions: Sendable, Hashable {
    /// The forum engine whose tags and argument grammars apply.
    public var dialect: Dialect { cleanup.dialect }
    /// Which clean-up rules run and at what severity (carries the dialect).
    public var cleanup: CleanupConfiguration
    public init(dialect: Dialect = .discuz) {
        self.cleanup = CleanupConfiguration(dialect: dialect)
    }
    /// Options with a full clean-up configuration.
    public init(cleanup: CleanupConfiguration) {
        self.cleanup = cleanup
    }
}

/// Everything forumls knows about one version of one document, computed once and shared by every
/// request about that version (parse tree, page structure, outline, diagnostics).
public final class DocumentAnalysis: Sendable {
    public let source: SourceText
    public let options: AnalysisOptions
    /// The lossless syntax tree.
    public let tree: SyntaxTree
    /// All findings, in document order, with fixes checked by the body-text guard. Computed on first
    /// use (code actions, clean-up, CLI) and cached; publishing diagnostics needs only `findings`.
    public var diagnostics: [Diagnostic] {
        if let cached = guardedCache.withLock({ $0 }) { return cached }
        // Computed outside the lock (a racing caller computes the same value); the first one stored wins.
        let computed = ruleFindings.guarded(in: ruleContext())
        return guardedCache.withLock { stored in
            if let stored { return stored }
            stored = computed
            return computed
        }
    }
    /// What the rules found, before any fix is checked (same diagnostics as `diagnostics`, in the same
    /// order, but with unchecked fixes): enough for ranges, codes, messages and tags.
    public let ruleFindings: RuleFindings
    private let guardedCache = Mutex<[Diagnostic]?>(nil)
    /// Title, posts, body spans and per-line chrome roles (one chrome detector for outline and clean-up).
    public let structure: PageStructure
    /// Thread title > posts > section headings.
    public let outline: Outline

    /// Analyses `source`; never fails.
    public init(source: SourceText, options: AnalysisOptions = AnalysisOptions()) {
        self.source = source
        self.options = options
        let (tree, structure) = DocumentAnalysis.parse(source, dialect: options.dialect)
        self.tree = tree
        self.structure = structure
        self.outline = OutlineBuilder.build(tree: tree, structure: structure)
        let context = DocumentAnalysis.ruleContext(source: source, tree: tree, structure: structure, options: options)
        self.ruleFindings = CleanupRunner.findings(for: context, configuration: options.cleanup)
    }

    /// The syntax tree and page structure of `source`, as every analysis computes them (no rules run).
    static func parse(_ source: SourceText, dialect: Dialect) -> (SyntaxTree, PageStructure) {
        var tree = Parser.parse(source, dialect: dialect)
        var structure = PageStructure(tree: tree)
        // No element crosses a post's end (posts are separate pages' worth of markup): re-parse with the
        // post body ends as limits. Always, not only when a block tag is left open, so that whether two
        // posts' tags pair never depends on a third post elsewhere (incremental analysis relies on it).
        if structure.posts.count > 1 {
            let limits = structure.bodyEndOffsets.filter { $0 < source.count }
            if !limits.isEmpty {
                tree = Parser.parse(source, dialect: dialect, blockLimits: limits)
                structure = PageStructure(tree: tree)
            }
        }
        return (tree, structure)
    }

    /// A fresh rule context for this analysis (the same inputs the clean-up rules saw).
    public func ruleContext() -> RuleContext {
        DocumentAnalysis.ruleContext(source: source, tree: tree, structure: structure, options: options)
    }

    /// The 0-based chrome lines of this version and their kinds, from the page structure.
    public var chromeLines: [Int: String] { DocumentAnalysis.chromeLines(structure) }

    /// The normalised body text of this version (see `BodyText`).
    public var bodyText: [UInt8] { BodyText.of(ruleContext()) }

    static func ruleContext(source: SourceText, tree: SyntaxTree, structure: PageStructure,
                            options: AnalysisOptions) -> RuleContext {
        RuleContext(source: source, tree: tree, dialect: options.dialect, chromeLines: chromeLines(structure), structure: structure)
    }

    static func chromeLines(_ structure: PageStructure) -> [Int: String] {
        var lines: [Int: String] = [:]
        for line in structure.roles.indices {
            if let kind = structure.chromeKind(ofLine: line) { lines[line] = kind.rawValue }
        }
        return lines
    }
}

/// Human messages for parser issues.
enum ParseIssueMessages {
    static func message(for issue: ParseIssue) -> String {
        switch issue.kind {
        case .unclosedTag: "[\(issue.tagName)] is never closed."
        case .strayCloseTag: "[/\(issue.tagName)] closes nothing that is open."
        case .misnestedTags: "[\(issue.tagName)] is closed by an outer tag's closer (mis-nested tags)."
        case .truncatedTag: "Tag cut off before its closing bracket."
        case .nestingTooDeep: "[\(issue.tagName)] is nested too deep and is kept as text."
        }
    }
}
