import ForumMarkup

/// `textDocument/formatting`: lower-case known tag names, drop trailing spaces and tabs, collapse
/// blank-line runs, put list items `[*]` on their own lines (`DocumentFormatter`). Never changes
/// body text; formatting twice gives no edits the second time.
public enum FormattingRequest: RequestMethod {
    public static let method = "textDocument/formatting"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var options: FormattingOptions?
        public var documentURI: String { textDocument.uri }
    }

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.set("documentFormattingProvider", true)
    }

    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> [LSPTextEdit] {
        let document = try context.document(params.textDocument.uri)
        let converter = context.converter(document)
        return DocumentFormatter.edits(for: document.analysis.tree).map { LSPTextEdit($0, converter) }
    }
}
