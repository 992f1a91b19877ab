import ForumMarkup

/// `textDocument/semanticTokens/range`: the tokens of `SemanticTokensFullRequest` that overlap `range`
/// (the capability and legend are declared by `SemanticTokensFullRequest`).
public enum SemanticTokensRangeRequest: RequestMethod {
    public static let method = "textDocument/semanticTokens/range"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var range: LSPRange
        public var documentURI: String { textDocument.uri }
    }

    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> SemanticTokensFullRequest.Result {
        let document = try context.document(params.textDocument.uri)
        let range = context.converter(document).byteRange(params.range)
        let tokens = SemanticTokenClassifier.tokens(in: document.analysis, range: range)
        return SemanticTokensFullRequest.Result(data: SemanticTokenLegend.encode(tokens, document.source, context.encoding))
    }
}
