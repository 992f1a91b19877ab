/// Flags a closing tag that closes nothing, such as a `[/B][/B]` at the start of a post.
///
/// Fix (safe): delete the closer.
public struct StrayCloseTag: CleanupRule {
    public static let code = "stray-close-tag"
    public static let defaultSeverity = Severity.warning
    public static let summary = "A closing tag with no matching opener."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        var seen = Set<Int>()
        var ranges: [ByteRange] = []
        for issue in context.tree.issues where issue.kind == .strayCloseTag && seen.insert(issue.range.start).inserted {
            ranges.append(issue.range)
        }
        for node in context.tree.nodes where node.kind == .strayCloseTag && seen.insert(node.range.start).inserted {
            ranges.append(node.range)
        }
        return ranges.map { range in
            let text = context.source.text(range)
            return Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: range, message: Messages.message(text),
                              fixes: [Fix(title: Messages.fixTitle(text), edits: [.delete(range)])])
        }
    }

    enum Messages {
        static func message(_ text: String) -> String { "\(text) closes nothing that is open. The fix deletes it." }
        static func fixTitle(_ text: String) -> String { "Delete \(text)" }
    }
}
