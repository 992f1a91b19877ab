/// Finds the tag under a cursor and the parts a tag is written in; shared by hover, tag partners,
/// semantic tokens and selection ranges.
///
/// All offsets are 0-based UTF-8 byte offsets. Lookups binary-search the flat pre-order node array
/// and walk parent links (at most the parser's depth limit), never the whole document.
public enum TagLocator {
    /// True for node kinds that are written tags (bytes in the source): open, close, void, stray
    /// close and truncated tags. Zero-width missing tags are not.
    public static func isWrittenTag(_ kind: SyntaxKind) -> Bool {
        kind == .openTag || kind == .closeTag || kind == .voidTag || kind == .strayCloseTag || kind == .truncatedTag
    }

    /// The index of the leaf that holds byte `offset` (the leaf whose range contains it), or nil
    /// for an empty document. An offset at the very end gives the last leaf.
    ///
    /// Binary search: node starts never decrease in pre-order, and the non-empty leaves tile the
    /// document, so the holder is the last non-empty leaf starting at or before the offset.
    public static func leaf(at offset: Int, in tree: SyntaxTree) -> Int? {
        let nodes = tree.nodes
        guard nodes.count > 1, tree.source.count > 0 else { return nil }
        let target = min(max(offset, 0), tree.source.count - 1)
        var low = 1, high = nodes.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if nodes[mid].range.start <= target { low = mid } else { high = mid - 1 }
        }
        var i = low
        while i > 0 && (!nodes[i].isLeaf || nodes[i].range.isEmpty) { i -= 1 }
        return i > 0 ? i : nil
    }

    /// The written tag (see `isWrittenTag`) under the cursor at `offset`, or nil.
    ///
    /// A cursor just after a tag's `]` (offset == tag end) also finds that tag, as editors place the
    /// cursor between characters.
    public static func tag(at offset: Int, in tree: SyntaxTree) -> Int? {
        if let i = leaf(at: offset, in: tree), isWrittenTag(tree.nodes[i].kind),
           tree.nodes[i].range.contains(offset: offset) {
            return i
        }
        if offset > 0, let i = leaf(at: offset - 1, in: tree), isWrittenTag(tree.nodes[i].kind),
           tree.nodes[i].range.end == offset {
            return i
        }
        return nil
    }

    /// The element a written open or close tag belongs to (its parent), or nil for other leaves.
    public static func element(of tag: Int, in tree: SyntaxTree) -> Int? {
        let node = tree.nodes[tag]
        guard node.kind == .openTag || node.kind == .closeTag, node.parent > 0,
              tree.nodes[node.parent].kind == .element else { return nil }
        return node.parent
    }

    /// The first and last child of an element: its opener (or missing opener) and its closer (or
    /// missing closer).
    public static func boundaryTags(of element: Int, in tree: SyntaxTree) -> (open: Int, close: Int) {
        let open = element + 1
        var last = open
        var child = open
        let end = tree.nodes[element].subtreeEnd
        while child < end {
            last = child
            child = tree.nodes[child].subtreeEnd
        }
        return (open, last)
    }

    /// The bytes between an element's opener and closer (empty at the opener's end when there are none).
    public static func contentRange(of element: Int, in tree: SyntaxTree) -> ByteRange {
        let (open, close) = boundaryTags(of: element, in: tree)
        let start = tree.nodes[open].range.end
        let end = close == open ? tree.nodes[element].range.end : tree.nodes[close].range.start
        return ByteRange(start, max(start, end))
    }

    /// The elements whose content holds a cursor at `offset`, innermost first: elements that start
    /// (with their opener's `]`) at or before the cursor and end at or after it, with the cursor not
    /// past the start of their written closer.
    ///
    /// A cursor at the end of an unclosed element counts: that is where people type its closer.
    public static func openElements(at offset: Int, in tree: SyntaxTree) -> [Int] {
        var found = Set<Int>()
        for probe in [offset - 1, offset] where probe >= 0 {
            guard var p = leaf(at: probe, in: tree) else { continue }
            var steps = 0
            while p > 0 && steps <= Parser.maxDepth + 2 {
                if tree.nodes[p].kind == .element {
                    let content = contentRange(of: p, in: tree)
                    if content.start <= offset && offset <= content.end { found.insert(p) }
                }
                p = tree.nodes[p].parent
                steps += 1
            }
        }
        // Inner elements come later in pre-order.
        return found.sorted(by: >)
    }

    /// The range of a written tag's name, or nil when the node has none.
    public static func nameRange(of tag: Int, in tree: SyntaxTree) -> ByteRange? {
        let r = tree.nodes[tag].nameRange
        return r.isEmpty ? nil : r
    }
}
