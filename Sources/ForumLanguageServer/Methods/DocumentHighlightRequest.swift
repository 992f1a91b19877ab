import ForumMarkup

/// `textDocument/documentHighlight` on an open or close tag: the tag and its partner (`TagPartner`);
/// `null` elsewhere or when the partner is missing.
public enum DocumentHighlightRequest: RequestMethod {
    public static let method = "textDocument/documentHighlight"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var position: Position
        public var documentURI: String { textDocument.uri }
    }

    /// `DocumentHighlight`.
    public struct Highlight: Codable, Sendable {
        public var range: LSPRange
        /// 1 text.
        public var kind: Int
    }

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.set("documentHighlightProvider", true)
    }

    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> [Highlight]? {
        let document = try context.document(params.textDocument.uri)
        let converter = context.converter(document)
        guard let pair = TagPartner.pair(in: document.analysis.tree, at: converter.offset(params.position)) else { return nil }
        return [Highlight(range: converter.range(pair.open), kind: 1), Highlight(range: converter.range(pair.close), kind: 1)]
    }
}
