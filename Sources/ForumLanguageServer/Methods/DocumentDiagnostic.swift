/// `textDocument/diagnostic` (pull diagnostics), served when the client advertises
/// `textDocument.diagnostic`; the server then pushes nothing. The `resultId` names the document's
/// content and analysis options; a request whose `previousResultId` still matches gets an `unchanged`
/// report.
public enum DocumentDiagnostic: RequestMethod {
    public static let method = "textDocument/diagnostic"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var identifier: String?
        public var previousResultId: String?
        public var documentURI: String { textDocument.uri }
    }

    /// A `full` or `unchanged` document diagnostic report (the shape of the result).
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

    /// The report, pre-encoded: the items reuse the JSON of unchanged diagnostics.
    public static func handle(_ params: Params, _ context: ServerContext) throws -> PreEncodedJSON {
        let document = try context.document(params.textDocument.uri)
        let resultId = document.resultID
        if params.previousResultId == resultId {
            return try PreEncodedJSON(encoding: Report(kind: "unchanged", resultId: resultId, items: nil))
        }
        return PreEncodedJSON.object([
            ("kind", try PreEncodedJSON(encoding: "full")),
            ("resultId", try PreEncodedJSON(encoding: resultId)),
            ("items", document.encodedLSPDiagnostics(context.encoding).json),
        ])
    }
}
