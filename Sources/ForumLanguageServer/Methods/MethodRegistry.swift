/// The one list of methods the server handles. A new method is one file in `Methods/` and one
/// line here; its capability is declared by the method itself and collected by `capabilities`.
public enum MethodRegistry {
    /// Every method, one line each.
    public static let all: [MethodEntry] = [
        // Lifecycle
        .request(Initialize.self),
        .notification(Initialized.self),
        .request(Shutdown.self),
        .notification(Exit.self),
        .notification(CancelRequest.self),
        // Text synchronisation
        .notification(DidOpenTextDocument.self),
        .notification(DidChangeTextDocument.self),
        .notification(DidCloseTextDocument.self),
        .notification(DidSaveTextDocument.self),
        // Configuration
        .notification(DidChangeConfiguration.self),
        .notification(DidChangeWatchedFiles.self),
        // Language features
        .request(DocumentDiagnostic.self),
        .request(DocumentSymbolRequest.self),
        .request(FoldingRangeRequest.self),
        .request(WorkspaceSymbolRequest.self),
        .request(SemanticTokensFullRequest.self),
        .request(SemanticTokensRangeRequest.self),
        .request(CompletionRequest.self),
        .request(HoverRequest.self),
        .request(DocumentHighlightRequest.self),
        .request(LinkedEditingRangeRequest.self),
        .request(PrepareRenameRequest.self),
        .request(RenameRequest.self),
        .request(DocumentLinkRequest.self),
        .request(FormattingRequest.self),
        .request(RangeFormattingRequest.self),
        .request(SelectionRangeRequest.self),
        .request(CodeActionRequest.self),
        .request(CodeActionResolveRequest.self),
        // forumls extensions
        .request(SyntaxTreeRequest.self),
    ]

    private static let byName: [String: MethodEntry] = {
        var table: [String: MethodEntry] = [:]
        for entry in all {
            precondition(table[entry.method] == nil, "method \(entry.method) is registered twice")
            table[entry.method] = entry
        }
        return table
    }()

    /// The entry for `method`, or nil when the server does not handle it.
    public static func entry(for method: String) -> MethodEntry? { byName[method] }

    /// The `capabilities` of the `initialize` result: every method's declaration, in registry order.
    public static func capabilities(for client: ClientCapabilities) -> ServerCapabilities {
        var capabilities = ServerCapabilities()
        for entry in all { entry.declare(&capabilities, client) }
        return capabilities
    }
}
