/// `exit`: ends the process, with code 0 after `shutdown` and 1 without. Accepted in every phase.
public enum Exit: NotificationMethod {
    public static let method = "exit"
    public static func handle(_ params: NoParams, _ context: ServerContext) {
        context.requestExit()
    }
}
