/// `forumls/syntaxTree` (custom): `{textDocument}` -> the document's syntax tree and parse issues
/// as `SyntaxTreeJSON`, characters in the negotiated encoding (the same JSON as
/// `forumls parse --json`).
public enum SyntaxTreeRequest: RequestMethod {
    public static let method = "forumls/syntaxTree"

    public static func handle(_ params: TextDocumentParams, _ context: ServerContext) throws -> SyntaxTreeJSON {
        let document = try context.document(params.textDocument.uri)
        return SyntaxTreeJSON(document.analysis.tree, index: document.positionIndex(context.encoding))
    }
}
