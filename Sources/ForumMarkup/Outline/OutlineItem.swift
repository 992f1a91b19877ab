/// A section heading inside a post body.
public struct OutlineHeading: Sendable, Hashable {
    /// The 0-based line of the heading.
    public var line: Int
    /// 1 for the document's top section level, then 2, 3, … (at most 6).
    public var level: Int
    /// The heading as a reader sees it: tags, markdown markers and junk stripped.
    public var text: String
    /// Bytes of the heading text on its line (the LSP `selectionRange`).
    public var selectionRange: ByteRange
    /// Bytes of the section: the heading line to the next heading of the same or a higher level, or
    /// the end of the post body (the LSP `range`).
    public var range: ByteRange
}

/// One post of the outline with its headings in document order.
public struct OutlinePost: Sendable, Hashable {
    /// The post as `PageStructure` found it (floor, author, date, body span).
    public var post: Post
    /// The headings of its body, in order.
    public var headings: [OutlineHeading]
}

/// The outline of one document: thread title > posts > section headings.
public struct Outline: Sendable, Hashable {
    /// The thread or document title, or nil.
    public var title: String?
    /// The 0-based line showing the title, or nil.
    public var titleLine: Int?
    /// Bytes of the title text on its line, or nil.
    public var titleRange: ByteRange?
    /// The posts, in order.
    public var posts: [OutlinePost]

    /// All headings of all posts, in document order.
    public var headings: [OutlineHeading] { posts.flatMap(\.headings) }
}

/// What an `OutlineItem` stands for.
public enum OutlineItemKind: String, Sendable {
    /// The thread (document) title; its children are the posts.
    case thread
    /// A post (floor); its children are its top-level headings.
    case post
    /// A section heading; its children are its sub-sections.
    case heading
}

/// A node of the hierarchical outline served as `DocumentSymbol`s: thread > posts > headings.
public struct OutlineItem: Sendable, Hashable {
    /// What the item is.
    public var kind: OutlineItemKind
    /// The label: title, `楼主` / `2#` (with author), or heading text. Never empty.
    public var name: String
    /// Extra text: floor, author, date and editor for posts; nil otherwise.
    public var detail: String?
    /// Heading level (1-6), 0 for threads and posts.
    public var level: Int
    /// Bytes the item covers.
    public var range: ByteRange
    /// Bytes of the item's name (inside `range`).
    public var selectionRange: ByteRange
    /// Nested items.
    public var children: [OutlineItem]
}

extension Outline {
    /// The outline as a tree: a thread item (when there is a title or more than one post) holding post
    /// items holding nested headings; a titled single-post document gives thread > post > headings.
    /// Ranges always nest (each child's range lies inside its parent's).
    public func items(documentLength: Int) -> [OutlineItem] {
        var postItems: [OutlineItem] = []
        for p in posts {
            var name = p.post.floorLabel
            if let author = p.post.author, !author.isEmpty { name += " " + author }
            var details: [String] = []
            details.append("floor \(p.post.floor)")
            if let a = p.post.author, !a.isEmpty { details.append("by \(a)") }
            if let d = p.post.date, !d.isEmpty { details.append(d) }
            if let e = p.post.editedBy { details.append("edited by \(e)") }
            // The header line's text when shown (inside the post's range), else an empty range at its start.
            var selection = ByteRange(p.post.range.start, p.post.range.start)
            if let header = p.post.headerRange, p.post.range.contains(header) { selection = header }
            var item = OutlineItem(kind: .post, name: name, detail: details.joined(separator: " · "), level: 0,
                                   range: p.post.range, selectionRange: selection, children: [])
            item.children = Outline.nest(p.headings, within: p.post.range)
            postItems.append(item)
        }
        guard let title = title, let titleRange = titleRange else { return postItems }
        let start = min(titleRange.start, postItems.first?.range.start ?? titleRange.start)
        let end = max(titleRange.end, postItems.last?.range.end ?? titleRange.end, documentLength)
        return [OutlineItem(kind: .thread, name: title.isEmpty ? "(untitled)" : title, detail: nil, level: 0,
                            range: ByteRange(start, end), selectionRange: titleRange, children: postItems)]
    }

    /// Nests headings by level with an explicit stack (no recursion on input-controlled depth).
    static func nest(_ headings: [OutlineHeading], within bounds: ByteRange) -> [OutlineItem] {
        // Build parent links first, then assemble bottom-up.
        var parent = [Int](repeating: -1, count: headings.count)
        var stack: [Int] = []
        for (i, h) in headings.enumerated() {
            while let top = stack.last, headings[top].level >= h.level { stack.removeLast() }
            parent[i] = stack.last ?? -1
            stack.append(i)
        }
        var items = headings.map { h in
            OutlineItem(kind: .heading, name: h.text.isEmpty ? "(heading)" : h.text, detail: nil, level: h.level,
                        range: ByteRange(max(h.range.start, bounds.start), min(max(h.range.end, h.range.start), max(bounds.end, h.range.start))),
                        selectionRange: h.selectionRange, children: [])
        }
        // Children have larger indices than their parent: attach from the end, then restore order.
        var roots: [OutlineItem] = []
        for i in stride(from: headings.count - 1, through: 0, by: -1) {
            items[i].children.reverse()
            if parent[i] >= 0 {
                items[parent[i]].children.append(items[i])
            } else {
                roots.append(items[i])
            }
        }
        return roots.reversed()
    }
}
