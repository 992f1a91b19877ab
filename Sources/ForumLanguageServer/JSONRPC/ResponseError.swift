/// A JSON-RPC error object: what a request handler throws and what the client receives as `error`.
public struct ResponseError: Error, Codable, Hashable, Sendable {
    /// One of the codes below (JSON-RPC's and LSP's reserved codes).
    public var code: Int
    /// A one-sentence description for the user's log.
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    /// -32700: the body was not JSON (or not UTF-8, or the header was unreadable).
    public static func parseError(_ message: String) -> ResponseError { ResponseError(code: -32700, message: "Parse error: \(message)") }
    /// -32600: the JSON is not a valid request object, or a request arrived after `shutdown`.
    public static func invalidRequest(_ message: String) -> ResponseError { ResponseError(code: -32600, message: "Invalid request: \(message)") }
    /// -32601: no such request method (including unknown `$/` requests).
    public static func methodNotFound(_ method: String) -> ResponseError { ResponseError(code: -32601, message: "Method not found: \(method)") }
    /// -32602: the params do not have the shape the method needs.
    public static func invalidParams(_ message: String) -> ResponseError { ResponseError(code: -32602, message: "Invalid params: \(message)") }
    /// -32603: the handler failed for a reason of its own.
    public static func internalError(_ message: String) -> ResponseError { ResponseError(code: -32603, message: "Internal error: \(message)") }
    /// -32002: a request other than `initialize` arrived before `initialize`.
    public static let serverNotInitialized = ResponseError(code: -32002, message: "Server not initialized")
    /// -32800: the client cancelled the request before it ran.
    public static let requestCancelled = ResponseError(code: -32800, message: "Request cancelled")
    /// -32801: the document changed under a queued request whose answer would be stale.
    public static let contentModified = ResponseError(code: -32801, message: "Content modified")
    /// -32803: the request was valid but could not be served (e.g. a document that is not open).
    public static func requestFailed(_ message: String) -> ResponseError { ResponseError(code: -32803, message: message) }
}
