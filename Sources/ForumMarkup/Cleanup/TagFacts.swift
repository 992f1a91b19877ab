/// Questions the markup rules ask about tags in the syntax tree: an element's opener and closer, an
/// opener's argument text, and the edits that remove a tag pair while keeping its content.
///
/// All indices are node indices into `SyntaxTree.nodes`; offsets are UTF-8 bytes.
public enum TagFacts {
    /// The opener node of element `element` (`openTag` or `missingOpenTag`), if any.
    public static func opener(_ tree: SyntaxTree, _ element: Int) -> Int? {
        let first = element + 1
        guard first < tree.nodes[element].subtreeEnd else { return nil }
        let kind = tree.nodes[first].kind
        return kind == .openTag || kind == .missingOpenTag ? first : nil
    }

    /// The closer node of element `element` (`closeTag` or `missingCloseTag`), if any.
    public static func closer(_ tree: SyntaxTree, _ element: Int) -> Int? {
        let nodes = tree.nodes
        let end = nodes[element].subtreeEnd
        var child = element + 1
        var last = -1, count = 0
        while child < end {
            last = child
            count += 1
            child = nodes[child].subtreeEnd
        }
        guard last >= 0, count > 1 || nodes[last].kind == .closeTag else { return nil }
        let kind = nodes[last].kind
        return kind == .closeTag || kind == .missingCloseTag ? last : nil
    }

    /// The element owning opener node `node`, or nil for a void tag or a loose node.
    public static func element(ofOpener tree: SyntaxTree, _ node: Int) -> Int? {
        let parent = tree.nodes[node].parent
        guard parent >= 0, tree.nodes[parent].kind == .element, parent + 1 == node else { return nil }
        return parent
    }

    /// The argument of a tag node as lower-case ASCII bytes, or nil when it has none.
    public static func argument(_ source: SourceText, _ node: SyntaxNode) -> [UInt8]? {
        guard let r = node.argumentRange else { return nil }
        let clamped = source.clamp(r)
        return source.bytes[clamped.start..<clamped.end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// Edits deleting the opener `node` and, when the element has a real closer, that closer.
    public static func removalEdits(_ tree: SyntaxTree, opener node: Int) -> [TextEdit] {
        var edits = [TextEdit.delete(tree.nodes[node].range)]
        if let e = element(ofOpener: tree, node), let c = closer(tree, e), tree.nodes[c].kind == .closeTag {
            edits.append(.delete(tree.nodes[c].range))
        }
        return edits
    }

    /// The real closer range of the element opened by `node`, if any (for related locations).
    public static func closerRange(_ tree: SyntaxTree, opener node: Int) -> ByteRange? {
        guard let e = element(ofOpener: tree, node), let c = closer(tree, e), tree.nodes[c].kind == .closeTag else { return nil }
        return tree.nodes[c].range
    }

    /// True when `haystack` contains `needle` (ASCII bytes).
    public static func contains(_ haystack: [UInt8], _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard haystack.count >= n else { return false }
        let p = needle.utf8Start
        var i = 0
        while i + n <= haystack.count {
            var k = 0
            while k < n, haystack[i + k] == p[k] { k += 1 }
            if k == n { return true }
            i += 1
        }
        return false
    }

    /// Tag nodes that are openers or stand-alone tags with an argument: `openTag` and `voidTag`.
    public static func isOpenerLike(_ kind: SyntaxKind) -> Bool { kind == .openTag || kind == .voidTag }

    /// True for the (lower-case) names of the tags whose arguments carry CSS values.
    public static func isStyleTag(_ lower: String) -> Bool {
        switch lower {
        case "color", "backcolor", "background", "font", "size", "align", "p", "float", "highlight": true
        default: false
        }
    }

    /// The style-leak reason for a style tag's argument, or nil: CSS copied into a tag.
    public static func styleLeak(name: String, argument: [UInt8]) -> String? {
        let lower = isStyleTag(name) ? name : name.lowercased()
        guard isStyleTag(lower) else { return nil }
        if contains(argument, "!important") || contains(argument, "! important") { return "`!important`" }
        if contains(argument, "&quot") || contains(argument, "&amp") || contains(argument, "&#") { return "an HTML entity" }
        if contains(argument, "rgba("), argument.contains(0x2E) { return "`rgba()` with decimals" }
        if contains(argument, "var(") || contains(argument, "hsl(") || contains(argument, "calc(") { return "a CSS function" }
        if (lower == "backcolor" || lower == "background" || lower == "color"), contains(argument, "transparent") {
            return "a `transparent` colour"
        }
        return nil
    }
}
