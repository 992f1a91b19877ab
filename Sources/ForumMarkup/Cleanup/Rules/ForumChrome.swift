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
/// (chrome lines separated only by blank lines). In a run with a line that is chrome only where it
/// stands (`回复` twice is a button run, once a reply) deleting one line could turn another into
/// content: the one-line fix is then offered but not safe, and "Clean up document" deletes the whole
/// run. When a line that stays looks like chrome by itself and
/// is content only because of where it stands (a one-word reply `沙发` inside a post, a floor label after
/// the post header), deleting the chrome around it could turn it into chrome: the fixes are then offered
/// but left out of "Clean up document".
public struct ForumChrome: CleanupRule {
    public static let code = "forum-chrome"
    public static let defaultSeverity = Severity.information
    public static let summary = "A line of forum UI (navigation, profile, buttons, footer, ...), not content."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let source = context.source
        let entries = context.chromeLines.sorted { $0.key < $1.key }
        guard !entries.isEmpty else { return [] }
        let lines = entries.map(\.key)
        // Runs: chrome lines separated only by blank lines; `runEnd[k]` is the index of the last line of
        // the run that holds `lines[k]`.
        var runEnd = [Int](repeating: 0, count: lines.count)
        var runStart = 0 // index into `lines`
        for k in 1...lines.count {
            var continues = k < lines.count
            if continues {
                var between = lines[k - 1] + 1
                while between < lines[k] { if !context.isBlank(between) { continues = false; break }; between += 1 }
            }
            if !continues {
                for j in runStart..<k { runEnd[j] = k - 1 }
                runStart = k
            }
        }
        // Chrome is judged in context; deleting it must not make other lines chrome (their text would
        // then leave the body).
        let safe = isStable(context, lines)
        var out: [Diagnostic] = []
        out.reserveCapacity(lines.count)
        var messages: [String: String] = [:]
        var runFix: (first: Int, fix: Fix)?
        var firstOfRun = 0
        var contextual = false
        for (k, entry) in entries.enumerated() {
            let line = entry.key, kind = entry.value
            if k == 0 || runEnd[k - 1] != runEnd[k] {
                firstOfRun = k
                contextual = runEnd[k] > k && isContextual(context, lines[k...runEnd[k]])
            }
            let range = source.lineFullRange(line)
            let message: String
            if let known = messages[kind] { message = known } else { message = Messages.message(kind); messages[kind] = message }
            var fixes = [Fix(title: Messages.lineFix, edits: [.delete(deletion(context, from: line, to: line))],
                             isSafe: safe && !contextual)]
            let last = runEnd[k]
            if last > firstOfRun {
                if runFix == nil || runFix!.first != firstOfRun {
                    let first = lines[firstOfRun], end = lines[last]
                    runFix = (firstOfRun, Fix(title: Messages.runFix(first + 1, end + 1),
                                              edits: [.delete(deletion(context, from: first, to: end))], isSafe: safe))
                }
                fixes.append(runFix!.fix)
            }
            out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: range,
                                  message: message, tags: DiagnosticTag.unnecessaryOnly, fixes: fixes))
        }
        return out
    }

    /// True when deleting every chrome line cannot make another line chrome: no line that stays looks
    /// like chrome by itself (a floor label, a counter, a post header, ...) and is content only because
    /// of where it stands. Without a page structure the lines are taken as they are.
    func isStable(_ context: RuleContext, _ lines: [Int]) -> Bool {
        guard let structure = context.structure else { return true }
        for i in structure.roles.indices {
            // Only content lines can turn; only short ones match the position-dependent patterns
            // (patterns valid anywhere would have made the line chrome already).
            guard case .content = structure.roles[i] else { continue }
            let text = structure.lines[i].text
            if text.isEmpty || text.count > 240 { continue }
            if let match = ChromeCatalog.classify(text), match.scope != .anywhere { return false }
            if ChromeCatalog.postHeader(text) != nil { return false }
        }
        return true
    }

    /// True when a line of a chrome run is chrome only where it stands (its pattern is trusted only
    /// outside post bodies or in the footer, or no pattern matches it at all: a profile block, a
    /// button run): deleting one line of the run could leave it looking like content (`回复` twice is
    /// a button run, once a reply). Such a run is deleted whole by "Clean up document".
    func isContextual(_ context: RuleContext, _ run: ArraySlice<Int>) -> Bool {
        guard let structure = context.structure else { return false }
        for line in run where line < structure.lines.count {
            if ChromeCatalog.classify(structure.lines[line].text)?.scope != .anywhere { return true }
        }
        return false
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
        /// No line numbers in the title: a title must not change when lines above are added or removed.
        static func runFix(_ first: Int, _ last: Int) -> String { "Delete the chrome run (\(last - first + 1) lines)" }
    }
}

extension String {
    /// The string with `-` replaced by spaces.
    fileprivate var replacingDashes: String { String(map { $0 == "-" ? " " : $0 }) }
}
