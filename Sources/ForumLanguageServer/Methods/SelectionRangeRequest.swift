import ForumMarkup

/// `textDocument/selectionRange`: for each position, word -> tag content -> tag element ->
/// paragraph -> section -> post body -> post -> document (`SelectionRanges`), as nested
/// `SelectionRange`s (innermost outside, `parent` pointing outward).
public enum SelectionRangeRequest: RequestMethod {
    public static let method = "textDocument/selectionRange"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var positions: [Position]
        public var documentURI: String { textDocument.uri }
    }

    /// `SelectionRange`: a range and the range that contains it. The chain is short (bounded by
    /// the parser's depth limit plus five levels), so encoding it nested is safe.
    public final class Item: Encodable, Sendable {
        public let range: LSPRange
        public let parent: Item?
        init(range: LSPRange, parent: Item?) {
            self.range = range
            self.parent = parent
        }
    }

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.set("selectionRangeProvider", true)
    }

    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> [Item] {
        let document = try context.document(params.textDocument.uri)
        let converter = context.converter(document)
        return params.positions.map { position in
            let chain = SelectionRanges.ranges(in: document.analysis, at: converter.offset(position))
            var item: Item?
            for range in chain.reversed() { item = Item(range: converter.range(range), parent: item) }
            return item ?? Item(range: converter.range(ByteRange(0, 0)), parent: nil)
        }
    }
}
