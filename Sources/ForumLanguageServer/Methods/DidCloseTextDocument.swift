/// `textDocument/didClose`: forgets the document and clears its pushed diagnostics.
public enum DidCloseTextDocument: NotificationMethod {
    public static let method = "textDocument/didClose"

    public static func handle(_ params: TextDocumentParams, _ context: ServerContext) {
        let uri = params.textDocument.uri
        context.cancelPendingDiagnostics(uri)
        guard context.documents.close(uri: uri) else {
            context.log(.warning, "didClose for a document that is not open: \(uri)")
            return
        }
        if !context.pullsDiagnostics {
            context.notify(PublishDiagnostics.method, PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: []))
        }
    }
}
