/// `textDocument/didChange`: applies the content changes in order (ranged or full) and schedules
/// diagnostics for the new version. A change to a document that is not open is logged and ignored.
public enum DidChangeTextDocument: NotificationMethod {
    public static let method = "textDocument/didChange"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: VersionedTextDocumentIdentifier
        public var contentChanges: [TextDocumentContentChangeEvent]
        public var documentURI: String { textDocument.uri }
    }

    public static func handle(_ params: Params, _ context: ServerContext) {
        let uri = params.textDocument.uri
        guard context.documents.change(uri: uri, version: params.textDocument.version,
                                       changes: params.contentChanges, encoding: context.encoding) != nil else {
            context.log(.warning, "didChange for a document that is not open: \(uri)")
            return
        }
        context.diagnosticsChanged(uri)
    }
}

/// One content change: `range` (positions in the negotiated encoding) replaced by `text`, or the
/// whole document when `range` is absent. `rangeLength` is deprecated and ignored.
public struct TextDocumentContentChangeEvent: Codable, Hashable, Sendable {
    public var range: LSPRange?
    public var rangeLength: Int?
    public var text: String

    public init(range: LSPRange? = nil, text: String) {
        self.range = range
        self.text = text
    }
}
