/// The second half of the body-text guard: a fix must not change how the page structure reads the
/// *other* lines of the document.
///
/// `BodyText.preserves` compares the bytes a fix replaces with its replacement, on the lines it touches.
/// But whether a line is chrome or body text is decided by its context: removing an unclosed `[quote]`
/// can make a later `2` read as a counter, deleting a word joiner can turn `发表于⁠2024-1-1` into a post
/// header (and every line around it into a header block), collapsing blank lines can bring a name and a
/// date line together into a post header, deleting one chrome run can leave a lone `回复` that now reads
/// as body text. The robust test is the definition itself: the body text (`BodyText.of`) of the whole
/// document after the fix equals the body text before it.
///
/// That test re-analyses the document (parse and page structure, no rules), so it runs only for fixes
/// that could change a line's reading (`isReadingNeutral` says which cannot: trailing whitespace, a
/// stray closer, a cut-off tag), and only while the re-analysed bytes stay within a budget
/// (`readingCheckBudget`). Past it (a large page with thousands of fixes) a fix keeps the verdict of the
/// line-level checks: re-analysing the whole page once per fix would make an analysis quadratic and
/// would leave a large page with almost nothing to clean, while every clean-up pass is still checked
/// whole (`CleanupRunner`), so a clean-up never loses body text either way. Invariant: every checked fix
/// this guard passes keeps the whole document's body text; a fix it finds changing it is kept, not safe
/// (an editor still offers it by its title, clean-up does not apply it).
public enum PageReadingGuard {
    /// What the guard decides about one fix that already passed `BodyText.preserves`.
    public enum Verdict: Sendable, Equatable {
        /// The whole document's body text is unchanged (or provably cannot change): safe.
        case keepsBody
        /// The fix changes the body text elsewhere: not safe.
        case changesBody
        /// The fix could change it, but the budget is spent: the line-level verdict stands.
        case unchecked
    }

    /// The bytes of re-analysis allowed per document: `budgetFactor` times its size plus `budgetBase`.
    static let budgetFactor = 1
    /// See `budgetFactor` (bytes).
    static let budgetBase = 1 << 20

    /// The most bytes `check` may re-analyse for documents of `count` bytes.
    static func readingCheckBudget(_ count: Int) -> Int { budgetFactor * count + budgetBase }

    /// Decides whether `fix` (already passed by `BodyText.preserves`) keeps the body text of the whole
    /// document, re-analysing the fixed text when the fix is not reading-neutral.
    public static func check(_ fix: Fix, in context: RuleContext) -> Verdict {
        if isReadingNeutral(fix, in: context) { return .keepsBody }
        let count = context.source.count
        guard context.readingCheckBytes + count <= readingCheckBudget(count) else { return .unchecked }
        context.readingCheckBytes += count
        return keepsWholeBody(fix.edits, in: context) ? .keepsBody : .changesBody
    }

    /// True when applying `edits` (non-overlapping, any order) leaves the body text of the whole
    /// document unchanged: the fixed text is parsed and its page structure built as `DocumentAnalysis`
    /// does, and its `BodyText.of` compared with the original's.
    public static func keepsWholeBody(_ edits: [TextEdit], in context: RuleContext) -> Bool {
        let fixed = TextEdit.apply(edits, to: context.bytes)
        return bodyText(of: fixed, dialect: context.dialect) == context.wholeBodyText
    }

    /// The body text (`BodyText.of`) of `bytes` analysed in `dialect`, without running any rule.
    public static func bodyText(of bytes: [UInt8], dialect: Dialect) -> [UInt8] {
        let source = SourceText(bytes: bytes)
        let (tree, structure) = DocumentAnalysis.parse(source, dialect: dialect)
        let fixed = RuleContext(source: source, tree: tree, dialect: dialect,
                                chromeLines: DocumentAnalysis.chromeLines(structure), structure: structure)
        return BodyText.of(fixed)
    }

    /// True when no edit of `fix` can change what the page structure reads on any line: each deletes
    /// whitespace at the start or end of one line's content (the structure trims it), or exactly one
    /// stray closer or cut-off tag (neither is an element nor text: no line's text, blocks or styling
    /// changes). Anything else (text, whole lines, line breaks, element tags, insertions) may.
    static func isReadingNeutral(_ fix: Fix, in context: RuleContext) -> Bool {
        let source = context.source
        let b = source.bytes
        for edit in fix.edits {
            let range = source.clamp(edit.range)
            guard edit.replacement.isEmpty else { return false }
            if range.isEmpty { continue }
            let line = source.line(containing: range.start)
            let content = source.lineContentRange(line)
            guard range.start >= content.start, range.end <= content.end else { return false }
            if range.start == content.start || range.end == content.end {
                var i = range.start, onlySpace = true
                while i < range.end {
                    let w = ByteScan.whitespaceLength(b, i, range.end)
                    if w == 0 { onlySpace = false; break }
                    i += w
                }
                if onlySpace { continue }
            }
            // (Not after a `[` left open on the line: the deletion could join it to the text after it.)
            guard isStrayOrCutOffTag(range, in: context), !BodyText.opensBefore(range.start, b) else { return false }
        }
        return true
    }

    /// True when `range` is exactly one stray closer or cut-off tag node of the tree.
    static func isStrayOrCutOffTag(_ range: ByteRange, in context: RuleContext) -> Bool {
        let nodes = context.tree.nodes
        let leaves = context.leaves
        var low = 0, high = leaves.count
        while low < high {
            let mid = (low + high) / 2
            if nodes[leaves[mid]].range.end <= range.start { low = mid + 1 } else { high = mid }
        }
        guard low < leaves.count else { return false }
        let node = nodes[leaves[low]]
        return node.range == range && (node.kind == .strayCloseTag || node.kind == .truncatedTag)
    }
}
