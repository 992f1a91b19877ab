import ForumMarkup

/// `textDocument/rangeFormatting`: the `Formatting` edits that lie on the lines `range` touches.
public enum RangeFormattingRequest: RequestMethod {
    public static let method = "textDocument/rangeFormatting"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var range: LSPRange
        public var options: FormattingOptions?
        public var documentURI: String { textDocument.uri }
    }

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.set("documentRangeFormattingProvider", true)
    }

    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> [LSPTextEdit] {
        let document = try context.document(params.textDocument.uri)
        let converter = context.converter(document)
        let range = converter.byteRange(params.range)
        return DocumentFormatter.edits(for: document.analysis.tree, in: range).map { LSPTextEdit($0, converter) }
    }
}
