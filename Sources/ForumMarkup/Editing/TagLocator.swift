/// Finds the tag under a cursor and the parts a tag is written in; shared by hover, tag partners,
/// semantic tokens and selection ranges.
///
/// All offsets are 0-based UTF-8 byte offsets. Lookups descend the flat tree by skipping sibling
/// subtrees, so they cost the depth times the fan-out on the way down, never the whole document.
public enum TagLocator {
    /// True for node kinds that are written tags (bytes in the source): open, close, void, stray
    /// close and truncated tags. Zero-width missing tags are not.
    public static func isWrittenTag(_ kind: SyntaxKind) -> Bool {
        kind == .openTag || kind == .closeTag || kind == .voidTag || kind == .strayCloseTag || kind == .truncatedTag
    }

    /// The index of the leaf that holds byte `offset` (the leaf whose range contains it), or nil
    /// for an empty document. An offset at the very end gives the last leaf.
    public static func leaf(at offset: Int, in tree: SyntaxTree) -> Int? {
        let nodes = tree.nodes
        guard nodes.count > 1 else { return nil }
        let target = min(max(offset, 0), max(tree.source.count - 1, 0))
        var i = 0
        while i < nodes.count {
            if nodes[i].isLeaf { return i }
            var child = i + 1
            let end = nodes[i].subtreeEnd
            var next = -1
            var lastNonEmpty = -1
            while child < end {
                let node = nodes[child]
                if node.range.start > target { break }
                if !node.range.isEmpty {
                    lastNonEmpty = child
                    if node.range.contains(offset: target) {
                        next = child
                        break
                    }
                }
                child = node.subtreeEnd
            }
            if next < 0 { next = lastNonEmpty }
            if next < 0 { return nil }
            i = next
        }
        return nil
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
    /// Unlike `SyntaxTree.enclosingElements(of:)` this counts a cursor at the end of an unclosed
    /// element, which is where people type its closer.
    public static func openElements(at offset: Int, in tree: SyntaxTree) -> [Int] {
        let nodes = tree.nodes
        var result: [Int] = []
        var i = 0
        while i < nodes.count {
            var child = i + 1
            let end = nodes[i].subtreeEnd
            var next = -1
            while child < end {
                let node = nodes[child]
                if node.range.start > offset { break }
                if node.kind == .element {
                    let content = contentRange(of: child, in: tree)
                    if content.start <= offset && offset <= content.end {
                        next = child
                        // Keep looking: a later zero-width reopened element may be the one.
                    }
                }
                child = node.subtreeEnd
            }
            if next < 0 { break }
            result.append(next)
            i = next
        }
        return result.reversed()
    }

    /// The range of a written tag's name, or nil when the node has none.
    public static func nameRange(of tag: Int, in tree: SyntaxTree) -> ByteRange? {
        let r = tree.nodes[tag].nameRange
        return r.isEmpty ? nil : r
    }
}
