import ForumMarkup

/// `codeAction/resolve`: fills in the `edit` of "Clean up document" and "Fix all <code> problems"
/// for clients that resolve edits lazily. The action's `data` names the document and the version it
/// was offered for; an action for an older version is answered `-32801` (content modified), an
/// action without forumls `data` is returned unchanged.
public enum CodeActionResolveRequest: RequestMethod {
    public static let method = "codeAction/resolve"

    /// The action as the client sends it back; the parts the server does not read are echoed.
    public struct Params: Codable, Sendable {
        public var title: String
        public var kind: String?
        public var diagnostics: [JSONValue]?
        public var isPreferred: Bool?
        public var edit: WorkspaceEdit?
        public var data: JSONValue?
    }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> Params {
        guard params.edit == nil, let data = ActionData(params.data) else { return params }
        let document = try context.document(data.uri)
        if data.version >= 0 && data.version != document.version {
            throw ResponseError(code: -32801, message: "\(data.uri) changed since the action was offered")
        }
        var resolved = params
        resolved.edit = data.edit(document.analysis, context.converter(document))
        return resolved
    }
}
