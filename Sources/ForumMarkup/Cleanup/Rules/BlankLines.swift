/// Flags runs of more than one blank line.
///
/// Scraped pages put a blank line after every block and leave longer runs where chrome or images were
/// taken out; a single blank line between paragraphs is the paragraph break and is never flagged, but
/// blank lines at the very end of the document are. Whitespace-only lines
/// count as blank. Runs inside raw tags (`[code]`) are left alone.
///
/// Fix (safe): collapse the run to one empty line; at the end of the document, delete the blank lines.
public struct BlankLines: CleanupRule {
    public static let code = "blank-lines"
    public static let defaultSeverity = Severity.information
    public static let summary = "Runs of more than one blank line."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let source = context.source
        var lastLine = source.lineCount - 1
        // The empty line after a final terminator is not a line of its own.
        if lastLine > 0, source.lineContentRange(lastLine).isEmpty, source.lineFullRange(lastLine).isEmpty { lastLine -= 1 }
        var out: [Diagnostic] = []
        var line = 0
        while line <= lastLine {
            guard context.isBlank(line) else { line += 1; continue }
            let first = line
            while line + 1 <= lastLine, context.isBlank(line + 1) { line += 1 }
            let last = line
            line += 1
            let count = last - first + 1
            let start = source.lineStarts[first]
            if context.isInRaw(start) { continue }
            if last == lastLine, first > 0 {
                // Blank lines at the end of the document: all go, the last text line keeps its terminator.
                let range = ByteRange(start, source.count)
                out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: range,
                                      message: Messages.trailing(count), fixes: [Fix(title: Messages.trailingFix, edits: [.delete(range)])]))
                continue
            }
            guard count > 1 else { continue }
            let range = ByteRange(start, source.lineFullRange(last).end)
            let fix = Fix(title: Messages.fixTitle, edits: [.delete(ByteRange(start, source.lineContentRange(last).end))])
            out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: range,
                                  message: Messages.message(count), fixes: [fix]))
        }
        return out
    }

    enum Messages {
        static func message(_ count: Int) -> String {
            "\(count) blank lines in a row; one is enough to separate paragraphs. The fix keeps one."
        }
        static let fixTitle = "Collapse to one blank line"
        static func trailing(_ count: Int) -> String {
            "\(count == 1 ? "A blank line" : "\(count) blank lines") at the end of the document. The fix deletes \(count == 1 ? "it" : "them")."
        }
        static let trailingFix = "Delete blank lines at the end"
    }
}
