/// Flags tags that change nothing: the same tag nested directly in itself (`[b][b]x[/b][/b]`, or
/// `[COLOR=Red][COLOR=Black]...` where the inner colour overrides the outer one everywhere),
/// `[align=left]`, the default alignment, outside any other alignment, and stacks of three or more
/// style tags opened back to back (`[COLOR=#282828][FONT=helvetica][SIZE=3]`), the wrapper set an
/// editor pastes around every paragraph.
///
/// Fix (safe): remove the redundant opener and its closer, keeping the text. For a stack the fix is
/// offered only (not part of "Clean up document"): the formatting may be meant.
public struct RedundantTag: CleanupRule {
    public static let code = "redundant-tag"
    public static let defaultSeverity = Severity.information
    public static let summary = "A tag that changes nothing (nested in itself, or default alignment)."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let tree = context.tree
        let b = context.bytes
        var out: [Diagnostic] = []
        var flagged = Set<Int>()
        for (index, node) in tree.nodes.enumerated() where node.kind == .element {
            guard let open = TagFacts.opener(tree, index), tree.nodes[open].kind == .openTag,
                  let close = TagFacts.closer(tree, index), tree.nodes[close].kind == .closeTag else { continue }
            let name = tree.lowercasedName(of: index)
            // The only non-blank child is an element of the same name.
            let kids = tree.children(of: index).dropFirst().dropLast()
            let solid = kids.filter { k in
                let c = tree.nodes[k]
                return !(c.kind == .newline || (c.kind == .text && ByteScan.isBlank(b, c.range)))
            }
            if solid.count == 1, let inner = solid.first, tree.nodes[inner].kind == .element,
               tree.lowercasedName(of: inner) == name, let innerOpen = TagFacts.opener(tree, inner),
               tree.nodes[innerOpen].kind == .openTag, let innerClose = TagFacts.closer(tree, inner),
               tree.nodes[innerClose].kind == .closeTag {
                let outerArg = TagFacts.argument(context.source, tree.nodes[open]) ?? []
                let innerArg = TagFacts.argument(context.source, tree.nodes[innerOpen]) ?? []
                // Same argument: the inner pair is the redundant one; otherwise the outer is overridden.
                let target = outerArg == innerArg ? innerOpen : open
                if flagged.insert(target).inserted {
                    let text = context.source.text(tree.nodes[target].range)
                    let other = context.source.text(tree.nodes[target == open ? innerOpen : open].range)
                    out.append(diagnostic(context, target, outerArg == innerArg ? Messages.nested(text, other) : Messages.overridden(text, other)))
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

    func diagnostic(_ context: RuleContext, _ opener: Int, _ message: String) -> Diagnostic {
        let tree = context.tree
        let text = context.source.text(tree.nodes[opener].range)
        let related = TagFacts.closerRange(tree, opener: opener).map { [RelatedLocation(range: $0, message: Messages.closer)] } ?? []
        return Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: tree.nodes[opener].range, message: message,
                          tags: DiagnosticTag.unnecessaryOnly, related: related,
                          fixes: [Fix(title: Messages.fixTitle(text), edits: TagFacts.removalEdits(tree, opener: opener))])
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
    }
}
