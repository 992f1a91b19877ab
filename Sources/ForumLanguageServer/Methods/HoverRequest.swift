import ForumMarkup

/// `textDocument/hover` on a tag: what it does, its argument forms, which forums accept it and why
/// it is flagged (the document's findings on that tag), as Markdown; `null` off tags.
public enum HoverRequest: RequestMethod {
    public static let method = "textDocument/hover"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var position: Position
        public var documentURI: String { textDocument.uri }
    }

    /// `Hover`.
    public struct HoverResult: Codable, Sendable {
        public var contents: MarkupContent
        public var range: LSPRange
    }

    /// `MarkupContent`.
    public struct MarkupContent: Codable, Sendable {
        /// `markdown` or `plaintext`.
        public var kind: String
        public var value: String
    }

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.set("hoverProvider", true)
    }

    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> HoverResult? {
        let document = try context.document(params.textDocument.uri)
        let converter = context.converter(document)
        let analysis = document.analysis
        guard let info = TagHover.hover(in: analysis.tree, at: converter.offset(params.position),
                                        diagnostics: analysis.diagnostics) else { return nil }
        return HoverResult(contents: MarkupContent(kind: "markdown", value: info.markdown), range: converter.range(info.range))
    }
}
