import ForumMarkup

/// `textDocument/linkedEditingRange`: on a tag name, the names of the open and close tag, so that
/// typing in one renames the other; `null` elsewhere.
public enum LinkedEditingRangeRequest: RequestMethod {
    public static let method = "textDocument/linkedEditingRange"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var position: Position
        public var documentURI: String { textDocument.uri }
    }

    /// `LinkedEditingRanges`.
    public struct Ranges: Codable, Sendable {
        public var ranges: [LSPRange]
        /// What a tag name may hold while typing.
        public var wordPattern: String
    }

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.set("linkedEditingRangeProvider", true)
    }

    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> Ranges? {
        let document = try context.document(params.textDocument.uri)
        let converter = context.converter(document)
        guard let pair = TagPartner.pairByName(in: document.analysis.tree, at: converter.offset(params.position)) else {
            return nil
        }
        return Ranges(ranges: [converter.range(pair.openName), converter.range(pair.closeName)],
                      wordPattern: "[A-Za-z0-9_*-]+")
    }
}
