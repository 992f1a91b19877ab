import ForumMarkup

/// `textDocument/semanticTokens/full`: tag brackets and names, arguments by kind (colour, size,
/// URL), raw-tag text, heading and chrome lines, junk tags (`deprecated`), all from
/// `SemanticTokenClassifier`; the legend (`SemanticTokenLegend`) is declared here for both the full
/// and the range request.
public enum SemanticTokensFullRequest: RequestMethod {
    public static let method = "textDocument/semanticTokens/full"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var documentURI: String { textDocument.uri }
    }

    /// `SemanticTokens`: the encoded `data`.
    public struct Result: Codable, Sendable {
        public var data: [Int]
    }

    struct Options: Encodable, Sendable {
        var legend = SemanticTokenLegend.Legend()
        var full = true
        var range = true
    }

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.set("semanticTokensProvider", Options())
    }

    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> Result {
        let document = try context.document(params.textDocument.uri)
        let tokens = SemanticTokenClassifier.tokens(in: document.analysis)
        return Result(data: SemanticTokenLegend.encode(tokens, document.source, context.encoding))
    }
}
