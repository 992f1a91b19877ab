/// Flags lines that are forum UI rather than content: the site header, navigation, counters,
/// `[复制链接]`, profile blocks and rank lines (`Rank: 8Rank: 8`), floor jumps and labels, post meta,
/// edit notices (`本帖最后由 X 于 DATE 编辑`, `Last edited by …`), guest banners, end-of-post buttons,
/// attachment residue, jammer-only lines, the page footer (`Powered by`, ICP numbers) and the phpBB,
/// vBulletin and XenForo equivalents.
///
/// The lines come from the page structure (`PageStructure`), the one chrome detector that the outline
/// uses too; lines the spec keeps as content (quote headers, one-line replies, bracketed prose, bylines)
/// are never chrome there. The message names the kind of chrome, and the diagnostic is tagged
/// `Unnecessary` so editors fade the line.
///
/// Fixes (safe): delete the line with the blank lines after it (preferred), or the whole chrome run
/// (chrome lines separated only by blank lines). When the page with all its chrome deleted would show new
/// chrome (a line judged by its neighbours, such as a floor label after the post header), the fixes are
/// offered but left out of "Clean up document".
public struct ForumChrome: CleanupRule {
    public static let code = "forum-chrome"
    public static let defaultSeverity = Severity.information
    public static let summary = "A line of forum UI (navigation, profile, buttons, footer, ...), not content."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let source = context.source
        let lines = context.chromeLines.keys.sorted()
        guard !lines.isEmpty else { return [] }
        // Runs: chrome lines separated only by blank lines.
        var runOf: [Int: ClosedRange<Int>] = [:]
        var runStart = lines[0], previous = lines[0]
        func close(_ start: Int, _ end: Int) { for l in lines where l >= start && l <= end { runOf[l] = start...end } }
        for line in lines.dropFirst() {
            var onlyBlank = true
            var between = previous + 1
            while between < line { if !context.isBlank(between) { onlyBlank = false; break }; between += 1 }
            if !onlyBlank { close(runStart, previous); runStart = line }
            previous = line
        }
        close(runStart, previous)
        // Chrome is judged in context; deleting it must not make other lines chrome (their text would
        // then leave the body). Check once on the page with every chrome line deleted.
        let safe = isStable(context, lines)
        var out: [Diagnostic] = []
        for line in lines {
            let kind = context.chromeLines[line] ?? ""
            let range = source.lineFullRange(line)
            var fixes = [Fix(title: Messages.lineFix, edits: [.delete(deletion(context, from: line, to: line))], isSafe: safe)]
            if let run = runOf[line], run.count > 1 {
                fixes.append(Fix(title: Messages.runFix(run.lowerBound + 1, run.upperBound + 1),
                                 edits: [.delete(deletion(context, from: run.lowerBound, to: run.upperBound))], isSafe: safe))
            }
            out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: range,
                                  message: Messages.message(kind), tags: [.unnecessary], fixes: fixes))
        }
        return out
    }

    /// True when the page with every chrome line deleted has no chrome left (no line became chrome).
    func isStable(_ context: RuleContext, _ lines: [Int]) -> Bool {
        let source = context.source
        var kept: [UInt8] = []
        kept.reserveCapacity(source.count)
        var cursor = 0
        for line in lines {
            let r = source.lineFullRange(line)
            kept.append(contentsOf: source.bytes[cursor..<r.start])
            cursor = r.end
        }
        kept.append(contentsOf: source.bytes[cursor...])
        let rest = DocumentAnalysis(source: SourceText(bytes: kept),
                                    options: AnalysisOptions(cleanup: CleanupConfiguration(dialect: context.dialect, only: [])))
        return !rest.structure.roles.indices.contains { rest.structure.isChrome(line: $0) }
    }

    /// The bytes of lines `first...last` and the blank lines after them (up to the next non-blank line,
    /// or the end of the document). Deletions of neighbouring chrome lines touch but never overlap.
    func deletion(_ context: RuleContext, from first: Int, to last: Int) -> ByteRange {
        let source = context.source
        var next = last + 1
        while next < source.lineCount, context.isBlank(next) { next += 1 }
        return ByteRange(source.lineStarts[first], next < source.lineCount ? source.lineStarts[next] : source.count)
    }

    enum Messages {
        static let kinds: [String: String] = [
            "site-header": "site header", "navigation": "navigation", "counters": "view/reply counters",
            "copy-link": "copy-link button", "profile": "user profile block", "rank-line": "rank line",
            "floor-jump": "floor jump", "floor-label": "floor label", "post-meta": "post header",
            "edit-notice": "edit notice", "guest-banner": "guest banner", "post-buttons": "post buttons",
            "page-footer": "page footer", "attachment": "attachment residue", "jammer-only": "anti-scrape noise line",
            "block-residue": "rendered-block residue", "notice": "login or reading notice", "front-matter": "export front matter",
        ]
        static func message(_ kind: String) -> String {
            "Forum chrome (\(kinds[kind] ?? kind.replacingDashes)): this line is forum UI, not post content. The fix deletes it."
        }
        static let lineFix = "Delete this chrome line"
        static func runFix(_ first: Int, _ last: Int) -> String { "Delete the chrome run (lines \(first)-\(last))" }
    }
}

extension String {
    /// The string with `-` replaced by spaces.
    fileprivate var replacingDashes: String { String(map { $0 == "-" ? " " : $0 }) }
}
