extension BodyText {
    /// The longest line (bytes) whose reading `makesChrome` checks; the catalog takes longer lines for prose.
    static let chromeLookReach = 400

    /// True when `edit`, inside one content line, would make that line read like forum chrome (a post
    /// header such as `发表于2024-3-<br>1` without its `<br>`, a counter, a profile line) when it did not
    /// before: the page structure would then take the line's text out of the body. The line is read
    /// as the page structure reads it, roughly: markup and invisible characters out, spaces folded.
    static func makesChrome(_ edit: TextEdit, in context: RuleContext) -> Bool {
        let source = context.source
        let range = source.clamp(edit.range)
        let line = source.line(containing: range.start)
        let content = source.lineContentRange(line)
        guard range.start >= content.start, range.end <= content.end, content.count <= chromeLookReach,
              !context.isChromeLine(line) else { return false }
        let b = source.bytes
        let before = Array(b[content.start..<content.end])
        let after = Array(b[content.start..<range.start]) + Array(edit.replacement.utf8) + Array(b[range.end..<content.end])
        return looksLikeChrome(readable(after)) && !looksLikeChrome(readable(before))
    }

    /// True when a line's readable text matches a chrome pattern (any scope) or a post header.
    static func looksLikeChrome(_ text: [UInt8]) -> Bool {
        !text.isEmpty && (ChromeCatalog.classify(text) != nil || ChromeCatalog.postHeader(text) != nil)
    }

    /// One line's text without its tag-shaped tokens and invisible
    /// characters, whitespace runs folded to one space, trimmed.
    static func readable(_ line: [UInt8]) -> [UInt8] {
        let all = ByteRange(0, line.count)
        let markup = lexicalMarkup(line, all) // leaked HTML stays: the structure reads it as text
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        var skip = merge(markup)[...]
        var i = 0
        while i < line.count {
            if let r = skip.first, i >= r.start {
                if i < r.end { i = r.end; continue }
                skip = skip.dropFirst()
                continue
            }
            let z = ByteScan.invisibleLength(line, i, line.count)
            if z > 0 { i += z; continue }
            let w = ByteScan.whitespaceLength(line, i, line.count)
            if w > 0 {
                if let last = out.last, last != 0x20 { out.append(0x20) }
                i += w
                continue
            }
            out.append(line[i])
            i += 1
        }
        while out.last == 0x20 { out.removeLast() }
        return out
    }
}
