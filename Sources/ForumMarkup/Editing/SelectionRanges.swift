/// Expanding selections: from the word under the cursor out to the whole document.
///
/// The levels, innermost first: word (or tag name, then the tag), tag content, tag element (each
/// enclosing element, inner to outer), paragraph, caller-supplied levels (section, post) and the
/// document. Every range contains the one before it and is strictly larger; levels that would not
/// are dropped.
public enum SelectionRanges {
    /// The chain of ranges around byte `offset`, innermost first; `outerLevels` are extra ranges
    /// (sections, posts) that are used when they contain the cursor. Never empty: the last range is
    /// the whole document (possibly empty).
    public static func ranges(in tree: SyntaxTree, at offset: Int, outerLevels: [ByteRange] = []) -> [ByteRange] {
        let source = tree.source
        let cursor = min(max(offset, 0), source.count)
        var candidates: [ByteRange] = []
        if let leaf = TagLocator.leaf(at: cursor, in: tree) {
            let node = tree.nodes[leaf]
            let onLeaf = node.range.contains(offset: cursor) || node.range.end == cursor
            if onLeaf && node.kind == .text {
                candidates.append(word(source.bytes, in: node.range, at: cursor))
            } else if onLeaf && TagLocator.isWrittenTag(node.kind) {
                if !node.nameRange.isEmpty && node.nameRange.start <= cursor && cursor <= node.nameRange.end {
                    candidates.append(node.nameRange)
                }
                candidates.append(node.range)
            }
            // Enclosing elements: content, then the element.
            var p = leaf
            var steps = 0
            while p > 0 && steps <= Parser.maxDepth + 2 {
                if tree.nodes[p].kind == .element {
                    candidates.append(TagLocator.contentRange(of: p, in: tree))
                    candidates.append(tree.nodes[p].range)
                }
                p = tree.nodes[p].parent
                steps += 1
            }
        }
        if let paragraph = paragraph(source, at: cursor) { candidates.append(paragraph) }
        candidates.append(contentsOf: outerLevels)
        candidates.append(ByteRange(0, source.count))
        return chain(candidates, cursor: cursor)
    }

    /// Keeps the non-empty candidates that hold the cursor, smallest first, each containing and
    /// larger than the previous one; an empty document gives its one empty range.
    static func chain(_ candidates: [ByteRange], cursor: Int) -> [ByteRange] {
        let sorted = candidates.filter { !$0.isEmpty && $0.start <= cursor && cursor <= $0.end }
            .sorted { $0.count != $1.count ? $0.count < $1.count : $0.start < $1.start }
        var result: [ByteRange] = []
        for r in sorted {
            if let last = result.last, !r.contains(last) || r == last { continue }
            result.append(r)
        }
        return result.isEmpty ? [candidates.last ?? ByteRange(cursor, cursor)] : result
    }

    /// The word around `cursor` inside a text run: letters, digits, `_` and non-ASCII letters (CJK
    /// runs count as one word); empty at the cursor when it is between non-word characters.
    static func word(_ bytes: [UInt8], in run: ByteRange, at cursor: Int) -> ByteRange {
        var start = cursor
        while start > run.start {
            var s = start - 1
            while s > run.start && bytes[s] & 0xC0 == 0x80 && start - s < 4 { s -= 1 }
            guard isWordScalar(decode(bytes, s, run.end)) else { break }
            start = s
        }
        var end = cursor
        while end < run.end {
            let scalar = decode(bytes, end, run.end)
            guard isWordScalar(scalar) else { break }
            end += scalarLength(bytes[end])
        }
        return ByteRange(start, max(start, min(end, run.end)))
    }

    /// The line run around `cursor` with no blank line inside; nil on a blank line.
    static func paragraph(_ source: SourceText, at cursor: Int) -> ByteRange? {
        let line = source.line(containing: cursor)
        guard !isBlank(source, line) else { return nil }
        var first = line
        while first > 0 && !isBlank(source, first - 1) { first -= 1 }
        var last = line
        while last + 1 < source.lineCount && !isBlank(source, last + 1) { last += 1 }
        return ByteRange(source.lineStarts[first], source.lineContentRange(last).end)
    }

    /// True for a line of only spaces, tabs, U+00A0 and U+3000.
    static func isBlank(_ source: SourceText, _ line: Int) -> Bool {
        let r = source.lineContentRange(line)
        let bytes = source.bytes
        var i = r.start
        while i < r.end {
            let c = bytes[i]
            if c == 0x20 || c == 0x09 {
                i += 1
            } else if c == 0xC2 && i + 1 < r.end && bytes[i + 1] == 0xA0 {
                i += 2
            } else if c == 0xE3 && i + 2 < r.end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 {
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    /// The scalar value at `i` (malformed bytes decode as U+FFFD).
    static func decode(_ bytes: [UInt8], _ i: Int, _ limit: Int) -> UInt32 {
        let lead = bytes[i]
        let n = scalarLength(lead)
        guard n > 1, i + n <= limit else { return lead < 0x80 ? UInt32(lead) : 0xFFFD }
        var value = UInt32(lead) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
        for k in 1..<n {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return 0xFFFD }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return value
    }

    /// Letters, digits and `_` in ASCII; every non-ASCII scalar except spaces and punctuation blocks.
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F
        }
        if v == 0xFFFD || v == 0xA0 || (v >= 0xA1 && v <= 0xBF) || v == 0xD7 || v == 0xF7 { return false }
        if (0x2000...0x206F).contains(v) || (0x3000...0x303F).contains(v) || (0xFE30...0xFE4F).contains(v) { return false }
        if (0xFF00...0xFF0F).contains(v) || (0xFF1A...0xFF20).contains(v) || (0xFF3B...0xFF40).contains(v)
            || (0xFF5B...0xFF65).contains(v) {
            return false
        }
        // Emoji and symbols are not words.
        if (0x1F000...0x1FAFF).contains(v) || (0x2190...0x2BFF).contains(v) || v == 0x200D || (0xFE00...0xFE0F).contains(v) {
            return false
        }
        return true
    }
}

extension SelectionRanges {
    /// The selection chain of an analysed document: the tree's levels, then the sections (outline
    /// headings, inner to outer), the post body and the whole post that hold the cursor, then the document.
    public static func ranges(in analysis: DocumentAnalysis, at offset: Int) -> [ByteRange] {
        var outer: [ByteRange] = []
        for post in analysis.outline.posts where post.post.range.start <= offset && offset <= post.post.range.end {
            outer.append(post.post.range)
            outer.append(post.post.bodyRange)
            for heading in post.headings where heading.range.start <= offset && offset <= heading.range.end {
                outer.append(heading.range)
            }
        }
        return ranges(in: analysis.tree, at: offset, outerLevels: outer)
    }
}
