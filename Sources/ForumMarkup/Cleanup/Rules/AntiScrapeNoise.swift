/// Flags Discuz "jammer" strings (内容干扰码, spec 3.4) glued to a line of text.
///
/// When a board turns the jammer on, every line break of a post is wrapped in a hidden random string
/// that text scrapers keep: 5-15 units of `[ -;]`, a space, `[?-~]` (`. {* t6 p8 g2 v;`). forumls
/// looks for at least five such units at the start or end of a line, with at least two letters among
/// them and at least three units that do not start with a space. A line made only of jammer is chrome and
/// left to `forum-chrome`.
///
/// Fix (safe): delete the jammer string and the whitespace that glued it to the text.
public struct AntiScrapeNoise: CleanupRule {
    public static let code = "anti-scrape-noise"
    public static let defaultSeverity = Severity.warning
    public static let summary = "Discuz anti-scrape jammer strings glued to text."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let source = context.source
        let b = context.bytes
        var out: [Diagnostic] = []
        for r in context.jammerRanges {
            let line = source.line(containing: r.start)
            let content = source.lineContentRange(line)
            // Whole-line jammer belongs to forum-chrome.
            if isOnlyNoise(b, content, r) { continue }
            if context.isInRaw(r.start) { continue }
            var del = r
            if r.end == lineTextEnd(b, content) {
                while del.start > content.start, let prev = ByteScan.scalar(before: del.start, b, lowerBound: content.start),
                      ByteScan.whitespaceLength(b, prev.start, content.end) > 0 { del.start = prev.start }
                del.end = content.end
            } else {
                while del.end < content.end, ByteScan.whitespaceLength(b, del.end, content.end) > 0 {
                    del.end += ByteScan.whitespaceLength(b, del.end, content.end)
                }
            }
            out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: r,
                                  message: Messages.message(source.text(r)), tags: DiagnosticTag.unnecessaryOnly,
                                  fixes: [Fix(title: Messages.fixTitle, edits: [.delete(del)])]))
        }
        return out
    }

    /// True when `content` holds nothing but `noise` and whitespace.
    func isOnlyNoise(_ b: [UInt8], _ content: ByteRange, _ noise: ByteRange) -> Bool {
        ByteScan.isBlank(b, ByteRange(content.start, noise.start)) && ByteScan.isBlank(b, ByteRange(noise.end, content.end))
    }

    func lineTextEnd(_ b: [UInt8], _ content: ByteRange) -> Int {
        var e = content.end
        while e > content.start, let prev = ByteScan.scalar(before: e, b, lowerBound: content.start),
              ByteScan.whitespaceLength(b, prev.start, content.end) > 0 { e = prev.start }
        return e
    }

    /// The jammer strings of `source`, in order: at most one at the start and one at the end of each line.
    public static func jammerRanges(in source: SourceText) -> [ByteRange] {
        jammerRanges(in: source, lines: 0...(source.lineCount - 1))
    }

    /// The jammer strings of `lines` (0-based, clamped to the document), in order.
    public static func jammerRanges(in source: SourceText, lines: ClosedRange<Int>) -> [ByteRange] {
        let b = source.bytes
        var out: [ByteRange] = []
        for line in max(0, lines.lowerBound)...min(lines.upperBound, source.lineCount - 1) {
            let content = source.lineContentRange(line)
            if content.count < 15 { continue }
            var startRun: ByteRange?
            // Leading run: try each start inside the leading whitespace.
            var s = content.start
            while s < content.end {
                if let r = forwardRun(b, s, content.end) { startRun = r; break }
                let w = ByteScan.whitespaceLength(b, s, content.end)
                if w == 0 || b[s] != 0x20 && b[s] != 0x09 { break }
                s += w
            }
            if let r = startRun { out.append(r) }
            // Trailing run, ignoring trailing whitespace.
            var e = content.end
            while e > content.start, b[e - 1] == 0x20 || b[e - 1] == 0x09 { e -= 1 }
            if let r = backwardRun(b, content.start, e) {
                if let first = startRun, r.start < first.end {
                    if r.end > first.end { out[out.count - 1] = ByteRange(first.start, r.end) }
                } else {
                    out.append(r)
                }
            }
        }
        return out
    }

    @inline(__always)
    static func isUnit(_ b: [UInt8], _ i: Int) -> Bool {
        let c1 = b[i], sp = b[i + 1], c2 = b[i + 2]
        return c1 >= 0x20 && c1 <= 0x3B && sp == 0x20 && c2 >= 0x3F && c2 <= 0x7E
    }

    static func accept(_ b: [UInt8], _ start: Int, _ units: Int) -> Bool {
        guard units >= 5 else { return false }
        var letters = 0, solid = 0
        for u in 0..<units {
            let i = start + 3 * u
            let c2 = b[i + 2] | 0x20
            if c2 >= 0x61 && c2 <= 0x7A { letters += 1 }
            if b[i] != 0x20 { solid += 1 }
        }
        return letters >= 2 && solid >= 3
    }

    static func forwardRun(_ b: [UInt8], _ start: Int, _ end: Int) -> ByteRange? {
        var i = start
        var units = 0
        while i + 3 <= end, isUnit(b, i) { i += 3; units += 1 }
        guard accept(b, start, units) else { return nil }
        return ByteRange(start, i)
    }

    static func backwardRun(_ b: [UInt8], _ lower: Int, _ end: Int) -> ByteRange? {
        var i = end
        var units = 0
        while i - 3 >= lower, isUnit(b, i - 3) { i -= 3; units += 1 }
        guard accept(b, i, units) else { return nil }
        return ByteRange(i, end)
    }

    enum Messages {
        static func message(_ text: String) -> String {
            "Anti-scrape jammer text \"\(text)\" glued to the line. The fix deletes it."
        }
        static let fixTitle = "Delete jammer text"
    }
}
