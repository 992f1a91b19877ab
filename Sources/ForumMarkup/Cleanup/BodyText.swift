/// The visible body text of a document and the guard that keeps every fix from changing it.
///
/// The body text is the document with its markup, chrome and noise taken out, compared in a
/// normalised form: whitespace and invisible characters dropped, full-width ASCII forms (U+FF01-FF5E)
/// folded to ASCII, the common HTML entities decoded, U+FFFD dropped. Markup is every tag node of the
/// syntax tree plus tag-shaped text with a catalog name and leaked HTML tags; chrome is every line the
/// page structure marks as chrome; noise is jammer strings and the repeated copy of a scraped fragment.
///
/// A fix *preserves* the body text when, for each of its edits, the normalised body text of the bytes it
/// replaces equals the normalised body text of its replacement, and no edit changes how the text
/// around it reads (new or cut tags and cut-off tags, `[index]` and raw tags removed, a content line
/// made to look like chrome). `CleanupRunner` drops every fix that does not; this is the code-level
/// form of "a fix never loses a word of the post".
public enum BodyText {
    /// The normalised body text of the whole document, as UTF-8 bytes.
    public static func of(_ context: RuleContext) -> [UInt8] {
        project(context.bytes, ByteRange(0, context.bytes.count), skipping: context.nonBodyRanges)
    }

    /// True when applying `fix` leaves the document's body text unchanged.
    public static func preserves(_ fix: Fix, in context: RuleContext) -> Bool {
        let readingTags = context.readingTagRanges
        for edit in fix.edits {
            let range = context.source.clamp(edit.range)
            // Removing `[index]` changes which `[#N]` are entries (markup) and which are text; removing
            // `[code]` turns the markup-shaped text inside into markup.
            if !readingTags.isEmpty, !slice(readingTags, range).isEmpty { return false }
            if edit.replacement.isEmpty && isPlainlySafeDeletion(range, in: context) { continue }
            // Only the non-body ranges of the lines the edit touches matter.
            let window = ByteRange(context.source.lineFullRange(context.source.line(containing: range.start)).start,
                                   context.source.lineFullRange(context.source.line(containing: range.end)).end)
            // Compute the non-body ranges of the touched lines, until those lines add up to the document's
            // size; from then on compute them once for the whole document (linear either way).
            context.slowGuardBytes += window.count
            let skip = context.slowGuardBytes > context.source.count ? slice(context.nonBodyRanges, window)
                : nonBodyRanges(context, within: window)
            let old = project(context.bytes, range, skipping: skip)
            let new = projectStandalone(Array(edit.replacement.utf8))
            if old != new { return false }
            // Tags never span lines: deleting whole lines can neither make nor cut one.
            let wholeLines = edit.replacement.isEmpty && isLineBoundary(range.start, context.source)
                && isLineBoundary(range.end, context.source)
            if wholeLines { continue }
            if makesMarkup(edit, in: context.source) || makesChrome(edit, in: context) { return false }
            if cutsMarkup(edit.range, context.markupRanges) { return false }
        }
        return true
    }

    /// Fast answers for the common deletions, without projecting text: whitespace at a line's end or
    /// whole blank lines, whole chrome-or-blank lines, and exactly one tag whose removal cannot join its
    /// neighbours into new markup.
    static func isPlainlySafeDeletion(_ range: ByteRange, in context: RuleContext) -> Bool {
        let source = context.source
        let b = source.bytes
        let n = b.count
        if range.isEmpty { return true }
        // Line boundaries straight from the bytes (no line lookup): after a terminator, or the ends.
        let startsLine = range.start == 0 || b[range.start - 1] == 0x0A || (b[range.start - 1] == 0x0D && b[range.start] != 0x0A)
        let endsAtLineStart = range.end == n || b[range.end - 1] == 0x0A || (b[range.end - 1] == 0x0D && b[range.end] != 0x0A)
        let endsAtContentEnd = range.end == n || b[range.end] == 0x0A || b[range.end] == 0x0D
        // Whitespace and line breaks only, ending at a line's end: nothing can join.
        var i = range.start
        var onlySpace = true
        while i < range.end {
            let c = b[i]
            if c == 0x0A || c == 0x0D { i += 1; continue }
            let w = ByteScan.whitespaceLength(b, i, range.end)
            if w == 0 { onlySpace = false; break }
            i += w
        }
        if onlySpace, endsAtContentEnd || endsAtLineStart, !(endsAtContentEnd && opensBefore(range.start, b)) { return true }
        // Whole lines, each chrome or blank.
        if startsLine, endsAtLineStart {
            let starts = source.lineStarts
            var line = source.line(containing: range.start)
            var all = true
            while line < starts.count, starts[line] < range.end {
                if !context.isChromeLine(line) && !context.isBlank(line) { all = false; break }
                line += 1
            }
            if all { return true }
        }
        // Exactly one tag node, with no bracket before it and after it on the line to join into markup
        // (nor a `[` before it that the line's end could turn into a cut-off tag).
        let markup = context.markupRanges
        var low = 0, high = markup.count
        while low < high {
            let mid = (low + high) / 2
            if markup[mid] < range { low = mid + 1 } else { high = mid }
        }
        guard low < markup.count, markup[low] == range else { return false }
        var opener: UInt8 = 0, closes = false
        var k = range.start
        while k > 0 {
            let c = b[k - 1]
            if c == 0x0A || c == 0x0D { break }
            if c == 0x5B || c == 0x3C || c == 0x26 { opener = c; break }
            k -= 1
        }
        guard opener != 0 else { return true }
        k = range.end
        while k < n {
            let c = b[k]
            if c == 0x0A || c == 0x0D { break }
            if c == 0x5D || c == 0x3E || c == 0x3B { closes = true; break }
            k += 1
        }
        return !closes && opener != 0x5B && !opensBefore(range.start, b)
    }

    /// True when a `[` precedes `offset` on its line with no `]` after it: deleting what ends the line
    /// could leave a cut-off tag there (`[siz ` without its space).
    static func opensBefore(_ offset: Int, _ b: [UInt8]) -> Bool {
        var k = offset
        while k > 0, offset - k < markupReach {
            let c = b[k - 1]
            if c == 0x0A || c == 0x0D || c == 0x5D { return false }
            if c == 0x5B { return true }
            k -= 1
        }
        return false
    }

    /// The ranges of sorted, merged `ranges` that overlap `window`.
    static func slice(_ ranges: [ByteRange], _ window: ByteRange) -> [ByteRange] {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].end <= window.start { low = mid + 1 } else { high = mid }
        }
        var out: [ByteRange] = []
        while low < ranges.count, ranges[low].start < window.end { out.append(ranges[low]); low += 1 }
        return out
    }

    /// True when `offset` is the start of a line or the end of the document.
    static func isLineBoundary(_ offset: Int, _ source: SourceText) -> Bool {
        offset == source.count || source.lineStarts[source.line(containing: offset)] == offset
    }

    /// True when `range` covers part of a tag but not all of it (the rest would show as text).
    static func cutsMarkup(_ range: ByteRange, _ markup: [ByteRange]) -> Bool {
        var low = 0, high = markup.count
        while low < high {
            let mid = (low + high) / 2
            if markup[mid].end <= range.start { low = mid + 1 } else { high = mid }
        }
        var k = low
        while k < markup.count, markup[k].start < range.end {
            let m = markup[k]
            if m.overlaps(range) && !range.contains(m) { return true }
            k += 1
        }
        return false
    }

    /// True when applying `edit` would make tag-shaped markup out of text on its line(s), such as
    /// deleting a zero-width space inside `[si\u{200B}ze=4]`: the text would silently become formatting.
    /// How far from an edit `makesMarkup` looks for the `[`/`<`/`&` and `]`/`>`/`;` of new markup (bytes).
    static let markupReach = 4096

    static func makesMarkup(_ edit: TextEdit, in source: SourceText) -> Bool {
        let b = source.bytes
        let range = source.clamp(edit.range)
        let lines = ByteRange(source.lineContentRange(source.line(containing: range.start)).start,
                              source.lineContentRange(source.line(containing: range.end)).end)
        guard lines.start <= range.start, range.end <= lines.end else { return false }
        // New markup must span the join: it starts at the last `[`, `<` or `&` before the edit (or in the
        // replacement) and ends at the first `]`, `>` or `;` after it. Without both, nothing can form.
        let replacementBytes = Array(edit.replacement.utf8)
        // The searches stop `markupReach` bytes from the edit: no plausible tag is longer, and on a
        // one-line megabyte document (100,000 nested quotes) unbounded scans made this quadratic.
        let low = max(lines.start, range.start - BodyText.markupReach)
        let high = min(lines.end, range.end + BodyText.markupReach)
        var from = Int.max
        for opener: UInt8 in [0x5B, 0x3C, 0x26] {
            var k = range.start
            while k > low, b[k - 1] != opener { k -= 1 }
            if k > low { from = min(from, k - 1) }
        }
        var to = Int.min
        for closer: UInt8 in [0x5D, 0x3E, 0x3B] {
            var k = range.end
            while k < high, b[k] != closer { k += 1 }
            if k < high { to = max(to, k + 1) }
        }
        let opensInReplacement = replacementBytes.contains { $0 == 0x5B || $0 == 0x3C || $0 == 0x26 }
        let closesInReplacement = replacementBytes.contains { $0 == 0x5D || $0 == 0x3E || $0 == 0x3B }
        // A cut-off tag needs no closer: it runs to the line's end (`[color=re[quote]pent` without the
        // `[quote]` reads `[color=repent` to the end of the line).
        if to == Int.min && !closesInReplacement && lines.end - range.end <= BodyText.markupReach { to = lines.end }
        if (from == Int.max && !opensInReplacement) || (to == Int.min && !closesInReplacement) { return false }
        let window = ByteRange(min(from == Int.max ? range.start : from, range.start), max(to == Int.min ? range.end : to, range.end))
        // Tags split the text: HTML is looked for between them, as the body text does per text node
        // (`<font [/noparse]>` is text; without the stray closer it is an HTML tag).
        func count(_ bytes: [UInt8]) -> Int {
            let tags = lexicalMarkup(bytes, ByteRange(0, bytes.count))
            var html = 0, from = 0
            for tag in tags + [ByteRange(bytes.count, bytes.count)] {
                if tag.start > from { html += HtmlRemnant.remnants(in: bytes, ByteRange(from, tag.start)).filter(\.isMarkup).count }
                from = max(from, tag.end)
            }
            return tags.count + html
        }
        let old = Array(b[window.start..<window.end])
        let replacement = replacementBytes
        let new = Array(b[window.start..<range.start]) + replacement + Array(b[range.end..<window.end])
        let removed = count(Array(b[range.start..<range.end]))
        if count(new) > count(old) - removed + count(replacement) { return true }
        return !textAroundReadsTheSame(edit, range, lines, in: source)
    }

    /// The sorted, merged non-body ranges of the document (tags, chrome lines and noise), or of the
    /// leaves, lines and issues that overlap `window` when one is given.
    static func nonBodyRanges(_ context: RuleContext, within window: ByteRange? = nil) -> [ByteRange] {
        var ranges: [ByteRange] = []
        let b = context.bytes
        let nodes = context.tree.nodes
        let leaves = context.leaves
        var first = 0
        if let window {
            var low = 0, high = leaves.count
            while low < high {
                let mid = (low + high) / 2
                if nodes[leaves[mid]].range.end <= window.start { low = mid + 1 } else { high = mid }
            }
            first = max(0, low - 1)
        }
        for k in first..<leaves.count {
            let node = nodes[leaves[k]]
            if let window, node.range.start > window.end { break }
            switch node.kind {
            case .openTag, .closeTag, .voidTag, .strayCloseTag:
                ranges.append(node.range)
            case .truncatedTag where isPlausibleTruncation(b, node.range):
                ranges.append(node.range)
            case .text, .truncatedTag:
                // A cut-off tag that is not plausible (`[url=楼主https://e<font color=red>k` to the line's
                // end) reads as text: its tags and leaked HTML are markup as in any text.
                if context.isInRaw(node.range.start) { continue }
                for token in TagToken.scan(b, node.range) { ranges.append(token.range) }
                for remnant in HtmlRemnant.remnants(in: b, node.range) where remnant.isMarkup {
                    ranges.append(remnant.range)
                }
                for dup in RepeatedFragment.duplicates(in: b, node.range) { ranges.append(dup.copy) }
            default:
                continue
            }
        }
        let issueRanges = context.markupIssueRanges
        var k = 0
        if let window {
            var low = 0, high = issueRanges.count
            while low < high {
                let mid = (low + high) / 2
                if issueRanges[mid].end <= window.start { low = mid + 1 } else { high = mid }
            }
            k = low
        }
        while k < issueRanges.count {
            if let window, issueRanges[k].start >= window.end { break }
            ranges.append(issueRanges[k])
            k += 1
        }
        if let window {
            let lines = context.source.line(containing: window.start)...context.source.line(containing: window.end)
            for line in lines where context.chromeLines[line] != nil { ranges.append(context.source.lineContentRange(line)) }
            ranges.append(contentsOf: AntiScrapeNoise.jammerRanges(in: context.source, lines: lines))
        } else {
            for (line, _) in context.chromeLines { ranges.append(context.source.lineContentRange(line)) }
            ranges.append(contentsOf: context.jammerRanges)
        }
        return merge(ranges)
    }

    /// True when a truncated-tag fragment looks like a cut-off tag (ASCII only, at most 80 bytes), not
    /// a stray `[name=` followed by prose to the end of the line.
    public static func isPlausibleTruncation(_ b: [UInt8], _ range: ByteRange) -> Bool {
        guard range.count <= 80, range.end <= b.count else { return false }
        var i = range.start
        while i < range.end {
            if b[i] < 0x80 { i += 1; continue }
            let z = ByteScan.invisibleLength(b, i, range.end)
            guard z > 0 else { return false }
            i += z
        }
        return true
    }

    /// A context-free body text of `source`, for comparing two versions of a document whose parses may
    /// differ: invisible characters are dropped first; then every tag-shaped token (`[name]`, `[/name]`,
    /// `[name=...]`, known name or not), every cut-off known tag at a line end, leaked HTML tags, a
    /// scraper's repeated copy, jammer runs anywhere on a line and the lines in `chromeLines` (0-based)
    /// are left out, and the rest is normalised as above.
    public static func lexical(_ source: SourceText, chromeLines: Set<Int> = []) -> [UInt8] {
        var stripped: [UInt8] = []
        stripped.reserveCapacity(source.count)
        let raw = source.bytes
        var i = 0
        while i < raw.count {
            let z = ByteScan.invisibleLength(raw, i, raw.count)
            if z > 0 { i += z; continue }
            stripped.append(raw[i])
            i += 1
        }
        // Markup and chrome out first, so that noise broken up by a tag is seen whole.
        let text = SourceText(bytes: stripped)
        var markup: [ByteRange] = []
        for line in 0..<text.lineCount {
            let content = text.lineContentRange(line)
            if chromeLines.contains(line) { markup.append(content); continue }
            markup.append(contentsOf: lexicalMarkup(text.bytes, content))
            for r in HtmlRemnant.remnants(in: text.bytes, content) where r.isMarkup { markup.append(r.range) }
        }
        var kept: [UInt8] = []
        kept.reserveCapacity(stripped.count)
        var cursor = 0
        for r in merge(markup) {
            kept.append(contentsOf: stripped[cursor..<r.start])
            cursor = r.end
        }
        kept.append(contentsOf: stripped[cursor...])
        let plain = SourceText(bytes: kept)
        let b = plain.bytes
        var skip: [ByteRange] = []
        for line in 0..<plain.lineCount {
            let content = plain.lineContentRange(line)
            for d in RepeatedFragment.duplicates(in: b, content) { skip.append(d.copy) }
            var u = content.start
            while u + 3 <= content.end {
                if AntiScrapeNoise.isUnit(b, u), let run = AntiScrapeNoise.forwardRun(b, u, content.end) {
                    skip.append(run)
                    u = run.end
                } else {
                    u += 1
                }
            }
        }
        return project(b, ByteRange(0, b.count), skipping: merge(skip))
    }

    /// Tag-shaped tokens in one line's `content`, known names or not, and cut-off known tags at its end
    /// (the lexer's shapes, without pairing).
    static func lexicalMarkup(_ b: [UInt8], _ content: ByteRange) -> [ByteRange] {
        var out: [ByteRange] = []
        var i = content.start
        while i < content.end {
            guard b[i] == 0x5B else { i += 1; continue }
            var j = i + 1
            if j < content.end, b[j] == 0x2F { j += 1 }
            let nameStart = j
            while j < content.end, j - nameStart <= 32, TagToken.isNameByte(b[j]) || b[j] == 0x23 { j += 1 }
            let name = ByteRange(nameStart, j)
            guard !name.isEmpty else { i += 1; continue }
            let known: Bool = b.withUnsafeBufferPointer { TagCatalog.lookup(UnsafeBufferPointer(rebasing: $0[name.start..<name.end])) != nil }
            if j < content.end, b[j] == 0x5D { out.append(ByteRange(i, j + 1)); i = j + 1; continue }
            if j < content.end, b[j] == 0x3D || b[j] == 0x20 || b[j] == 0x2F {
                var k = j
                while k < content.end, b[k] != 0x5D, b[k] != 0x5B { k += 1 }
                if k < content.end, b[k] == 0x5D { out.append(ByteRange(i, k + 1)); i = k + 1; continue }
                if k == content.end, b[j] == 0x3D, known, isPlausibleTruncation(b, ByteRange(i, k)) {
                    out.append(ByteRange(i, k)); i = k; continue
                }
            }
            if j == content.end, name.count >= 3,
               b.withUnsafeBufferPointer({ TagCatalog.isNamePrefix(UnsafeBufferPointer(rebasing: $0[name.start..<name.end])) }) || known {
                out.append(ByteRange(i, j)); i = j; continue
            }
            i += 1
        }
        return out
    }

    /// True when the bytes of `body` appear, in order, in `text` (other bytes may lie between them):
    /// nothing of `body` was lost.
    public static func isSubsequence(_ body: [UInt8], of text: [UInt8]) -> Bool {
        var k = 0
        var i = 0
        while k < body.count && i < text.count {
            if body[k] == text[i] { k += 1 }
            i += 1
        }
        return k == body.count
    }

    /// Sorts ranges and merges overlapping or touching ones.
    static func merge(_ ranges: [ByteRange]) -> [ByteRange] {
        let sorted = ranges.filter { !$0.isEmpty }.sorted()
        var out: [ByteRange] = []
        out.reserveCapacity(sorted.count)
        for r in sorted {
            if let last = out.last, r.start <= last.end {
                out[out.count - 1].end = max(last.end, r.end)
            } else {
                out.append(r)
            }
        }
        return out
    }

    /// The normalised text of `range`, leaving out bytes inside `skipping` (sorted, merged).
    static func project(_ b: [UInt8], _ range: ByteRange, skipping: [ByteRange]) -> [UInt8] {
        // First skip range that could intersect.
        var low = 0
        var high = skipping.count
        while low < high {
            let mid = (low + high) / 2
            if skipping[mid].end <= range.start { low = mid + 1 } else { high = mid }
        }
        var kept: [UInt8] = []
        var i = range.start
        var k = low
        while i < range.end {
            while k < skipping.count, skipping[k].end <= i { k += 1 }
            if k < skipping.count, skipping[k].start <= i {
                i = skipping[k].end
                continue
            }
            let stop = k < skipping.count ? min(skipping[k].start, range.end) : range.end
            kept.append(contentsOf: b[i..<stop])
            i = stop
        }
        return normalise(kept)
    }

    /// The normalised text of a standalone fragment (a fix's replacement): tag-shaped tokens and
    /// leaked HTML tags are markup and left out.
    static func projectStandalone(_ b: [UInt8]) -> [UInt8] {
        if b.isEmpty { return [] }
        var skip: [ByteRange] = TagToken.scan(b, ByteRange(0, b.count)).map(\.range)
        for remnant in HtmlRemnant.remnants(in: b, ByteRange(0, b.count)) where remnant.isMarkup {
            skip.append(remnant.range)
        }
        return project(b, ByteRange(0, b.count), skipping: merge(skip))
    }

    /// Drops whitespace, line breaks, invisible characters and U+FFFD; folds full-width ASCII forms;
    /// decodes `&nbsp;` (dropped), `&quot;`, `&amp;`, `&lt;`, `&gt;`, `&#39;`, `&apos;`.
    static func normalise(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c == 0x0A || c == 0x0D { i += 1; continue }
            let w = ByteScan.whitespaceLength(b, i, n)
            if w > 0 { i += w; continue }
            let z = ByteScan.invisibleLength(b, i, n)
            if z > 0 { i += z; continue }
            if c == 0xEF, i + 2 < n {
                // U+FFFD
                if b[i + 1] == 0xBF, b[i + 2] == 0xBD { i += 3; continue }
                // U+FF01..U+FF5E -> 0x21..0x7E
                if b[i + 1] == 0xBC, b[i + 2] >= 0x81, b[i + 2] <= 0xBF {
                    out.append(b[i + 2] - 0x81 + 0x21); i += 3; continue
                }
                if b[i + 1] == 0xBD, b[i + 2] >= 0x80, b[i + 2] <= 0x9E {
                    out.append(b[i + 2] - 0x80 + 0x60); i += 3; continue
                }
            }
            if c == 0x26, let (value, length) = HtmlRemnant.entity(b, i, n) {
                out.append(contentsOf: value)
                i += length
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }
}
