import ForumMarkup

/// What the client said it can do, kept as raw JSON and read through accessors, so that a new
/// method can read its own client capability without a change here.
public struct ClientCapabilities: Sendable {
    /// The `capabilities` object of `initialize` (`.object([:])` when absent).
    public let raw: JSONValue

    public init(_ raw: JSONValue = .object([:])) { self.raw = raw }

    /// The value at a path of keys, e.g. `client.value("textDocument", "diagnostic")`.
    public func value(_ path: String...) -> JSONValue? {
        var current: JSONValue? = raw
        for key in path { current = current?[key] }
        return current
    }

    /// `general.positionEncodings`, in the client's order of preference; empty when absent.
    public var positionEncodings: [String] {
        value("general", "positionEncodings")?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// True when the client can pull diagnostics (`textDocument.diagnostic` is present).
    public var supportsPullDiagnostics: Bool {
        if case .object = value("textDocument", "diagnostic") { return true }
        return false
    }

    /// The encoding the server uses: `utf-8` when offered, else `utf-16` when offered or when the
    /// client offers nothing (the LSP default), else `utf-32` when that is all that is offered.
    public var negotiatedEncoding: PositionEncoding {
        let offered = positionEncodings
        if offered.isEmpty { return .utf16 }
        if offered.contains("utf-8") { return .utf8 }
        if offered.contains("utf-16") { return .utf16 }
        if offered.contains("utf-32") { return .utf32 }
        return .utf16
    }
}

/// The server's `capabilities`, assembled from the method registry: each method declares its own
/// entry, so adding a method never means editing this type. Keys keep their declaration order.
public struct ServerCapabilities: Encodable, Sendable {
    private var keys: [String] = []
    private var values: [String: any Encodable & Sendable] = [:]

    public init() {}

    /// Sets capability `key` (e.g. `"documentSymbolProvider"`) to `value`; a later call replaces it.
    public mutating func set(_ key: String, _ value: any Encodable & Sendable) {
        if values[key] == nil { keys.append(key) }
        values[key] = value
    }

    /// The value set for `key`, if any.
    public func value(_ key: String) -> (any Encodable & Sendable)? { values[key] }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        for key in keys {
            try container.encode(AnyEncodable(value: values[key]!), forKey: AnyKey(key))
        }
    }
}
