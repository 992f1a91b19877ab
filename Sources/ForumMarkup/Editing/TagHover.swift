/// What a hover over a tag shows: what the tag does, how its argument is written, which forums
/// accept it and, when it is flagged, why.
public struct TagHoverInfo: Sendable, Hashable {
    /// The written tag hovered (bytes).
    public var range: ByteRange
    /// The text, as Markdown.
    public var markdown: String
}

/// Builds hover text for the tag under a cursor.
public enum TagHover {
    /// Hover text for the written tag at byte `offset`, or nil when the cursor is not on a tag.
    /// `diagnostics` (the analysis's findings) give the "why it is flagged" lines for findings on the
    /// tag; with none, a rejected argument and the parser's issues on the tag are explained instead.
    public static func hover(in tree: SyntaxTree, at offset: Int, diagnostics: [Diagnostic] = []) -> TagHoverInfo? {
        guard let index = TagLocator.tag(at: offset, in: tree) else { return nil }
        let node = tree.nodes[index]
        let dialect = tree.dialect
        let written = tree.name(of: index)
        var lines: [String] = []
        if let tag = node.tag {
            lines.append("**[\(tag.name)]**: \(tag.summary)")
            lines.append("Forms: " + forms(tag, dialect).map { "`\($0)`" }.joined(separator: ", "))
            lines.append(acceptance(tag, dialect))
        } else {
            lines.append("**[\(written)]**: not a tag any forum in the catalog knows; it is paired with its "
                         + "closer here, but forums show it as text.")
        }
        var flags: [String] = []
        for d in diagnostics where d.range.overlaps(node.range) || (d.range.isEmpty && node.range.contains(offset: d.range.start)) {
            if !flags.contains(d.message) { flags.append(d.message) }
        }
        // The findings say it best; without any, explain a rejected argument and the parser's issues.
        if flags.isEmpty, !node.argumentIsValid, let tag = node.tag {
            flags.append(argumentProblem(tag, tree.argument(of: index), dialect))
        }
        if diagnostics.isEmpty {
            for issue in tree.issues where issue.range.overlaps(node.range) {
                let message = ParseIssueMessages.message(for: issue)
                if !flags.contains(message) { flags.append(message) }
            }
        }
        for flag in flags { lines.append("Flagged: " + flag) }
        return TagHoverInfo(range: node.range, markdown: lines.joined(separator: "\n\n"))
    }

    /// The forum's display name.
    public static func displayName(_ dialect: Dialect) -> String {
        switch dialect {
        case .discuz: "Discuz!"
        case .phpbb: "phpBB"
        case .vbulletin: "vBulletin"
        case .xenforo: "XenForo"
        case .mybb: "MyBB"
        }
    }

    /// "Accepted by ..." with the active dialect's verdict first.
    static func acceptance(_ tag: TagInfo, _ dialect: Dialect) -> String {
        let accepting = Dialect.allCases.filter { tag.isNative(in: $0) }.map(displayName)
        if accepting.isEmpty {
            return "No forum in the catalog accepts it out of the box (a custom tag some boards add); "
                + "recognised and paired, never an error."
        }
        let verdict = tag.isNative(in: dialect)
            ? "Accepted by \(displayName(dialect))."
            : "Not accepted by \(displayName(dialect)) out of the box (it would show as text)."
        return verdict + " Accepted by: " + accepting.joined(separator: ", ") + "."
    }

    /// Why `argument` fails `tag`'s grammar in `dialect`.
    static func argumentProblem(_ tag: TagInfo, _ argument: String?, _ dialect: Dialect) -> String {
        let forum = displayName(dialect)
        guard let argument else {
            return "[\(tag.name)] needs an argument; without one \(forum) shows the tag as text."
        }
        if tag.argument == .none {
            return "[\(tag.name)] takes no argument, so `\(argument)` makes \(forum) show the tag as text."
        }
        return "`\(argument)` is not a valid [\(tag.name)] argument in \(forum), so the forum shows the tag "
            + "as text (junk left by a converter or copy-paste)."
    }

    /// The ways `tag` is written in `dialect`, as examples.
    static func forms(_ tag: TagInfo, _ dialect: Dialect) -> [String] {
        let n = tag.name
        if tag.tagClass == .void { return ["[\(n)]"] }
        let bare = "[\(n)]…[/\(n)]"
        func with(_ values: String...) -> [String] { values.map { "[\(n)=\($0)]…[/\(n)]" } }
        switch tag.argument {
        case .none: return [bare]
        case .any: return tag.argumentRequired ? with("value") : [bare] + with("value")
        case .color: return with("red", "#ff0000", "rgb(51, 51, 51)")
        case .size:
            switch dialect {
            case .discuz: return with("1…7", "14px", "12pt")
            case .phpbb: return with("50…200 (percent)")
            case .vbulletin: return with("1…7", "+2", "-1")
            case .xenforo: return with("1…7", "14px")
            case .mybb: return with("1…7", "x-small", "large")
            }
        case .font: return dialect == .discuz ? with("Arial", "微软雅黑") : with("Arial", "Times New Roman")
        case .align: return dialect == .discuz ? with("left", "center", "right") : with("left", "center", "right", "justify")
        case .float: return with("left", "right")
        case .paragraph: return with("30, 2, left")
        case .list: return [bare] + (dialect == .discuz ? with("1", "a", "A") : with("1", "a", "A", "i", "I"))
        case .url: return ["[\(n)]https://example.com[/\(n)]", "[\(n)=https://example.com]text[/\(n)]"]
        case .email: return ["[\(n)]name@example.com[/\(n)]", "[\(n)=name@example.com]text[/\(n)]"]
        case .imageSize: return ["[\(n)]https://example.com/a.png[/\(n)]", "[\(n)=200,100]https://example.com/a.png[/\(n)]"]
        case .list_of_values: return [bare] + with("80%", "98%,#ffffff")
        case .headingLevel: return with("1", "2", "3")
        case .quote: return dialect == .discuz ? [bare] : [bare] + with("Name")
        case .codeLanguage: return dialect == .discuz ? [bare] : [bare] + with("php")
        }
    }
}
