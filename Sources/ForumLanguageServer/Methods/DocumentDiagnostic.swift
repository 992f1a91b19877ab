/// `textDocument/diagnostic` (pull diagnostics), served when the client advertises
/// `textDocument.diagnostic`; the server then pushes nothing. The `resultId` names the document's
/// content; a request whose `previousResultId` still matches gets an `unchanged` report.
public enum DocumentDiagnostic: RequestMethod {
    public static let method = "textDocument/diagnostic"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var identifier: String?
        public var previousResultId: String?
        public var documentURI: String { textDocument.uri }
    }

    /// A `full` or `unchanged` document diagnostic report.
    public struct Report: Codable, Sendable {
        /// `full` or `unchanged`.
        public var kind: String
        public var resultId: String
        /// Present for `full` reports.
        public var items: [LSPDiagnostic]?
    }

    /// `diagnosticProvider` options.
    struct Options: Encodable, Sendable {
        var identifier = "forumls"
        var interFileDependencies = false
        var workspaceDiagnostics = false
    }

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        if client.supportsPullDiagnostics { capabilities.set("diagnosticProvider", Options()) }
    }

    /// An answer for an older version is useless once the text changed.
    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> Report {
        let document = try context.document(params.textDocument.uri)
        let resultId = String(document.generation)
        if params.previousResultId == resultId {
            return Report(kind: "unchanged", resultId: resultId, items: nil)
        }
        return Report(kind: "full", resultId: resultId, items: document.lspDiagnostics(context.encoding))
    }
}
