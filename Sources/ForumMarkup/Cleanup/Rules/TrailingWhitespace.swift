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
            // Walk back over trailing whitespace: space, tab, NBSP (C2 A0), U+3000 (E3 80 80), U+202F (E2 80 AF).
            var e = content.end
            while e > content.start {
                let c = b[e - 1]
                if c == 0x20 || c == 0x09 { e -= 1; continue }
                if c == 0xA0, e - 2 >= content.start, b[e - 2] == 0xC2 { e -= 2; continue }
                if c == 0x80, e - 3 >= content.start, b[e - 2] == 0x80, b[e - 3] == 0xE3 { e -= 3; continue }
                if c == 0xAF, e - 3 >= content.start, b[e - 2] == 0x80, b[e - 3] == 0xE2 { e -= 3; continue }
                break
            }
            guard e < content.end else { continue }
            let wsStart = e
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
