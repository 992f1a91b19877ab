/// `initialized`: the client has the `initialize` result. Loads the configuration (`.forumls.json`,
/// then the client's `forumls` settings through `workspace/configuration`; see `Configuration.swift`).
public enum Initialized: NotificationMethod {
    public static let method = "initialized"
    public static func handle(_ params: NoParams, _ context: ServerContext) {
        context.startConfiguration()
    }
}
