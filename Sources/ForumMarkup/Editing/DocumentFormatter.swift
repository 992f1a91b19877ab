/// Formats forum markup without touching what readers see: it lower-cases known tag names (every
/// dialect accepts the catalog's lower-case spelling, and Discuz accepts only it), removes trailing
/// spaces and tabs, collapses runs of blank lines to one, and puts each `[*]` of a list on its own
/// line.
///
/// Never changes body text: the edits touch only tag names, ASCII spaces, tabs and line breaks,
/// never inside raw-content tags (`[code]`, `[noparse]`, ...); every edit must pass the clean-up's
/// guard (`BodyText.preserves`, the same check fixes get), and a final check returns no edits at all
/// unless the re-parsed result keeps the document's text (its text leaves without whitespace).
/// Idempotent: formatting formatted text gives no edits.
public enum DocumentFormatter {
    /// The edits that format `tree`'s document, sorted and non-overlapping. With `range`, only edits
    /// inside the lines that range touches are returned.
    public static func edits(for tree: SyntaxTree, in range: ByteRange? = nil) -> [TextEdit] {
        let source = tree.source
        let bytes = source.bytes
        let raw = rawRegions(tree)
        var edits: [TextEdit] = []
        tagNameEdits(tree, into: &edits)
        listItemEdits(tree, raw: raw, newline: lineTerminator(bytes), into: &edits)
        whitespaceEdits(source, raw: raw, into: &edits)
        edits.sort { $0.range < $1.range }
        if let range {
            let first = source.line(containing: range.start)
            let last = source.line(containing: max(range.start, range.end - (range.isEmpty ? 0 : 1)))
            let window = ByteRange(source.lineStarts[first], source.lineFullRange(last).end)
            edits = edits.filter { window.contains($0.range) }
        }
        guard !edits.isEmpty else { return [] }
        // The clean-up's guard, edit by edit: an edit it refuses is dropped.
        let context = RuleContext(source: source, tree: tree, dialect: tree.dialect)
        edits = edits.filter { BodyText.preserves(Fix(title: "Format document", edits: [$0]), in: context) }
        guard !edits.isEmpty else { return [] }
        return preservesText(tree, edits) ? TextEdit.normalized(edits) : []
    }

    /// The formatted text of `tree`'s document (the edits applied).
    public static func formatted(_ tree: SyntaxTree) -> String {
        tree.source.applying(edits(for: tree)).string
    }

    // MARK: Rules

    /// Tags whose known name is not in the catalog's lower case: rewritten whole (`[B]` -> `[b]`).
    static func tagNameEdits(_ tree: SyntaxTree, into edits: inout [TextEdit]) {
        let bytes = tree.source.bytes
        for node in tree.nodes {
            switch node.kind {
            case .openTag, .closeTag, .voidTag, .strayCloseTag: break
            default: continue
            }
            guard let tag = node.tag else { continue }
            let name = node.nameRange
            let canonical = TagCatalog.nameBytes[Int(node.tagIndex)]
            guard name.count == canonical.count else { continue }
            var differs = false
            for k in 0..<name.count where bytes[name.start + k] != canonical[k] {
                // Only case may differ: the closer of a paired tag could in theory carry another name.
                guard TagCatalog.asciiLower(bytes[name.start + k]) == canonical[k] else {
                    differs = false
                    break
                }
                differs = true
            }
            // The whole tag is replaced, so that the clean-up's guard sees markup replaced by markup.
            if differs {
                let before = String(decoding: bytes[node.range.start..<name.start], as: UTF8.self)
                let after = String(decoding: bytes[name.end..<node.range.end], as: UTF8.self)
                edits.append(TextEdit(range: node.range, replacement: before + tag.name + after))
            }
        }
    }

    /// `[*]` inside a list with other text before it on its line: the spaces before it become a
    /// line break.
    static func listItemEdits(_ tree: SyntaxTree, raw: [ByteRange], newline: String, into edits: inout [TextEdit]) {
        let bytes = tree.source.bytes
        for node in tree.nodes where node.kind == .voidTag && node.nameRange.count == 1 && bytes[node.nameRange.start] == 0x2A {
            guard isInList(node, tree) else { continue }
            var ws = node.range.start
            while ws > 0 && (bytes[ws - 1] == 0x20 || bytes[ws - 1] == 0x09) { ws -= 1 }
            guard ws > 0, bytes[ws - 1] != 0x0A, bytes[ws - 1] != 0x0D else { continue }
            edits.append(TextEdit(range: ByteRange(ws, node.range.start), replacement: newline))
        }
    }

    static func isInList(_ node: SyntaxNode, _ tree: SyntaxTree) -> Bool {
        var p = node.parent
        var steps = 0
        while p > 0 && steps < Parser.maxDepth + 2 {
            if let name = tree.nodes[p].tag?.name, name == "list" || name == "ul" || name == "ol" { return true }
            p = tree.nodes[p].parent
            steps += 1
        }
        return false
    }

    /// Trailing spaces and tabs removed; of each run of blank lines only the first is kept (emptied).
    static func whitespaceEdits(_ source: SourceText, raw: [ByteRange], into edits: inout [TextEdit]) {
        let bytes = source.bytes
        var rawIndex = 0
        var previousBlank = false
        for line in 0..<source.lineCount {
            let content = source.lineContentRange(line)
            let full = source.lineFullRange(line)
            while rawIndex < raw.count && raw[rawIndex].end <= full.start { rawIndex += 1 }
            var t = content.end
            while t > content.start && (bytes[t - 1] == 0x20 || bytes[t - 1] == 0x09) { t -= 1 }
            func overlapsRaw(_ r: ByteRange) -> Bool {
                var k = rawIndex
                while k < raw.count && raw[k].start < r.end {
                    if raw[k].overlaps(r) { return true }
                    k += 1
                }
                return false
            }
            let protected = overlapsRaw(full)
            let blank = t == content.start
            if blank && previousBlank && !protected {
                if !full.isEmpty { edits.append(.delete(full)) }
                continue
            }
            let trailing = ByteRange(t, content.end)
            if !trailing.isEmpty && !overlapsRaw(trailing) { edits.append(.delete(trailing)) }
            previousBlank = blank && !protected
        }
    }

    // MARK: Helpers

    /// The content ranges of raw-content elements that have a written closer, in order.
    static func rawRegions(_ tree: SyntaxTree) -> [ByteRange] {
        var result: [ByteRange] = []
        var i = 1
        while i < tree.nodes.count {
            let node = tree.nodes[i]
            if node.kind == .element, node.tag?.tagClass == .raw {
                let (_, close) = TagLocator.boundaryTags(of: i, in: tree)
                if tree.nodes[close].kind == .closeTag { result.append(TagLocator.contentRange(of: i, in: tree)) }
                i = node.subtreeEnd
                continue
            }
            i += 1
        }
        return result
    }

    /// The document's first line terminator, `\n` when it has none.
    static func lineTerminator(_ bytes: [UInt8]) -> String {
        guard let i = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return "\n" }
        if bytes[i] == 0x0A { return "\n" }
        return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? "\r\n" : "\r"
    }

    /// True when, re-parsed after `edits`, the document keeps every non-whitespace byte of its text leaves.
    static func preservesText(_ tree: SyntaxTree, _ edits: [TextEdit]) -> Bool {
        let after = Parser.parse(tree.source.applying(edits), dialect: tree.dialect)
        return textSignature(tree) == textSignature(after)
    }

    /// The non-whitespace bytes of a tree's text leaves, in order.
    static func textSignature(_ tree: SyntaxTree) -> [UInt8] {
        let bytes = tree.source.bytes
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for node in tree.nodes where node.kind == .text {
            for i in node.range.start..<node.range.end where bytes[i] > 0x20 { out.append(bytes[i]) }
        }
        return out
    }
}
