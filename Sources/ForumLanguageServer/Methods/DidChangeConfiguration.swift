/// `workspace/didChangeConfiguration`: takes the `forumls` section from `settings` when the client
/// pushes it; otherwise (VS Code sends `null` for pull clients) asks again through
/// `workspace/configuration`. Open documents are re-analysed under the new options.
public enum DidChangeConfiguration: NotificationMethod {
    public static let method = "workspace/didChangeConfiguration"

    public struct Params: Decodable, Sendable {
        public var settings: JSONValue?
    }

    public static func handle(_ params: Params, _ context: ServerContext) {
        if case .object(let object) = params.settings, let section = object["forumls"] {
            context.clientSettings = section == .null ? nil : section
            context.applyConfiguration()
        } else {
            context.pullClientSettings()
        }
    }
}
