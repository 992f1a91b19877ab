import ForumMarkup

/// `textDocument/prepareRename`: on a tag name with a written partner, the name's range and text;
/// `null` elsewhere (the client then says nothing can be renamed there). Declares `renameProvider`
/// for `RenameRequest` too.
public enum PrepareRenameRequest: RequestMethod {
    public static let method = "textDocument/prepareRename"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var position: Position
        public var documentURI: String { textDocument.uri }
    }

    /// `{range, placeholder}`.
    public struct Placeholder: Codable, Sendable {
        public var range: LSPRange
        public var placeholder: String
    }

    struct Options: Encodable, Sendable {
        var prepareProvider = true
    }

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        // RenameOptions only when the client can send prepareRename (LSP 3.17).
        if client.value("textDocument", "rename", "prepareSupport")?.boolValue == true {
            capabilities.set("renameProvider", Options())
        } else {
            capabilities.set("renameProvider", true)
        }
    }

    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> Placeholder? {
        let document = try context.document(params.textDocument.uri)
        let converter = context.converter(document)
        guard let pair = TagPartner.pairByName(in: document.analysis.tree, at: converter.offset(params.position)) else {
            return nil
        }
        let name = pair.cursorOnOpen ? pair.openName : pair.closeName
        return Placeholder(range: converter.range(name), placeholder: document.source.text(name))
    }
}
