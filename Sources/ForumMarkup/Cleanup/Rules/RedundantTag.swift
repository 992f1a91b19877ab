/// Flags tags that change nothing: the same tag nested directly in itself (`[b][b]x[/b][/b]`, or
/// `[COLOR=Red][COLOR=Black]...` where the inner colour overrides the outer one everywhere),
/// `[align=left]`, the default alignment, outside any other alignment, and stacks of three or more
/// style tags opened back to back (`[COLOR=#282828][FONT=helvetica][SIZE=3]`), the wrapper set an
/// editor pastes around every paragraph.
///
/// Fix (safe): remove the redundant opener and its closer, keeping the text. On the outermost copy of
/// a run nested in itself (`[b][b][b]x[/b][/b][/b]`) the fix removes every inner copy at once, also
/// those past the parser's nesting limit (text, with stray closers). For a stack the fix is offered
/// only (not part of "Clean up document"): the formatting may be meant.
public struct RedundantTag: CleanupRule {
    public static let code = "redundant-tag"
    public static let defaultSeverity = Severity.information
    public static let summary = "A tag that changes nothing (nested in itself, or default alignment)."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let tree = context.tree
        var out: [Diagnostic] = []
        var flagged = Set<Int>()
        for (index, node) in tree.nodes.enumerated() where node.kind == .element {
            guard let open = TagFacts.opener(tree, index), tree.nodes[open].kind == .openTag,
                  let close = TagFacts.closer(tree, index), tree.nodes[close].kind == .closeTag else { continue }
            let name = tree.lowercasedName(of: index)
            // The only non-blank child is an element of the same name.
            if let inner = Self.soleSameChild(context, index), let innerOpen = TagFacts.opener(tree, inner) {
                let outerArg = TagFacts.argument(context.source, tree.nodes[open]) ?? []
                let innerArg = TagFacts.argument(context.source, tree.nodes[innerOpen]) ?? []
                // Same argument: the inner pair is the redundant one; otherwise the outer is overridden.
                let target = outerArg == innerArg ? innerOpen : open
                if flagged.insert(target).inserted {
                    let text = context.source.text(tree.nodes[target].range)
                    let other = context.source.text(tree.nodes[target == open ? innerOpen : open].range)
                    let message = outerArg == innerArg ? Messages.nested(text, other) : Messages.overridden(text, other)
                    // At the top of a run of copies the fix removes every copy at once (one clean-up pass).
                    let run = outerArg == innerArg && !Self.continuesRun(context, index) ? Self.copies(context, top: index) : nil
                    out.append(diagnostic(context, target, message, removing: run))
                }
                continue
            }
            if Self.stackNames.contains(name), !inStack(tree, index), !isBlank(context, index) {
                let chain = stack(tree, from: index)
                if chain.count >= 3, flagged.insert(open).inserted {
                    let openers = chain.compactMap { TagFacts.opener(tree, $0) }
                    let first = tree.nodes[openers.first!].range, last = tree.nodes[openers.last!].range
                    let text = context.source.text(ByteRange(first.start, last.end))
                    var edits: [TextEdit] = []
                    for o in openers { edits += TagFacts.removalEdits(tree, opener: o) }
                    out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: ByteRange(first.start, last.end),
                                          message: Messages.stacked(text, chain.count), tags: DiagnosticTag.unnecessaryOnly,
                                          fixes: [Fix(title: Messages.stackFix, edits: edits, isSafe: false)]))
                }
                continue
            }
            if name == "align", let arg = TagFacts.argument(context.source, tree.nodes[open]), arg == Array("left".utf8),
               !insideAlignment(tree, index) {
                if flagged.insert(open).inserted {
                    out.append(diagnostic(context, open, Messages.defaultAlign(context.source.text(tree.nodes[open].range))))
                }
            }
        }
        return out
    }

    static let stackNames: Set<String> = ["color", "font", "size", "backcolor", "background"]

    /// The tags that remove a run of copies of one tag nested directly in each other, kept by the outermost.
    struct NestedCopies {
        /// How many copies go (the outermost tag stays).
        var count: Int
        /// Deletions of their openers and closers.
        var edits: [TextEdit]
    }

    /// The element nested in `element` as its only non-blank child, with the same name and both with real
    /// open and close tags; nil otherwise.
    static func soleSameChild(_ context: RuleContext, _ element: Int) -> Int? {
        let tree = context.tree
        guard tree.nodes[element].kind == .element, let open = TagFacts.opener(tree, element),
              tree.nodes[open].kind == .openTag, let close = TagFacts.closer(tree, element),
              tree.nodes[close].kind == .closeTag else { return nil }
        var solid: Int?
        var child = open + 1
        while child < close {
            let c = tree.nodes[child]
            if !(c.kind == .newline || (c.kind == .text && ByteScan.isBlank(context.bytes, c.range))) {
                if solid != nil { return nil }
                solid = child
            }
            child = c.subtreeEnd
        }
        guard let inner = solid, tree.nodes[inner].kind == .element,
              tree.lowercasedName(of: inner) == tree.lowercasedName(of: element),
              let innerOpen = TagFacts.opener(tree, inner), tree.nodes[innerOpen].kind == .openTag,
              let innerClose = TagFacts.closer(tree, inner), tree.nodes[innerClose].kind == .closeTag else { return nil }
        return inner
    }

    /// True when `element` is itself a redundant copy: the sole same-named child of an element with the
    /// same argument.
    static func continuesRun(_ context: RuleContext, _ element: Int) -> Bool {
        let tree = context.tree
        let parent = tree.nodes[element].parent
        guard parent >= 0, soleSameChild(context, parent) == element,
              let outer = TagFacts.opener(tree, parent), let inner = TagFacts.opener(tree, element) else { return false }
        return TagFacts.argument(context.source, tree.nodes[outer]) == TagFacts.argument(context.source, tree.nodes[inner])
    }

    /// Every copy of `top`'s tag nested directly under it with the same argument, so that one clean-up
    /// pass removes them all (the tree walk is a loop, not recursion). Past the parser's nesting limit
    /// the copies are text (`nesting-too-deep`) and their closers stray ones after `top`: those are
    /// removed too when they pair up exactly (as many stray closers, only blanks between).
    static func copies(_ context: RuleContext, top: Int) -> NestedCopies {
        let tree = context.tree, source = context.source
        let topOpen = tree.nodes[TagFacts.opener(tree, top)!]
        let argument = TagFacts.argument(source, topOpen)
        var run = NestedCopies(count: 0, edits: [])
        var current = top
        while let inner = soleSameChild(context, current), let open = TagFacts.opener(tree, inner),
              TagFacts.argument(source, tree.nodes[open]) == argument {
            run.edits += TagFacts.removalEdits(tree, opener: open)
            run.count += 1
            current = inner
        }
        // Copies kept as text at the start of the innermost copy, and no other opener kept as text in it.
        let b = context.bytes
        let name = tree.lowercasedName(of: top)
        let pattern = lowered(b, topOpen.range)
        let issues = tree.issues
        let inside = tree.nodes[current].range
        var q = 0, high = issues.count
        while q < high {
            let mid = (q + high) / 2
            if issues[mid].range.start < tree.nodes[TagFacts.opener(tree, current)!].range.end { q = mid + 1 } else { high = mid }
        }
        var deep: [ByteRange] = []
        var at = tree.nodes[TagFacts.opener(tree, current)!].range.end
        while q < issues.count, issues[q].range.start < inside.end {
            let issue = issues[q]
            q += 1
            guard issue.kind == .nestingTooDeep else { continue }
            while at < issue.range.start, b[at] == 0x0A || b[at] == 0x0D || ByteScan.whitespaceLength(b, at, issue.range.start) > 0 {
                at += b[at] == 0x0A || b[at] == 0x0D ? 1 : ByteScan.whitespaceLength(b, at, issue.range.start)
            }
            guard at == issue.range.start, lowered(b, issue.range) == pattern else { return run }
            deep.append(issue.range)
            at = issue.range.end
        }
        guard !deep.isEmpty else { return run }
        var strays: [ByteRange] = []
        var j = tree.nodes[top].subtreeEnd
        while j < tree.nodes.count, strays.count < deep.count {
            let node = tree.nodes[j]
            if node.kind == .strayCloseTag, tree.lowercasedName(of: j) == name {
                strays.append(node.range)
            } else if !(node.kind == .newline || (node.kind == .text && ByteScan.isBlank(b, node.range))) {
                break
            }
            j += 1
        }
        guard strays.count == deep.count else { return run }
        run.edits += deep.map(TextEdit.delete) + strays.map(TextEdit.delete)
        run.count += deep.count
        return run
    }

    /// The bytes of `range` in ASCII lower case.
    static func lowered(_ b: [UInt8], _ range: ByteRange? = nil) -> [UInt8] {
        let r = range ?? ByteRange(0, b.count)
        return b[r.start..<r.end].map(TagCatalog.asciiLower)
    }

    /// The chain of style elements opened back to back starting at `element` (each the first child of the last).
    func stack(_ tree: SyntaxTree, from element: Int) -> [Int] {
        var chain = [element]
        var current = element
        while true {
            guard let open = TagFacts.opener(tree, current), tree.nodes[open].kind == .openTag else { break }
            let next = open + 1
            guard next < tree.nodes[current].subtreeEnd, tree.nodes[next].kind == .element,
                  Self.stackNames.contains(tree.lowercasedName(of: next)),
                  let nextOpen = TagFacts.opener(tree, next), tree.nodes[nextOpen].kind == .openTag,
                  tree.nodes[nextOpen].range.start == tree.nodes[open].range.end else { break }
            chain.append(next)
            current = next
        }
        return chain
    }

    /// True when `element` is the second or later link of a back-to-back style chain.
    func inStack(_ tree: SyntaxTree, _ element: Int) -> Bool {
        let parent = tree.nodes[element].parent
        guard parent > 0, tree.nodes[parent].kind == .element, Self.stackNames.contains(tree.lowercasedName(of: parent)),
              let open = TagFacts.opener(tree, parent), open + 1 == element,
              let mine = TagFacts.opener(tree, element) else { return false }
        return tree.nodes[mine].range.start == tree.nodes[open].range.end
    }

    /// True when the element holds no visible text (left to `empty-tag`).
    func isBlank(_ context: RuleContext, _ element: Int) -> Bool {
        let tree = context.tree
        for k in (element + 1)..<tree.nodes[element].subtreeEnd where tree.nodes[k].kind == .text {
            if !ByteScan.isBlank(context.bytes, tree.nodes[k].range) { return false }
        }
        return true
    }

    func insideAlignment(_ tree: SyntaxTree, _ element: Int) -> Bool {
        var p = tree.nodes[element].parent
        while p > 0 {
            let n = tree.lowercasedName(of: p)
            if n == "align" || n == "center" || n == "right" || n == "left" || n == "p" { return true }
            p = tree.nodes[p].parent
        }
        return false
    }

    /// A finding on `opener` whose fix removes it and its closer, or the tags of `run` when given.
    func diagnostic(_ context: RuleContext, _ opener: Int, _ message: String, removing run: NestedCopies? = nil) -> Diagnostic {
        let tree = context.tree
        let text = context.source.text(tree.nodes[opener].range)
        let related = TagFacts.closerRange(tree, opener: opener).map { [RelatedLocation(range: $0, message: Messages.closer)] } ?? []
        let fix: Fix
        if let run, run.count > 1 {
            fix = Fix(title: Messages.runFixTitle(text, run.count), edits: run.edits)
        } else {
            fix = Fix(title: Messages.fixTitle(text), edits: TagFacts.removalEdits(tree, opener: opener))
        }
        return Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: tree.nodes[opener].range, message: message,
                          tags: DiagnosticTag.unnecessaryOnly, related: related, fixes: [fix])
    }

    enum Messages {
        static func nested(_ text: String, _ outer: String) -> String {
            "\(text) sits directly inside \(outer) and changes nothing. The fix removes it and its closer, keeping the text."
        }
        static func overridden(_ text: String, _ inner: String) -> String {
            "\(text) is overridden everywhere by \(inner) inside it. The fix removes it and its closer, keeping the text."
        }
        static func defaultAlign(_ text: String) -> String {
            "\(text) asks for the default alignment and changes nothing. The fix removes it and its closer, keeping the text."
        }
        static func stacked(_ text: String, _ count: Int) -> String {
            "\(text): \(count) style tags opened back to back, the wrapper set an editor pastes around every paragraph. "
                + "The fix removes them and their closers, keeping the text (offered only: they may be meant)."
        }
        static let stackFix = "Remove the stacked style tags"
        static let closer = "closer of this tag"
        static func fixTitle(_ text: String) -> String { "Remove \(text) and its closer" }
        static func runFixTitle(_ text: String, _ count: Int) -> String {
            "Remove the \(count) copies of \(text) nested in it and their closers"
        }
    }
}
