/// Flags a paired tag whose name no forum engine knows, such as `[h]...[/h]`.
///
/// Only real tag syntax counts: a bracket run without a matching closer (`[126]`, `[复制链接]`,
/// `[1]`, `[Rainmeter]`) is text and never flagged. Custom tags a board defines look the same, so
/// the fix is offered but not applied by "Clean up document".
///
/// Fix (not safe, offered only): remove the opener and closer, keeping the text.
public struct UnknownTag: CleanupRule {
    public static let code = "unknown-tag"
    public static let defaultSeverity = Severity.information
    public static let summary = "A paired tag that no forum engine knows."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let tree = context.tree
        var out: [Diagnostic] = []
        for (index, node) in tree.nodes.enumerated() where node.kind == .openTag && node.tag == nil {
            guard TagFacts.element(ofOpener: tree, index) != nil else { continue }
            let text = context.source.text(node.range)
            let related = TagFacts.closerRange(tree, opener: index).map { [RelatedLocation(range: $0, message: Messages.closer)] } ?? []
            out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: node.range,
                                  message: Messages.message(text), related: related,
                                  fixes: [Fix(title: Messages.fixTitle(text), edits: TagFacts.removalEdits(tree, opener: index), isSafe: false)]))
        }
        return out
    }

    enum Messages {
        static func message(_ text: String) -> String {
            "\(text) is not a tag of any known forum engine (a board's custom tag, or a typo). The fix removes the tag pair, keeping the text."
        }
        static let closer = "closer of this tag"
        static func fixTitle(_ text: String) -> String { "Remove \(text) and its closer" }
    }
}
