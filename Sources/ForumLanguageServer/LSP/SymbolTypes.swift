import ForumMarkup

/// LSP `SymbolKind` values forumls uses (see Protocol/methods.md, "Symbol kinds").
public enum SymbolKindValue {
    /// The thread (document) title: `Namespace` (3).
    public static let thread = 3
    /// A post (floor): `Object` (19).
    public static let post = 19
    /// A section heading: `String` (15), as Markdown servers do for headings.
    public static let heading = 15

    /// The kind of an outline item.
    public static func of(_ kind: OutlineItemKind) -> Int {
        switch kind {
        case .thread: thread
        case .post: post
        case .heading: heading
        }
    }
}

/// A hierarchical `DocumentSymbol`.
public struct LSPDocumentSymbol: Codable, Hashable, Sendable {
    /// Title, post label or heading text (never empty).
    public var name: String
    /// Floor, author, date and editor for posts.
    public var detail: String?
    /// A `SymbolKindValue`.
    public var kind: Int
    /// The whole item (section, post, thread).
    public var range: LSPRange
    /// The item's name text, inside `range`.
    public var selectionRange: LSPRange
    /// Nested items; absent when there are none.
    public var children: [LSPDocumentSymbol]?
}

/// A flat `SymbolInformation`.
public struct LSPSymbolInformation: Codable, Hashable, Sendable {
    /// Title or heading text.
    public var name: String
    /// A `SymbolKindValue`.
    public var kind: Int
    /// The document and the item's range.
    public var location: Location
    /// The parent's name (title or post label), if any.
    public var containerName: String?
}

extension OutlineItem {
    /// This item and its descendants as `DocumentSymbol`s (the tree is at most thread > post > 6 heading
    /// levels deep, so the recursion depth is bounded by 8 whatever the input).
    func documentSymbol(_ converter: PositionConverter) -> LSPDocumentSymbol {
        LSPDocumentSymbol(name: name, detail: detail, kind: SymbolKindValue.of(kind), range: converter.range(range),
                          selectionRange: converter.range(selectionRange),
                          children: children.isEmpty ? nil : children.map { $0.documentSymbol(converter) })
    }
}
