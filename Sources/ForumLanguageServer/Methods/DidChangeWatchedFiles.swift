/// `workspace/didChangeWatchedFiles`: re-reads `.forumls.json` when it was created, changed or
/// deleted (the server registers a watcher for it when the client allows dynamic registration).
public enum DidChangeWatchedFiles: NotificationMethod {
    public static let method = "workspace/didChangeWatchedFiles"

    public struct Params: Decodable, Sendable {
        public var changes: [FileEvent]
    }

    /// One file event: the URI and 1 created, 2 changed, 3 deleted.
    public struct FileEvent: Decodable, Sendable {
        public var uri: String
        public var type: Int
    }

    public static func handle(_ params: Params, _ context: ServerContext) {
        guard let config = context.configFileURI, params.changes.contains(where: { $0.uri == config }) else { return }
        context.reloadConfigurationFile()
    }
}
