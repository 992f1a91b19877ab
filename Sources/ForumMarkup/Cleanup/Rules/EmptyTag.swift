/// Flags a tag pair that wraps nothing or only whitespace, such as `[b][/b]`, `[SIZE=3] [/SIZE]`,
/// `[quote][/quote]` or `[color=#000000]` + line break + `[/color]`.
///
/// Editors leave these at block boundaries when they convert pasted HTML. Nested empty pairs are
/// reported once, on the outermost pair. Table cells and rows (`[td]`, `[th]`, `[tr]`) may be empty.
///
/// Fix (safe): delete the pair; when the whitespace inside holds a line break, only the tags go, so
/// lines are never joined.
public struct EmptyTag: CleanupRule {
    public static let code = "empty-tag"
    public static let defaultSeverity = Severity.warning
    public static let summary = "A tag pair that wraps nothing or only whitespace."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let tree = context.tree
        let b = context.bytes
        var out: [Diagnostic] = []
        var index = 0
        while index < tree.nodes.count {
            let node = tree.nodes[index]
            guard node.kind == .element, let open = TagFacts.opener(tree, index), tree.nodes[open].kind == .openTag,
                  let close = TagFacts.closer(tree, index), tree.nodes[close].kind == .closeTag,
                  !Self.exempt.contains(tree.lowercasedName(of: index)) else { index += 1; continue }
            var tags: [ByteRange] = []
            var hasNewline = false
            var empty = true
            for k in (index + 1)..<node.subtreeEnd {
                let child = tree.nodes[k]
                switch child.kind {
                case .openTag, .closeTag, .voidTag, .missingOpenTag, .missingCloseTag:
                    if child.kind == .voidTag { empty = false }
                    if !child.range.isEmpty { tags.append(child.range) }
                case .newline: hasNewline = true
                case .text: if !ByteScan.isBlank(b, child.range) { empty = false }
                case .element: if Self.exempt.contains(tree.lowercasedName(of: k)) { empty = false }
                default: empty = false
                }
                if !empty { break }
            }
            guard empty else { index += 1; continue }
            let text = context.source.text(node.range)
            let edits: [TextEdit] = hasNewline ? tags.map { TextEdit.delete($0) } : [.delete(node.range)]
            out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: node.range,
                                  message: Messages.message(context.source.text(tree.nodes[open].range), hasNewline),
                                  tags: DiagnosticTag.unnecessaryOnly,
                                  related: [RelatedLocation(range: tree.nodes[close].range, message: Messages.closer)],
                                  fixes: [Fix(title: Messages.fixTitle(text.count > 40 ? "the empty pair" : text), edits: edits)]))
            index = node.subtreeEnd // outermost only
        }
        return out
    }

    static let exempt: Set<String> = ["td", "th", "tr", "*"]

    enum Messages {
        static func message(_ opener: String, _ newline: Bool) -> String {
            "\(opener) wraps \(newline ? "only whitespace" : "nothing visible"). The fix deletes the empty pair"
                + (newline ? ", keeping the line break." : ".")
        }
        static let closer = "closer of the empty pair"
        static func fixTitle(_ text: String) -> String { "Delete \(text)" }
    }
}
