/// `textDocument/publishDiagnostics` (server to client): pushed after open and change when the
/// client does not pull. The dispatcher calls `publish` once the queue is empty, so a burst of
/// edits is analysed once, at its newest version; the notification carries that `version`.
public enum PublishDiagnostics {
    public static let method = "textDocument/publishDiagnostics"

    /// Analyses (or reuses the analysis of) the document's current version and pushes the result.
    static func publish(_ document: OpenDocument, _ context: ServerContext) {
        let params = PublishDiagnosticsParams(uri: document.uri, version: document.version,
                                              diagnostics: document.lspDiagnostics(context.encoding))
        context.notify(method, params)
    }
}
