/// Flags spaces, tabs, NBSP and ideographic spaces at the end of a line.
///
/// Whitespace-only lines are flagged too, except inside a run of blank lines (`blank-lines` removes
/// those). Lines inside raw tags (`[code]`) are left alone.
///
/// Fix (safe): delete the trailing whitespace.
public struct TrailingWhitespace: CleanupRule {
    public static let code = "trailing-whitespace"
    public static let defaultSeverity = Severity.information
    public static let summary = "Whitespace at the end of a line."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let source = context.source
        let b = context.bytes
        var out: [Diagnostic] = []
        for line in 0..<source.lineCount {
            let content = source.lineContentRange(line)
            if content.isEmpty { continue }
            // Find where the trailing whitespace starts by scanning forward (multi-byte aware).
            var i = content.start
            var wsStart = -1
            while i < content.end {
                let w = ByteScan.whitespaceLength(b, i, content.end)
                if w > 0 {
                    if wsStart < 0 { wsStart = i }
                    i += w
                } else {
                    wsStart = -1
                    let (_, len) = ByteScan.scalar(b, i, content.end)
                    i += len
                }
            }
            guard wsStart >= 0 else { continue }
            if context.isInRaw(wsStart) { continue }
            if wsStart == content.start {
                // Whitespace-only line: leave runs of blank lines to blank-lines.
                let prevBlank = line > 0 && context.isBlank(line - 1)
                let nextBlank = line + 1 < source.lineCount && context.isBlank(line + 1)
                    && !(line + 1 == source.lineCount - 1 && source.lineFullRange(line + 1).isEmpty)
                if prevBlank || nextBlank { continue }
            }
            let range = ByteRange(wsStart, content.end)
            out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: range,
                                  message: Messages.message, fixes: [Fix(title: Messages.fixTitle, edits: [.delete(range)])]))
        }
        return out
    }

    enum Messages {
        static let message = "Trailing whitespace. The fix deletes it."
        static let fixTitle = "Delete trailing whitespace"
    }
}
