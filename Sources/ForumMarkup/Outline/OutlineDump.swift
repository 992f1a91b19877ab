extension Outline {
    /// An indented text dump of the outline with 1-based lines, used by `forumls outline` and tests.
    ///
    /// `title: T (line N)`, then per post `post FLOOR [author A] [date D] [edited by E] (header N, body A-B)`
    /// (`header -` when the page shows none) and its headings indented by level: `## TEXT (line N)`.
    public func dump() -> String {
        var out = title.map { "title: \($0) (line \((titleLine ?? 0) + 1))\n" } ?? "title: -\n"
        for p in posts {
            out += "post \(p.post.floorLabel)"
            if let a = p.post.author { out += " author \(a)" }
            if let d = p.post.date { out += " date \(d)" }
            if let e = p.post.editedBy { out += " edited by \(e)" }
            let header = p.post.headerLine.map { String($0 + 1) } ?? "-"
            out += " (header \(header), body \(p.post.bodyLines.lowerBound + 1)-\(p.post.bodyLines.upperBound))\n"
            for h in p.headings {
                out += String(repeating: "  ", count: h.level) + String(repeating: "#", count: h.level) + " \(h.text) (line \(h.line + 1))\n"
            }
        }
        return out
    }
}

extension PageStructure {
    /// The chrome lines as runs of equal kind with 1-based line numbers: `3-5 navigation`, one per line.
    /// Blank lines inside a run of one kind do not split it.
    public func dumpChrome() -> String {
        var out = ""
        var runStart = -1, runEnd = -1
        var runKind: ChromeKind?
        func flush() {
            guard let kind = runKind else { return }
            out += runStart == runEnd ? "\(runStart + 1) \(kind.rawValue)\n" : "\(runStart + 1)-\(runEnd + 1) \(kind.rawValue)\n"
        }
        for (i, role) in roles.enumerated() {
            switch role {
            case .blank: continue
            case .chrome(let kind):
                if kind == runKind { runEnd = i; continue }
                flush()
                runKind = kind
                runStart = i
                runEnd = i
            default:
                flush()
                runKind = nil
            }
        }
        flush()
        return out
    }
}
