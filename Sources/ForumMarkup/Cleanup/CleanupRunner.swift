/// Runs the clean-up rules over an analysed document and turns their fixes into edit sets.
///
/// Invariants: every diagnostic it returns has its configured severity; every fix it returns keeps the
/// body text of the lines it touches unchanged (`BodyText.preserves`), and every safe one the body text
/// of the whole document (`PageReadingGuard`); merged edit sets never overlap, and a fix is taken whole
/// or not at all; every clean-up pass keeps the whole document's body text.
public enum CleanupRunner {
    /// The findings of every enabled rule, sorted by range then code, with fixes that would change the
    /// body text removed.
    public static func diagnostics(for context: RuleContext, configuration: CleanupConfiguration) -> [Diagnostic] {
        findings(for: context, configuration: configuration).guarded(in: context)
    }

    /// The findings of every enabled rule with their configured severity, before the body-text guard
    /// (see `RuleFindings`): what publishing diagnostics needs, without checking a single fix.
    public static func findings(for context: RuleContext, configuration: CleanupConfiguration) -> RuleFindings {
        var out: [Diagnostic] = []
        for rule in RuleRegistry.rules where configuration.isEnabled(rule) {
            let severity = configuration.severity(of: rule)
            let first = out.count
            out.append(contentsOf: rule.init().check(context))
            // Rules report their default severity: rewrite only what configuration overrides (or a rule
            // that does not follow the contract), without copying every diagnostic.
            for i in first..<out.count where out[i].severity != severity { out[i].severity = severity }
        }
        // Sort by (range, code) through integer keys: moving the diagnostics themselves is the costly part.
        var rank: [String: Int] = [:]
        for (i, code) in RuleRegistry.rules.map({ $0.code }).sorted().enumerated() { rank[code] = i }
        var keys: [(Int, Int, Int, Int)] = []
        keys.reserveCapacity(out.count)
        var lastCode = "", lastRank = 0
        for (i, d) in out.enumerated() {
            if d.code != lastCode { lastCode = d.code; lastRank = rank[d.code] ?? Int.max }
            keys.append((d.range.start, d.range.end, lastRank, i))
        }
        keys.sort { $0 < $1 }
        return RuleFindings(unguarded: out, order: keys.map(\.3))
    }

    /// True when two edits cannot both be applied: they share a byte, or an insertion falls strictly
    /// inside the other's range, or both insert at the same offset.
    static func conflict(_ a: ByteRange, _ b: ByteRange) -> Bool {
        if a.overlaps(b) { return true }
        if a.isEmpty && b.isEmpty { return a.start == b.start }
        if a.isEmpty { return a.start > b.start && a.start < b.end }
        if b.isEmpty { return b.start > a.start && b.start < a.end }
        return false
    }

    /// Merges fixes into one non-overlapping edit set, taking each fix whole or not at all; earlier
    /// fixes (by first edit) win, and of two starting at the same byte the wider one (it subsumes the other).
    public static func merge(_ fixes: [Fix]) -> [TextEdit] {
        let ordered = fixes.enumerated().sorted { x, y in
            let a = x.element.edits.map(\.range.start).min() ?? 0
            let b = y.element.edits.map(\.range.start).min() ?? 0
            if a != b { return a < b }
            let ea = x.element.edits.map(\.range.end).max() ?? 0
            let eb = y.element.edits.map(\.range.end).max() ?? 0
            return ea != eb ? ea > eb : x.offset < y.offset
        }
        var accepted: [TextEdit] = [] // kept sorted by range
        for (_, fix) in ordered {
            if fix.edits.isEmpty { continue }
            var ok = true
            // Edits of one fix must not conflict with each other either.
            for (i, e) in fix.edits.enumerated() {
                for f in fix.edits[(i + 1)...] where conflict(e.range, f.range) { ok = false }
                if !ok { break }
                let index = insertionIndex(accepted, e.range)
                if index > 0, conflict(accepted[index - 1].range, e.range) { ok = false; break }
                if index < accepted.count, conflict(accepted[index].range, e.range) { ok = false; break }
                // A wide accepted edit further left may still cover this one.
                var j = index - 2
                while ok, j >= 0, accepted[j].range.end > e.range.start {
                    if conflict(accepted[j].range, e.range) { ok = false }
                    j -= 1
                }
                if !ok { break }
            }
            guard ok else { continue }
            for e in fix.edits { accepted.insert(e, at: insertionIndex(accepted, e.range)) }
        }
        return accepted
    }

    static func insertionIndex(_ edits: [TextEdit], _ range: ByteRange) -> Int {
        var low = 0, high = edits.count
        while low < high {
            let mid = (low + high) / 2
            if edits[mid].range < range || edits[mid].range == range { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The safe fixes of `diagnostics` (the first safe fix of each), optionally only those of rule `code`.
    public static func safeFixes(_ diagnostics: [Diagnostic], code: String? = nil) -> [Fix] {
        diagnostics.compactMap { d in
            if let code, d.code != code { return nil }
            return d.fixes.first(where: \.isSafe)
        }
    }

    /// The outcome of cleaning a document up.
    public struct CleanupResult: Sendable {
        /// The cleaned text, UTF-8.
        public var bytes: [UInt8]
        /// Non-overlapping edits against the original text that produce `bytes`.
        public var edits: [TextEdit]
        /// How many analyse-and-fix passes ran (1 when nothing needed a second look).
        public var passes: Int
        /// The cleaned text as a string.
        public var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// The most analyse-and-fix passes `cleanUp` runs.
    public static let maxPasses = 4

    /// Applies every safe fix, re-analysing and repeating until no safe fix is left (at most
    /// `maxPasses` passes), so that cleaning the result again changes nothing.
    ///
    /// With one pass the edits are the merged fixes themselves; with more they are each pass's fixes
    /// composed into one edit set against the original (`TextEdit.composed`). `code` restricts the fixes to one rule ("Fix all ... problems").
    public static func cleanUp(_ source: SourceText, options: AnalysisOptions = AnalysisOptions(),
                               code: String? = nil) -> CleanupResult {
        cleanUp(DocumentAnalysis(source: source, options: options), code: code)
    }

    /// The most whole-document checks `fixesInGroups` makes for one pass: each reads the whole text
    /// again, so a large document gets fewer (about twice its size plus 1 MB of re-reading: 64 for a
    /// 16 KB page, 4 for a megabyte).
    static func maxGroupChecks(_ count: Int) -> Int {
        max(4, min(64, (2 * count + (1 << 20)) / max(count, 1)))
    }

    /// The fixes of a pass that failed the body-text guard as a whole, taken in groups: all that are
    /// left, else the first half of them, the first quarter, ... until a group keeps the body (taken)
    /// or one fix alone does not (left out); then again with the rest. A fix that breaks the body costs
    /// about log2(fixes) checks instead of a check per fix, and the checks are bounded
    /// (`maxGroupChecks`); later passes get what is left.
    static func fixesInGroups(_ fixes: [Fix], on bytes: [UInt8], keepsBody: ([UInt8]) -> Bool) -> [TextEdit] {
        var kept: [Fix] = []
        var edits: [TextEdit] = []
        var rest = fixes[...]
        var checks = 0
        let maxChecks = maxGroupChecks(bytes.count)
        while !rest.isEmpty && checks < maxChecks {
            var group = rest.count
            while checks < maxChecks {
                checks += 1
                let trial = merge(kept + rest.prefix(group))
                if keepsBody(TextEdit.apply(trial, to: bytes)) {
                    kept.append(contentsOf: rest.prefix(group))
                    edits = trial
                    rest = rest.dropFirst(group)
                    break
                }
                if group == 1 {
                    rest = rest.dropFirst()
                    break
                }
                group /= 2
            }
        }
        return edits
    }

    /// `cleanUp(_:options:code:)` starting from an existing analysis of the original text.
    public static func cleanUp(_ analysis: DocumentAnalysis, code: String? = nil) -> CleanupResult {
        let original = analysis.source.bytes
        // The whole-document guard: every pass must keep all of the original's body text (chrome of
        // the original may go). Each fix was checked alone; this catches fixes that are safe one by
        // one but not together, and text that a later pass reads differently (a stray closer removed,
        // the rest of the line turned into a cut-off tag). A pass that fails it is not taken.
        // Also the exact body text (`BodyText.of`, as the page structure of the new text reads it): fixes
        // safe one by one can together change which lines read as chrome.
        // Read once, and only when there is something to fix.
        var originalBody: (lexical: [UInt8], whole: [UInt8])?
        func body() -> (lexical: [UInt8], whole: [UInt8]) {
            if let originalBody { return originalBody }
            let read = (BodyText.lexical(analysis.source, chromeLines: Set(analysis.chromeLines.keys)), analysis.bodyText)
            originalBody = read
            return read
        }
        let options = analysis.options
        func keepsBody(_ bytes: [UInt8]) -> Bool {
            BodyText.isSubsequence(body().lexical, of: BodyText.lexical(SourceText(bytes: bytes)))
                && PageReadingGuard.bodyText(of: bytes, dialect: options.dialect) == body().whole
        }
        // The same check on a whole analysis, which the next pass reads (one analysis per pass).
        func analysisKeepingBody(_ bytes: [UInt8]) -> DocumentAnalysis? {
            guard BodyText.isSubsequence(body().lexical, of: BodyText.lexical(SourceText(bytes: bytes))) else { return nil }
            let next = DocumentAnalysis(source: SourceText(bytes: bytes), options: options)
            return next.bodyText == body().whole ? next : nil
        }
        var current = original
        var currentAnalysis = analysis
        var edits: [TextEdit] = []
        var passes = 0
        while passes < maxPasses {
            let fixes = safeFixes(currentAnalysis.diagnostics, code: code)
            var more = merge(fixes)
            if more.isEmpty { break }
            var applied = TextEdit.apply(more, to: current)
            if let checked = analysisKeepingBody(applied) {
                currentAnalysis = checked
            } else {
                // Safe one by one but not all together: take them in groups that are.
                more = fixesInGroups(fixes, on: current, keepsBody: keepsBody)
                if more.isEmpty { break }
                applied = TextEdit.apply(more, to: current)
                currentAnalysis = DocumentAnalysis(source: SourceText(bytes: applied), options: options)
            }
            if applied == current { break }
            passes += 1
            current = applied
            // Composed, not diffed: the edits keep every byte no fix touched (invalid UTF-8 included).
            edits = passes == 1 ? more : TextEdit.composed(edits, then: more)
        }
        return CleanupResult(bytes: current, edits: edits, passes: max(passes, 1))
    }
}
