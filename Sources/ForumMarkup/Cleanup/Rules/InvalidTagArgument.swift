/// Flags a known tag whose argument the active dialect's grammar rejects, such as `[size=0.85em]`,
/// `[list=i]` or `[align=justify]` in Discuz, or `[size=14px]` in phpBB.
///
/// The forum shows such an opener as literal text. CSS leaks (`!important`, `transparent`, ...) are
/// reported by `style-leak` instead. The dialect comes from configuration (`discuz` by default).
///
/// Fix (safe): remove the tag and, when present, its closer, keeping the text.
public struct InvalidTagArgument: CleanupRule {
    public static let code = "invalid-tag-argument"
    public static let defaultSeverity = Severity.warning
    public static let summary = "A known tag whose argument the forum's grammar rejects."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let tree = context.tree
        var out: [Diagnostic] = []
        for (index, node) in tree.nodes.enumerated() where TagFacts.isOpenerLike(node.kind) {
            guard Self.isInvalid(tree, index) else { continue }
            let text = context.source.text(node.range)
            let arg = node.argumentRange.map { context.source.text($0) } ?? ""
            let related = TagFacts.closerRange(tree, opener: index).map { [RelatedLocation(range: $0, message: Messages.closer)] } ?? []
            out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: node.range,
                                  message: Messages.message(text, arg, tree.lowercasedName(of: index), context.dialect),
                                  related: related,
                                  fixes: [Fix(title: Messages.fixTitle(text), edits: TagFacts.removalEdits(tree, opener: index))]))
        }
        return out
    }

    /// True for a catalogued tag with an argument its grammar rejects that is not a style leak.
    public static func isInvalid(_ tree: SyntaxTree, _ index: Int) -> Bool {
        let node = tree.nodes[index]
        return !node.argumentIsValid && node.tag != nil && StyleLeak.leak(tree, index) == nil
    }

    enum Messages {
        static func message(_ text: String, _ arg: String, _ name: String, _ dialect: Dialect) -> String {
            "\(text): \"\(arg)\" is not a valid argument for [\(name)] in \(dialect.rawValue), so the forum shows the tag as text. "
                + "The fix removes the tag (and its closer), keeping the text."
        }
        static let closer = "closer of this tag"
        static func fixTitle(_ text: String) -> String { "Remove \(text)" }
    }
}
