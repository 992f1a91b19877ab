/// `$/cancelRequest`: applied by the reader on arrival (see `LanguageServer`): a request still in
/// the queue is answered `-32800` and never runs. A request already running, answered or unknown
/// is left alone. This entry only gives the params their type.
public enum CancelRequest: NotificationMethod {
    public static let method = "$/cancelRequest"
    public static func handle(_ params: CancelParams, _ context: ServerContext) {}
}

/// `$/cancelRequest` params.
public struct CancelParams: Codable, Sendable {
    public var id: RequestID
}
