import ForumMarkup

/// `textDocument/documentLink`: `[url]`, `[url=…]`, `[img]`, `[email]` and bare URLs
/// (`DocumentLinkScanner`); `javascript:`, `vbscript:` and `data:` URLs are never linked (they get an
/// `unsafe-url` diagnostic instead).
public enum DocumentLinkRequest: RequestMethod {
    public static let method = "textDocument/documentLink"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var documentURI: String { textDocument.uri }
    }

    /// `DocumentLink`.
    public struct Link: Codable, Sendable {
        public var range: LSPRange
        public var target: String
    }

    struct Options: Encodable, Sendable {
        var resolveProvider = false
    }

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.set("documentLinkProvider", Options())
    }

    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> [Link] {
        let document = try context.document(params.textDocument.uri)
        let converter = context.converter(document)
        return DocumentLinkScanner.scan(document.analysis.tree).links.map {
            Link(range: converter.range($0.range), target: $0.target)
        }
    }
}
