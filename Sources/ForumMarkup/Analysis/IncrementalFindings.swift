import Synchronization

/// The diagnostics of an edited document, computed from the previous version's diagnostics and a
/// re-analysis of the paragraphs around the edit instead of the whole document.
///
/// A whole analysis of a 1 MB scraped page takes about 100 ms; a keystroke must not. The paragraphs
/// the edit touches (the *middle*, bounded by blank lines) are analysed again together with a few
/// paragraphs of context on each side (the *window*), as a document of their own. That result is
/// trusted only when the window provably behaves like the whole document around the middle:
/// - the window of the *old* text, analysed alone, gives exactly the old diagnostics of the middle;
/// - the context paragraphs give the same diagnostics before and after the edit, and the post ends
///   the parser stops unclosed block tags at are the same there (so the edit's effect stays inside);
/// - no diagnostic kept from before or after the middle reaches into it.
/// Otherwise (or when a window would be large) the caller analyses the whole document. The fuzz
/// target `edits` and `IncrementalFindingsTests` compare the result with a fresh analysis.
///
/// Only what is published is kept (`Diagnostic.published`: no fixes). Fixes can depend on the whole
/// document (a chrome fix is unsafe when any other line could turn into chrome); code actions take
/// them from a whole analysis.
public struct FindingsUpdate: Sendable, Equatable {
    /// The first `unchangedPrefix` diagnostics are the old version's first ones, unchanged.
    public let unchangedPrefix: Int
    /// Then come `middleCount` diagnostics of the re-analysed paragraphs.
    public let middleCount: Int
    /// The last `shiftedSuffix` diagnostics are the old version's last ones, moved by `byteDelta`
    /// bytes and `lineDelta` lines (their columns are unchanged: they start on lines after the edit).
    public let shiftedSuffix: Int
    public let byteDelta: Int
    public let lineDelta: Int
}

public enum IncrementalFindings {
    /// Why updates fell back, counted by reason since the process started (for logs and benchmarks).
    public static var refusals: [String: Int] { refusalCounts.withLock { $0 } }
    /// Locked: several servers (and tests) may run updates at once in one process.
    private static let refusalCounts = Mutex<[String: Int]>([:])
    static func refuse(_ why: String) -> FindingsUpdate? {
        refusalCounts.withLock { $0[why, default: 0] += 1 }
        return nil
    }
    /// Context sizes to try, smallest first: (paragraphs, bytes) on each side of the middle.
    static let contexts: [(paragraphs: Int, bytes: Int)] = [(2, 1_024), (6, 16_384)]
    /// The largest middle re-analysed (larger edits or paragraphs analyse the whole document).
    static let maxMiddleBytes = 65_536
    /// Lines at the top of a document whose edits are analysed with all the lines above them.
    static let topLines = 420

    /// Updates `findings` (the diagnostics of `oldSource` in document order, as a whole analysis publishes
    /// them: without fixes) and `tags` (its pairable tags, `TagIndex(oldSource.bytes)` or kept up to date
    /// by earlier updates) to those of `newSource`, which `edit` (a byte range of `oldSource` and its
    /// replacement) made. In place: only the re-analysed part is replaced and the later part moved, so
    /// a keystroke costs no copy of every diagnostic. Returns nil, changing nothing, when the whole
    /// document must be analysed.
    public static func update(_ findings: inout [Diagnostic], tags: inout TagIndex, oldSource: SourceText, edit: TextEdit,
                              newSource: SourceText, options: AnalysisOptions) -> FindingsUpdate? {
        let delta = newSource.count - oldSource.count
        let a = min(max(edit.range.start, 0), oldSource.count)
        let b = min(max(edit.range.end, a), oldSource.count)
        guard var middle = middleLines(oldSource, from: a, to: b) else { return refuse("paragraph too long") }
        // A tag whose pairing the edit changes pulls its partner's paragraph into the middle (a few times at most).
        for _ in 0..<4 {
            switch attempt(findings, tags: tags, oldSource: oldSource, newSource: newSource, middle: middle, delta: delta, options: options) {
            case .done(let plan):
                findings.replaceSubrange(plan.prefix..<plan.suffix, with: plan.middle)
                if delta != 0 {
                    for i in (plan.prefix + plan.middle.count)..<findings.count { findings[i].shift(by: delta) }
                }
                tags.replace(plan.tagRange, with: plan.tags, delta: delta)
                return FindingsUpdate(unchangedPrefix: plan.prefix, middleCount: plan.middle.count,
                                      shiftedSuffix: findings.count - plan.prefix - plan.middle.count,
                                      byteDelta: delta, lineDelta: newSource.lineCount - oldSource.lineCount)
            case .refused: return nil
            case .widen(let from, let to):
                guard let wider = middleLines(oldSource, from: min(from, a), to: max(to, b)) else {
                    return refuse("tag partner too far (\(from < a ? "before" : "after"): \((max(to, b) - min(from, a)) / 1024) KB)")
                }
                middle = min(middle.lowerBound, wider.lowerBound)..<max(middle.upperBound, wider.upperBound)
            }
        }
        return refuse("tag pairing reaches too far")
    }

    /// What a successful attempt replaces: the old findings `prefix..<suffix` by `middle`, the old tags
    /// `tagRange` by `tags`.
    struct Plan {
        let prefix: Int, suffix: Int
        let middle: [Diagnostic]
        let tagRange: Range<Int>
        let tags: TagIndex
    }

    enum Attempt {
        case done(Plan)
        case refused
        /// Try again with the middle widened to hold bytes `from` and `to`.
        case widen(from: Int, to: Int)
    }

    /// One try with `middle` (lines of the old text) as the re-analysed part.
    static func attempt(_ old: [Diagnostic], tags: TagIndex, oldSource: SourceText, newSource: SourceText,
                        middle: Range<Int>, delta: Int, options: AnalysisOptions) -> Attempt {
        func refuse(_ why: String) -> Attempt { _ = IncrementalFindings.refuse(why); return .refused }
        let middleStart = oldSource.lineStarts[middle.lowerBound]
        let middleEnd = middle.upperBound < oldSource.lineCount ? oldSource.lineStarts[middle.upperBound] : oldSource.count
        guard middleEnd - middleStart <= maxMiddleBytes,
              !joinsLineBreak(newSource, at: middleStart) else { return refuse("splits CR LF") }
        // The diagnostics kept from the old version must not reach into the middle.
        let prefix = firstIndex(old) { $0.range.start >= middleStart }
        let suffix = firstIndex(old) { $0.range.start >= middleEnd }
        // Through the buffer, field by field: copying each diagnostic whole would cost more than the check.
        let reachesIn = old.withUnsafeBufferPointer { list in
            (0..<prefix).contains { list[$0].range.end > middleStart || (!list[$0].related.isEmpty && !stays(list[$0], before: middleStart)) }
            || (suffix..<list.count).contains { list[$0].range.start < middleEnd || (!list[$0].related.isEmpty && !stays(list[$0], after: middleEnd)) }
        }
        guard !reachesIn else { return refuse("a finding reaches into the middle") }

        for context in contexts {
            let window = windowLines(oldSource, middle: middle, context: context)
            let windowStart = oldSource.lineStarts[window.lowerBound]
            let windowEnd = window.upperBound < oldSource.lineCount ? oldSource.lineStarts[window.upperBound] : oldSource.count
            guard !joinsLineBreak(newSource, at: windowStart) else { return refuse("splits CR LF") }
            let before = WindowAnalysis(oldSource, ByteRange(windowStart, windowEnd), options)
            // The old window alone must reproduce the old middle exactly, or it lacks context.
            guard before.findings(from: middleStart, to: middleEnd).elementsEqual(old[prefix..<suffix]) else {
                _ = refuse("old window differs (context \(context.paragraphs))")
                continue
            }
            let after = WindowAnalysis(newSource, ByteRange(windowStart, windowEnd + delta), options)
            let newMiddleEnd = middleEnd + delta
            let middleFindings = after.findings(from: middleStart, to: newMiddleEnd)
            guard after.hasChrome == before.hasChrome else { return refuse("chrome detection changes") }
            // A window that does not start at the top may take one of its own lines for the title (and
            // everything above it for the site header): that must stay above the middle.
            guard before.titleIsAbove(middleStart), after.titleIsAbove(middleStart) else { return refuse("title in the window") }
            // Lines that place titles, posts and the page footer stay what they were (their effect is global).
            guard after.structuralLines(from: middleStart, to: newMiddleEnd) == before.structuralLines(from: middleStart, to: middleEnd)
            else { return refuse("a landmark line changes") }
            // A finding that reaches the window's edge (an unclosed tag closed at the end) may reach further.
            guard middleFindings.allSatisfy({ after.staysInside($0, documentEnd: newSource.count) }) else {
                return refuse("a finding reaches the window's edge")
            }
            guard after.limits(before: middleStart) == before.limits(before: middleStart),
                  after.limits(from: middleEnd + delta).map({ $0 - delta }) == before.limits(from: middleEnd) else {
                return refuse("post ends move")
            }
            guard after.findings(from: windowStart, to: middleStart).elementsEqual(before.findings(from: windowStart, to: middleStart)),
                  after.findings(from: middleEnd + delta, to: Int.max).map({ $0.shifted(by: -delta) })
                    .elementsEqual(before.findings(from: middleEnd, to: Int.max)) else { return refuse("context findings change") }
            // Openers and closers pair by name across the whole document (`TagIndex`): the middle's tags
            // must be those the whole document has there, and a change in how many stay unpaired must
            // find nothing to pair with outside.
            let oldTags = before.tags.slice(from: middleStart, to: middleEnd)
            guard oldTags.sameTags(as: tags.slice(from: middleStart, to: middleEnd)) else { return refuse("tags differ") }
            let newTags = after.tags.slice(from: middleStart, to: newMiddleEnd)
            let oldBalance = oldTags.balance()
            let newBalance = newTags.balance()
            let first = tags.firstIndex(atOrAfter: middleStart), end = tags.firstIndex(atOrAfter: middleEnd)
            var widenFrom = middleStart, widenTo = middleEnd
            for key in Set(oldBalance.keys).union(newBalance.keys) {
                let was = oldBalance[key] ?? [0, 0], now = newBalance[key] ?? [0, 0]
                // A raw-content tag changes how everything up to its closer is read: never local.
                if was != now && TagIndex.rawKeys.contains(key) { return refuse("raw tag") }
                // The middle's unpaired closers take the innermost openers left open before it (unpaired
                // openers: the nearest unpaired closers after it): those whose partner changes join the middle.
                // A block tag's partner in another post changes nothing: elements stop at post ends, and
                // only inline and unknown tags read differently with a partner (spec: recovery rules).
                let stopsAtPostEnd = TagIndex.blockKeys.contains(key)
                if was[0] != now[0] {
                    let open = tags.openTags(key, before: first)
                    let taken = min(max(was[0], now[0]), open.count)
                    let postStart = before.postEnds(from: windowStart, to: middleStart).last ?? windowStart
                    for partner in open[(open.count - taken)...] where !(stopsAtPostEnd && partner < postStart && postStart > windowStart) {
                        widenFrom = min(widenFrom, partner)
                    }
                }
                if was[1] != now[1] {
                    let closers = tags.unpairedClosers(key, from: end)
                    let taken = min(max(was[1], now[1]), closers.count)
                    let postEnd = before.postEnds(from: middleEnd, to: windowEnd).first
                    for partner in closers[..<taken] where !(stopsAtPostEnd && postEnd.map { partner >= $0 } == true) {
                        widenTo = max(widenTo, partner + 1)
                    }
                }
            }
            if widenFrom < middleStart || widenTo > middleEnd { return .widen(from: widenFrom, to: widenTo) }
            return .done(Plan(prefix: prefix, suffix: suffix, middle: Array(middleFindings), tagRange: first..<end, tags: newTags))
        }
        return .refused
    }

    /// The lines from the paragraph holding byte `a` to the paragraph holding byte `b`, bounded by
    /// blank lines (or the document's ends); nil when that grows past `maxMiddleBytes`.
    static func middleLines(_ source: SourceText, from a: Int, to b: Int) -> Range<Int>? {
        var first = source.line(containing: a)
        var last = source.line(containing: b)
        guard source.lineStarts[last] - source.lineStarts[first] <= maxMiddleBytes else { return nil }
        while first > 0 && !isBlank(source, first - 1) {
            first -= 1
            if source.lineStarts[last] - source.lineStarts[first] > maxMiddleBytes { return nil }
        }
        last += 1
        while last < source.lineCount && !isBlank(source, last) {
            last += 1
            if source.lineStarts[last - 1] - source.lineStarts[first] > maxMiddleBytes { return nil }
        }
        return first..<last
    }

    /// `middle` widened by `context.paragraphs` paragraphs and at least `context.bytes` bytes each side.
    static func windowLines(_ source: SourceText, middle: Range<Int>, context: (paragraphs: Int, bytes: Int)) -> Range<Int> {
        var first = middle.lowerBound
        var paragraphs = 0
        while first > 0 && (paragraphs < context.paragraphs
                            || source.lineStarts[middle.lowerBound] - source.lineStarts[first] < context.bytes) {
            first -= 1
            // A paragraph is counted at its first line (the line above it is blank or absent).
            if !isBlank(source, first) && (first == 0 || isBlank(source, first - 1)) { paragraphs += 1 }
        }
        // The title is looked for in the first 400 lines, the front matter at the top: near them, the
        // window starts at the document's start so that it sees what the whole document sees.
        if middle.lowerBound < topLines { first = 0 }
        var last = middle.upperBound
        paragraphs = 0
        let n = source.lineCount
        while last < n && (paragraphs < context.paragraphs
                           || source.lineStarts[last] - source.lineStarts[middle.upperBound] < context.bytes) {
            if !isBlank(source, last) && (last + 1 == n || isBlank(source, last + 1)) { paragraphs += 1 }
            last += 1
        }
        // End on a paragraph's end, so that the last context paragraph is whole.
        while last < n && !isBlank(source, last) { last += 1 }
        return first..<last
    }

    /// True when line `line` is blank as the parser reads paragraphs (`TreeBuilder.isBlank`).
    static func isBlank(_ source: SourceText, _ line: Int) -> Bool {
        TreeBuilder.isBlank(source.bytes, source.lineContentRange(line))
    }

    /// True when `offset` splits a CR LF pair of `source` (a window cannot start there).
    static func joinsLineBreak(_ source: SourceText, at offset: Int) -> Bool {
        offset > 0 && offset < source.count && source.bytes[offset - 1] == 0x0D && source.bytes[offset] == 0x0A
    }

    /// The first index of the sorted `list` where `isAfter` holds (binary search; `isAfter` is monotone).
    static func firstIndex(_ list: [Diagnostic], where isAfter: (Diagnostic) -> Bool) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if isAfter(list[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }

    static func stays(_ d: Diagnostic, before offset: Int) -> Bool {
        d.range.end <= offset && d.related.allSatisfy { $0.range.end <= offset }
    }

    static func stays(_ d: Diagnostic, after offset: Int) -> Bool {
        d.range.start >= offset && d.related.allSatisfy { $0.range.start >= offset }
    }
}

/// A window of a document analysed as a document of its own, its findings moved back to document offsets.
struct WindowAnalysis {
    let start: Int
    let source: SourceText
    let analysis: DocumentAnalysis
    var structure: PageStructure { analysis.structure }
    let findings: [Diagnostic]
    /// The post body ends the parser limits unclosed block tags at, in document offsets.
    let bodyEnds: [Int]
    let hasChrome: Bool
    /// The window's pairable tags, at document offsets.
    let tags: TagIndex

    init(_ source: SourceText, _ range: ByteRange, _ options: AnalysisOptions) {
        let text = SourceText(bytes: Array(source.bytes[range.start..<range.end]))
        let analysis = DocumentAnalysis(source: text, options: options)
        start = range.start
        self.source = text
        self.analysis = analysis
        findings = analysis.ruleFindings.sorted.map { $0.published.shifted(by: range.start) }
        bodyEnds = analysis.structure.bodyEndOffsets.map { $0 + range.start }
        hasChrome = analysis.structure.hasChrome
        tags = TagIndex(tokens: Lexer.tokenize(text.bytes), bytes: text.bytes, base: range.start)
    }

    /// The landmark (`PageStructureBuilder.landmark`) of each line of the window that starts in
    /// `from..<to` and is one, in order.
    func structuralLines(from: Int, to: Int) -> [String] {
        var out: [String] = []
        var line = source.line(containing: from - start)
        while line < source.lineCount && source.lineStarts[line] + start < to {
            if let landmark = PageStructureBuilder.landmark(structure.lines[line].text) { out.append(landmark) }
            line += 1
        }
        return out
    }

    /// The ends of the window's posts in `from...to`, except the last post's (the window may cut it).
    func postEnds(from: Int, to: Int) -> [Int] {
        bodyEnds.dropLast().filter { $0 >= from && $0 <= to }
    }

    /// True when the window has no title line, or one that starts before `offset`.
    func titleIsAbove(_ offset: Int) -> Bool {
        guard let line = analysis.structure.titleLine else { return true }
        return source.lineStarts[line] + start < offset
    }

    /// True when none of `d`'s ranges touches the window's edges (unless that edge is the document's).
    func staysInside(_ d: Diagnostic, documentEnd: Int) -> Bool {
        let low = start == 0 ? Int.min : start
        let high = start + source.count == documentEnd ? Int.max : start + source.count
        func inside(_ r: ByteRange) -> Bool { r.start > low && r.end < high }
        return inside(d.range) && d.related.allSatisfy { inside($0.range) }
    }

    /// The findings that start in `from..<to`.
    func findings(from: Int, to: Int) -> ArraySlice<Diagnostic> {
        let low = IncrementalFindings.firstIndex(findings) { $0.range.start >= from }
        let high = IncrementalFindings.firstIndex(findings) { $0.range.start >= to }
        return findings[low..<max(low, high)]
    }

    func limits(before offset: Int) -> [Int] { bodyEnds.filter { $0 < offset } }
    func limits(from offset: Int) -> [Int] { bodyEnds.filter { $0 >= offset } }
}

extension Diagnostic {
    /// The diagnostic as a client sees it: without fixes (those come from a whole analysis).
    public var published: Diagnostic {
        var copy = self
        copy.fixes = []
        return copy
    }

    /// The same diagnostic with every range (its own, related places, fix edits) moved by `delta` bytes.
    public func shifted(by delta: Int) -> Diagnostic {
        var moved = self
        moved.shift(by: delta)
        return moved
    }

    /// Moves every range (its own, related places, fix edits) by `delta` bytes, in place.
    public mutating func shift(by delta: Int) {
        guard delta != 0 else { return }
        range = range.shifted(by: delta)
        for i in related.indices { related[i].range = related[i].range.shifted(by: delta) }
        for i in fixes.indices {
            for j in fixes[i].edits.indices { fixes[i].edits[j].range = fixes[i].edits[j].range.shifted(by: delta) }
        }
    }
}

extension ByteRange {
    /// This range moved by `delta` bytes.
    func shifted(by delta: Int) -> ByteRange { ByteRange(start + delta, end + delta) }
}
