#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Any encodable value, boxed so that results of different types share one response type.
struct AnyEncodable: Encodable {
    let value: any Encodable
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

/// The JSON `null`, as a result (`shutdown`) or params.
public struct JSONNull: Codable, Hashable, Sendable {
    public init() {}
    public init(from decoder: any Decoder) throws {}
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encodeNil()
    }
}

/// A response: `{"jsonrpc":"2.0","id":…,"result":…}` or `{…,"error":{code,message}}`.
struct ResponseMessage: Encodable {
    let id: RequestID?
    let result: AnyEncodable?
    let error: ResponseError?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MessageKey.self)
        try container.encode("2.0", forKey: .jsonrpc)
        if let id { try container.encode(id, forKey: .id) } else { try container.encodeNil(forKey: .id) }
        if let error {
            try container.encode(error, forKey: .error)
        } else if let result {
            try container.encode(result, forKey: .result)
        } else {
            try container.encodeNil(forKey: .result)
        }
    }
}

/// A request from the server: `{"jsonrpc":"2.0","id":…,"method":…,"params":…}`.
struct RequestMessage<Params: Encodable>: Encodable {
    let id: String
    let method: String
    let params: Params

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MessageKey.self)
        try container.encode("2.0", forKey: .jsonrpc)
        try container.encode(id, forKey: .id)
        try container.encode(method, forKey: .method)
        try container.encode(params, forKey: .params)
    }
}

/// A notification from the server: `{"jsonrpc":"2.0","method":…,"params":…}`.
struct NotificationMessage<Params: Encodable>: Encodable {
    let method: String
    let params: Params

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MessageKey.self)
        try container.encode("2.0", forKey: .jsonrpc)
        try container.encode(method, forKey: .method)
        try container.encode(params, forKey: .params)
    }
}

/// Encodes outgoing messages to body bytes (framing is `FrameWriter`'s job).
public struct MessageEncoder {
    private let encoder: JSONEncoder

    public init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
    }

    /// The body of a successful response.
    public func response(id: RequestID, result: any Encodable) -> [UInt8] {
        if let raw = result as? PreEncodedJSON {
            return splice(("id", (try? Array(encoder.encode(id))) ?? Array("null".utf8)), ("result", raw.bytes))
        }
        do {
            return Array(try encoder.encode(ResponseMessage(id: id, result: AnyEncodable(value: result), error: nil)))
        } catch {
            return self.response(id: id, error: .internalError("could not encode the result: \(error)"))
        }
    }

    /// The body of an error response; `id` nil gives `"id": null`.
    public func response(id: RequestID?, error: ResponseError) -> [UInt8] {
        // Encoding a response that holds only strings and numbers cannot fail.
        (try? Array(encoder.encode(ResponseMessage(id: id, result: nil, error: error)))) ?? []
    }

    /// The body of a request from the server (`id` is a string).
    public func request<P: Encodable>(id: String, method: String, params: P) -> [UInt8] {
        (try? Array(encoder.encode(RequestMessage(id: id, method: method, params: params)))) ?? []
    }

    /// The body of a notification.
    public func notification<P: Encodable>(_ method: String, _ params: P) -> [UInt8] {
        if let raw = params as? PreEncodedJSON {
            let name = (try? Array(encoder.encode(method))) ?? Array("\"\"".utf8)
            return splice(("method", name), ("params", raw.bytes))
        }
        return (try? Array(encoder.encode(NotificationMessage(method: method, params: params)))) ?? []
    }

    /// `{"jsonrpc":"2.0","<a>":<fragment>,"<b>":<fragment>}` from encoded fragments.
    private func splice(_ first: (String, [UInt8]), _ second: (String, [UInt8])) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(second.1.count + first.1.count + 48)
        out.append(contentsOf: "{\"jsonrpc\":\"2.0\",\"".utf8)
        out.append(contentsOf: first.0.utf8)
        out.append(contentsOf: "\":".utf8)
        out.append(contentsOf: first.1)
        out.append(contentsOf: ",\"".utf8)
        out.append(contentsOf: second.0.utf8)
        out.append(contentsOf: "\":".utf8)
        out.append(contentsOf: second.1)
        out.append(UInt8(ascii: "}"))
        return out
    }
}
