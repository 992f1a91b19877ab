/// The visible body text of a document and the guard that keeps every fix from changing it.
///
/// The body text is the document with its markup, chrome and noise taken out, compared in a
/// normalised form: whitespace and invisible characters dropped, full-width ASCII forms (U+FF01-FF5E)
/// folded to ASCII, the common HTML entities decoded, U+FFFD dropped. Markup is every tag node of the
/// syntax tree plus tag-shaped text with a catalog name and leaked HTML tags; chrome is every line the
/// page structure marks as chrome; noise is jammer strings and the repeated copy of a scraped fragment.
///
/// A fix *preserves* the body text when, for each of its edits, the normalised body text of the bytes it
/// replaces equals the normalised body text of its replacement. `CleanupRunner` drops every fix that
/// does not; this is the code-level form of "a fix never loses a word of the post".
public enum BodyText {
    /// The normalised body text of the whole document, as UTF-8 bytes.
    public static func of(_ context: RuleContext) -> [UInt8] {
        project(context.bytes, ByteRange(0, context.bytes.count), skipping: context.nonBodyRanges)
    }

    /// True when applying `fix` leaves the document's body text unchanged.
    public static func preserves(_ fix: Fix, in context: RuleContext) -> Bool {
        let skip = context.nonBodyRanges
        for edit in fix.edits {
            let old = project(context.bytes, context.source.clamp(edit.range), skipping: skip)
            let new = projectStandalone(Array(edit.replacement.utf8))
            if old != new { return false }
        }
        return true
    }

    /// The sorted, merged non-body ranges of the document: tags, chrome lines and noise.
    static func nonBodyRanges(_ context: RuleContext) -> [ByteRange] {
        var ranges: [ByteRange] = []
        let b = context.bytes
        for node in context.tree.nodes {
            switch node.kind {
            case .openTag, .closeTag, .voidTag, .strayCloseTag, .truncatedTag:
                ranges.append(node.range)
            case .text:
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
        for issue in context.tree.issues where issue.kind == .truncatedTag || issue.kind == .strayCloseTag {
            ranges.append(issue.range)
        }
        for (line, _) in context.chromeLines { ranges.append(context.source.lineContentRange(line)) }
        ranges.append(contentsOf: context.jammerRanges)
        return merge(ranges)
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
