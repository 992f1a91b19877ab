/// Flags CSS copied into a style tag by an editor's HTML-to-BBCode conversion: `!important`,
/// `rgba(...)` with decimals, `&quot;` and other entity fragments in `[font=...]`, CSS functions
/// (`var()`, `hsl()`, `calc()`), and `transparent` colours; the seed page's
/// `[backcolor=transparent !important]` is the classic case.
///
/// No forum accepts these arguments, so a rendered page shows the opener as literal text and the tag
/// formats nothing. Applies to `color`, `backcolor`, `background`, `font`, `size`, `align`, `p`,
/// `float` and `highlight`, in every dialect.
///
/// Fix (safe): remove the tag and, when present, its closer, keeping the text between them.
public struct StyleLeak: CleanupRule {
    public static let code = "style-leak"
    public static let defaultSeverity = Severity.warning
    public static let summary = "CSS copied into a style tag (`!important`, `rgba()` decimals, `&quot;`, `transparent`)."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let tree = context.tree
        var out: [Diagnostic] = []
        for (index, node) in tree.nodes.enumerated() {
            if TagFacts.isOpenerLike(node.kind), let reason = Self.leak(tree, index) {
                let text = context.source.text(node.range)
                let related = TagFacts.closerRange(tree, opener: index).map { [RelatedLocation(range: $0, message: Messages.closer)] } ?? []
                out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: node.range,
                                      message: Messages.message(text, reason, hasCloser: !related.isEmpty),
                                      tags: DiagnosticTag.unnecessaryOnly, related: related,
                                      fixes: [Fix(title: Messages.fixTitle(text), edits: TagFacts.removalEdits(tree, opener: index))]))
            } else if node.kind == .text, !context.isInRaw(node.range.start) {
                // Openers the parser kept as text.
                for token in TagToken.scan(context.bytes, node.range) where !token.isClose {
                    guard let arg = token.argument else { continue }
                    let name = context.source.text(token.name)
                    let argBytes = context.bytes[arg.start..<arg.end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                    guard let reason = TagFacts.styleLeak(name: name, argument: argBytes) else { continue }
                    let text = context.source.text(token.range)
                    out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: token.range,
                                          message: Messages.message(text, reason, hasCloser: false), tags: DiagnosticTag.unnecessaryOnly,
                                          fixes: [Fix(title: Messages.fixTitle(text), edits: [.delete(token.range)])]))
                }
            }
        }
        return out
    }

    /// The leak reason of an opener or void tag node, or nil.
    public static func leak(_ tree: SyntaxTree, _ index: Int) -> String? {
        let node = tree.nodes[index]
        guard let tag = node.tag, node.argumentRange != nil, TagFacts.isStyleTag(tag.name),
              let arg = TagFacts.argument(tree.source, node) else { return nil }
        return TagFacts.styleLeak(name: tag.name, argument: arg)
    }

    enum Messages {
        static func message(_ text: String, _ reason: String, hasCloser: Bool) -> String {
            "\(text) carries CSS (\(reason)) that no forum accepts, so it shows as text and formats nothing. "
                + (hasCloser ? "The fix removes the tag and its closer, keeping the text." : "The fix removes the tag, keeping the text.")
        }
        static let closer = "closer of this tag"
        static func fixTitle(_ text: String) -> String { "Remove \(text)" }
    }
}
