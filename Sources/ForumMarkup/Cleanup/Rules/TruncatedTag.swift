/// Flags a tag cut off before its `]`, such as the seed page's last body line
/// `[backcolor=transparent !im`: a scraper or an excerpt ended in the middle of a tag.
///
/// Only ASCII fragments of at most 80 bytes count: a stray `[font=` followed by prose to the end of the
/// line is text.
///
/// Fix (safe): delete the fragment.
public struct TruncatedTag: CleanupRule {
    public static let code = "truncated-tag"
    public static let defaultSeverity = Severity.warning
    public static let summary = "A tag cut off before its closing bracket."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        var seen = Set<Int>()
        var ranges: [ByteRange] = []
        for issue in context.tree.issues where issue.kind == .truncatedTag && seen.insert(issue.range.start).inserted {
            ranges.append(issue.range)
        }
        for node in context.tree.nodes where node.kind == .truncatedTag && seen.insert(node.range.start).inserted {
            ranges.append(node.range)
        }
        // A stray `[name=` followed by prose to the end of the line is text, not a cut-off tag.
        return ranges.filter { BodyText.isPlausibleTruncation(context.bytes, $0) }.sorted().map { range in
            let text = context.source.text(range)
            return Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: range, message: Messages.message(text),
                              tags: DiagnosticTag.unnecessaryOnly, fixes: [Fix(title: Messages.fixTitle, edits: [.delete(range)])])
        }
    }

    enum Messages {
        static func message(_ text: String) -> String {
            "\(text) is a tag cut off before its closing bracket. The fix deletes the fragment."
        }
        static let fixTitle = "Delete the cut-off tag"
    }
}
