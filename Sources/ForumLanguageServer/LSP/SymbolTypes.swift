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
    public var name: String
    public var detail: String?
    public var kind: Int
    public var range: LSPRange
    public var selectionRange: LSPRange
    public var children: [LSPDocumentSymbol]?
}

/// A flat `SymbolInformation`.
public struct LSPSymbolInformation: Codable, Hashable, Sendable {
    public var name: String
    public var kind: Int
    public var location: Location
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
