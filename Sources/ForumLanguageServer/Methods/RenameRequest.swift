import ForumMarkup

/// `textDocument/rename` on a tag name: renames the open and the close tag together (for clients
/// without linked editing). A name that is not a tag name is refused with `-32602`; a position
/// that is not on a paired tag name gives `null` (no change). The capability is declared by
/// `PrepareRenameRequest`.
public enum RenameRequest: RequestMethod {
    public static let method = "textDocument/rename"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var position: Position
        public var newName: String
        public var documentURI: String { textDocument.uri }
    }

    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> WorkspaceEdit? {
        let document = try context.document(params.textDocument.uri)
        let converter = context.converter(document)
        guard TagPartner.isValidName(params.newName) else {
            throw ResponseError.invalidParams("'\(params.newName)' is not a tag name (ASCII letters, digits, _, - or *)")
        }
        guard let edits = TagPartner.renameEdits(in: document.analysis.tree, at: converter.offset(params.position),
                                                 to: params.newName) else { return nil }
        return WorkspaceEdit(changes: [params.textDocument.uri: edits.map { LSPTextEdit($0, converter) }])
    }
}
