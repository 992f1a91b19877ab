/// Flags ASCII punctuation (`, ? ! : ; ( )`) written between CJK characters, where Chinese and Japanese
/// text uses the full-width forms (`，？！：；（）`).
///
/// Off by default: some scrapers fold full-width forms to ASCII on purpose (the seed page was), and
/// some corpora want that. A mark counts when the character before it is CJK and the one after it is
/// CJK or the end of the line (for `(`: CJK on either side); URLs, numbers and Latin text are left alone.
///
/// Fix (safe): replace the mark with its full-width form.
public struct HalfwidthPunctuation: CleanupRule {
    public static let code = "halfwidth-punctuation"
    public static let defaultSeverity = Severity.hint
    public static let enabledByDefault = false
    public static let summary = "ASCII punctuation between CJK characters."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let source = context.source
        let b = context.bytes
        var out: [Diagnostic] = []
        for node in context.tree.nodes where node.kind == .text {
            if context.isInRaw(node.range.start) { continue }
            let line = source.lineContentRange(source.line(containing: node.range.start))
            var i = node.range.start
            while i < node.range.end {
                let c = b[i]
                guard let full = Self.fullWidth(c) else { i += 1; continue }
                let prev = ByteScan.scalar(before: i, b, lowerBound: line.start)?.value
                let next: UInt32? = i + 1 < line.end ? ByteScan.scalar(b, i + 1, line.end).value : nil
                let prevCJK = prev.map(ByteScan.isCJK) ?? false
                let nextCJK = next.map(ByteScan.isCJK) ?? false
                let hit: Bool
                switch c {
                case 0x28: hit = prevCJK || nextCJK
                case 0x29: hit = prevCJK && (nextCJK || next == nil)
                default: hit = prevCJK && (nextCJK || next == nil)
                }
                if hit {
                    let range = ByteRange(i, i + 1)
                    let mark = String(UnicodeScalar(c))
                    out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: range,
                                          message: Messages.message(mark, full),
                                          fixes: [Fix(title: Messages.fixTitle(full), edits: [TextEdit(range: range, replacement: full)])]))
                }
                i += 1
            }
        }
        return out
    }

    static func fullWidth(_ c: UInt8) -> String? {
        switch c {
        case 0x2C: "，"
        case 0x3F: "？"
        case 0x21: "！"
        case 0x3A: "："
        case 0x3B: "；"
        case 0x28: "（"
        case 0x29: "）"
        default: nil
        }
    }

    enum Messages {
        static func message(_ mark: String, _ full: String) -> String {
            "ASCII \"\(mark)\" between CJK characters. The fix uses the full-width \"\(full)\"."
        }
        static func fixTitle(_ full: String) -> String { "Use full-width \(full)" }
    }
}
