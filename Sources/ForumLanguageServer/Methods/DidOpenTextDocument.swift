import ForumMarkup

/// `textDocument/didOpen`: stores the document and schedules its diagnostics. Declares the whole
/// `textDocumentSync` capability (open/close, incremental changes, save) for the sync methods.
public enum DidOpenTextDocument: NotificationMethod {
    public static let method = "textDocument/didOpen"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentItem
        public var documentURI: String { textDocument.uri }
    }

    /// `textDocumentSync` as LSP's `TextDocumentSyncOptions`.
    struct SyncOptions: Encodable, Sendable {
        struct Save: Encodable, Sendable { var includeText = false }
        var openClose = true
        /// 2: incremental.
        var change = 2
        var save = Save()
    }

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.set("textDocumentSync", SyncOptions())
    }

    public static func handle(_ params: Params, _ context: ServerContext) {
        let item = params.textDocument
        context.documents.open(uri: item.uri, languageId: item.languageId, version: item.version,
                               text: SourceText(item.text), options: context.analysisOptions)
        context.diagnosticsChanged(item.uri)
    }
}
