/// An open tag and its closer, found from either one.
public struct TagPair: Sendable, Hashable {
    /// The written open tag (bytes), `[b]`.
    public var open: ByteRange
    /// The written close tag, `[/b]`.
    public var close: ByteRange
    /// The name inside the open tag.
    public var openName: ByteRange
    /// The name inside the close tag.
    public var closeName: ByteRange
    /// Whether the cursor was on the open tag (false: on the close tag).
    public var cursorOnOpen: Bool
}

/// Finds the partner of an open or close tag, for document highlights, linked editing and rename.
///
/// Only written pairs count: an element whose opener or closer is missing (unclosed, or reopened
/// after a mis-nest) has no partner. Void, stray and truncated tags have none either.
public enum TagPartner {
    /// The pair the tag at byte `offset` belongs to, or nil.
    public static func pair(in tree: SyntaxTree, at offset: Int) -> TagPair? {
        guard let tag = TagLocator.tag(at: offset, in: tree), let element = TagLocator.element(of: tag, in: tree)
        else { return nil }
        let (open, close) = TagLocator.boundaryTags(of: element, in: tree)
        let nodes = tree.nodes
        guard nodes[open].kind == .openTag, nodes[close].kind == .closeTag else { return nil }
        return TagPair(open: nodes[open].range, close: nodes[close].range, openName: nodes[open].nameRange,
                       closeName: nodes[close].nameRange, cursorOnOpen: tag == open)
    }

    /// The pair whose tag *name* holds the cursor at `offset` (the name itself, or right after it),
    /// for linked editing and rename; nil when the cursor is on a bracket or argument.
    public static func pairByName(in tree: SyntaxTree, at offset: Int) -> TagPair? {
        guard let pair = pair(in: tree, at: offset) else { return nil }
        let name = pair.cursorOnOpen ? pair.openName : pair.closeName
        return name.start <= offset && offset <= name.end ? pair : nil
    }

    /// The edits that rename both tags of the pair at `offset` to `newName`, or nil when there is no
    /// pair or `newName` is not a tag name (1-32 ASCII letters, digits, `_`, `-` or `*`).
    public static func renameEdits(in tree: SyntaxTree, at offset: Int, to newName: String) -> [TextEdit]? {
        guard isValidName(newName), let pair = pairByName(in: tree, at: offset) else { return nil }
        return [TextEdit(range: pair.openName, replacement: newName), TextEdit(range: pair.closeName, replacement: newName)]
    }

    /// True when `name` can be written as a tag name.
    public static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return !bytes.isEmpty && bytes.count <= Lexer.maxNameLength && bytes.allSatisfy(CompletionProvider.isNameByte)
    }
}
