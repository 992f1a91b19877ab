/// `textDocument/didSave`: nothing to do (the server already has the text); accepted so that
/// `save` can be advertised in `textDocumentSync`.
public enum DidSaveTextDocument: NotificationMethod {
    public static let method = "textDocument/didSave"
    public static func handle(_ params: TextDocumentParams, _ context: ServerContext) {}
}
