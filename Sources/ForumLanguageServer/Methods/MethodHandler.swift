/// An LSP request the server answers. Each lives in its own file in `Methods/` and is listed once
/// in `MethodRegistry.all`; that is all a new request takes.
///
/// `handle` runs on the worker thread, in arrival order, with the state of every earlier message
/// applied. It returns the result or throws a `ResponseError` (any other error is answered
/// `-32603`). Every request gets exactly one response; the dispatcher guarantees it.
public protocol RequestMethod: SendableMetatype {
    /// The params, decoded straight from the message body; a mismatch is answered `-32602`.
    associatedtype Params: Decodable & Sendable & SendableMetatype
    /// The result, encoded as the response's `result`.
    associatedtype Result: Encodable & SendableMetatype
    /// The method name, e.g. `"textDocument/documentSymbol"`.
    static var method: String { get }
    /// Adds this method's entry to the `initialize` result (default: none).
    static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities)
    /// True when an answer computed for an older version is useless: a queued request of this method
    /// is answered `-32801` (content modified) when a `didChange` for its document arrives (default false).
    static var isStaleAfterEdit: Bool { get }
    /// Computes the result.
    static func handle(_ params: Params, _ context: ServerContext) throws -> Result
}

extension RequestMethod {
    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {}
    public static var isStaleAfterEdit: Bool { false }
}

/// An LSP notification the server acts on. Same rules as `RequestMethod`, without a response.
/// A notification whose params do not decode is logged and dropped.
public protocol NotificationMethod: SendableMetatype {
    associatedtype Params: Decodable & Sendable & SendableMetatype
    static var method: String { get }
    static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities)
    static func handle(_ params: Params, _ context: ServerContext)
}

extension NotificationMethod {
    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {}
}

/// Params that concern one document; lets the dispatcher find queued requests an edit makes stale.
public protocol DocumentScopedParams {
    /// The URI of the document the message is about.
    var documentURI: String { get }
}

/// A registry line: a method with its types erased, so that the dispatcher needs no switch.
public struct MethodEntry: Sendable {
    /// The method name.
    public let method: String
    /// True for requests, false for notifications.
    public let isRequest: Bool
    /// See `RequestMethod.isStaleAfterEdit`.
    public let isStaleAfterEdit: Bool
    let decodeParams: @Sendable (KeyedDecodingContainer<MessageKey>) throws -> any Sendable
    let run: @Sendable (any Sendable, ServerContext) throws -> (any Encodable)?
    let declare: @Sendable (inout ServerCapabilities, ClientCapabilities) -> Void

    /// The registry line for a request.
    public static func request<M: RequestMethod>(_ type: M.Type) -> MethodEntry {
        MethodEntry(method: M.method, isRequest: true, isStaleAfterEdit: M.isStaleAfterEdit,
                    decodeParams: { try decode(M.Params.self, $0) },
                    run: { params, context in try M.handle(params as! M.Params, context) },
                    declare: { M.declare(&$0, client: $1) })
    }

    /// The registry line for a notification.
    public static func notification<M: NotificationMethod>(_ type: M.Type) -> MethodEntry {
        MethodEntry(method: M.method, isRequest: false, isStaleAfterEdit: false,
                    decodeParams: { try decode(M.Params.self, $0) },
                    run: { params, context in M.handle(params as! M.Params, context); return nil },
                    declare: { M.declare(&$0, client: $1) })
    }

    /// The URI of the document the params concern, if they are `DocumentScopedParams`.
    func documentURI(_ params: any Sendable) -> String? { (params as? DocumentScopedParams)?.documentURI }

    private static func decode<P: Decodable>(_ type: P.Type, _ container: KeyedDecodingContainer<MessageKey>) throws -> P {
        let absent = !container.contains(.params) || ((try? container.decodeNil(forKey: .params)) ?? false)
        if absent {
            if let empty = P.self as? EmptyParams.Type { return empty.init() as! P }
            throw DecodingError.keyNotFound(MessageKey.params, .init(codingPath: [], debugDescription: "params are required"))
        }
        return try container.decode(P.self, forKey: .params)
    }
}
