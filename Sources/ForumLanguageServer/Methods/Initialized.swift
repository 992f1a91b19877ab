/// `initialized`: the client has the `initialize` result. Nothing to do.
public enum Initialized: NotificationMethod {
    public static let method = "initialized"
    public static func handle(_ params: NoParams, _ context: ServerContext) {}
}
