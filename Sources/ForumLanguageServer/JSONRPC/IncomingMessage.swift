#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The keys of a JSON-RPC message object.
public enum MessageKey: String, CodingKey {
    case jsonrpc, id, method, params, result, error
}

/// One decoded JSON-RPC message from the client.
///
/// The body is decoded once: the envelope reads `method`, looks the method up in
/// `MethodRegistry`, and decodes `params` straight into that method's `Params` type. A body that
/// is JSON but not a valid message becomes `.invalid`, never an error.
public struct IncomingMessage: Decodable, Sendable {
    /// The outcome of decoding `params` for a known method.
    public enum Params: Sendable {
        /// The params, as the method's `Params` type.
        case decoded(any Sendable)
        /// The params do not fit the method's type; the string says where.
        case invalid(String)
    }

    /// What the message is.
    public enum Kind: Sendable {
        /// A request for a method in the registry (`params` may still be invalid).
        case request(RequestID, MethodEntry, Params)
        /// A request for a method the server does not know.
        case unknownRequest(RequestID, String)
        /// A notification for a method in the registry.
        case notification(MethodEntry, Params)
        /// A notification the server does not know (ignored; `$/` ones silently).
        case unknownNotification(String)
        /// A response to a request the server sent (the server sends none that need answers).
        case response(RequestID?)
        /// Valid JSON that is not a JSON-RPC message; the id when one could be read.
        case invalid(RequestID?, String)
    }

    public let kind: Kind
    /// For a `.response`: its `result` (nil for an error response or a null result).
    public private(set) var responseResult: JSONValue? = nil

    /// True for a known method whose params did not decode.
    var hasInvalidParams: Bool {
        switch kind {
        case .request(_, _, .invalid), .notification(_, .invalid): true
        default: false
        }
    }

    public init(kind: Kind) { self.kind = kind }

    public init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: MessageKey.self) else {
            kind = .invalid(nil, "the message is not a JSON object")
            return
        }
        var id: RequestID?
        var hasID = false
        if container.contains(.id) {
            hasID = true
            if (try? container.decodeNil(forKey: .id)) == true {
                id = nil
            } else if let decoded = try? container.decode(RequestID.self, forKey: .id) {
                id = decoded
            } else {
                kind = .invalid(nil, "id must be an integer or a string")
                return
            }
        }
        if let version = try? container.decodeIfPresent(String.self, forKey: .jsonrpc), version != "2.0" {
            kind = .invalid(id, "jsonrpc must be \"2.0\"")
            return
        }
        guard container.contains(.method) else {
            if hasID && (container.contains(.result) || container.contains(.error)) {
                kind = .response(id)
                responseResult = (try? container.decodeIfPresent(JSONValue.self, forKey: .result)) ?? nil
            } else {
                kind = .invalid(id, "the message has no method")
            }
            return
        }
        guard let method = try? container.decode(String.self, forKey: .method) else {
            kind = .invalid(id, "method must be a string")
            return
        }
        let entry = MethodRegistry.entry(for: method)
        if hasID {
            guard let id else {
                kind = .invalid(nil, "a request id must not be null")
                return
            }
            guard let entry, entry.isRequest else {
                kind = .unknownRequest(id, method)
                return
            }
            kind = .request(id, entry, IncomingMessage.decodeParams(entry, container))
        } else {
            guard let entry, !entry.isRequest else {
                kind = .unknownNotification(method)
                return
            }
            kind = .notification(entry, IncomingMessage.decodeParams(entry, container))
        }
    }

    private static func decodeParams(_ entry: MethodEntry, _ container: KeyedDecodingContainer<MessageKey>) -> Params {
        do {
            return .decoded(try entry.decodeParams(container))
        } catch let error as DecodingError {
            return .invalid(IncomingMessage.describe(error))
        } catch {
            return .invalid("\(error)")
        }
    }

    /// The JSON name of what a Swift type decodes from (`object`, `array`, `string`, ...).
    static func jsonKind(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return "an object" }
        if name.hasPrefix("Array") || name.hasPrefix("UnkeyedDecodingContainer") { return "an array" }
        if name == "String" { return "a string" }
        if name == "Bool" { return "a boolean" }
        if name.hasPrefix("Int") || name.hasPrefix("UInt") { return "an integer" }
        if name == "Double" || name == "Float" { return "a number" }
        return name
    }

    /// A short description of a decoding error: where and what.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "message" : String(keys.dropFirst(keys.hasPrefix(".") ? 1 : 0))
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)): expected \(jsonKind(type))"
        case .valueNotFound(let type, let context): return "\(path(context)): missing \(type) value"
        case .keyNotFound(let key, let context):
            let base = path(context)
            return (base == "message" ? "" : base + ".") + "\(key.stringValue): required field is missing"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// Decodes message bodies: JSON that is not UTF-8 or holds unpaired surrogate escapes is repaired
/// (to U+FFFD) and decoded again rather than refused, since editors do send such text.
public struct MessageDecoder {
    private let decoder = JSONDecoder()

    public init() {}

    /// The decoded message, or the `-32700` error to send with `id: null` (also for what the JSON
    /// grammar forbids and `JSONDecoder` lets through, such as trailing commas: `JSONSyntax`).
    public func decode(_ body: [UInt8]) -> Result<IncomingMessage, ResponseError> {
        if let problem = JSONSyntax.violation(in: body) { return .failure(.parseError(problem)) }
        do {
            let message = try decoder.decode(IncomingMessage.self, from: Data(body))
            // Strings are decoded lazily, so bad text may surface only as invalid params.
            if message.hasInvalidParams {
                let repaired = MessageDecoder.repair(body)
                if repaired != body, let second = try? decoder.decode(IncomingMessage.self, from: Data(repaired)),
                   !second.hasInvalidParams {
                    return .success(second)
                }
            }
            return .success(message)
        } catch {
            let repaired = MessageDecoder.repair(body)
            if repaired != body, let message = try? decoder.decode(IncomingMessage.self, from: Data(repaired)) {
                return .success(message)
            }
            let reason: String
            if let error = error as? DecodingError { reason = IncomingMessage.describe(error) } else { reason = "\(error)" }
            return .failure(.parseError(reason))
        }
    }

    /// The body with invalid UTF-8 replaced by U+FFFD and every unpaired `\uD800`-`\uDFFF` escape
    /// replaced by `\uFFFD` (same length, so nothing else moves).
    static func repair(_ body: [UInt8]) -> [UInt8] {
        var bytes = Array(String(decoding: body, as: UTF8.self).utf8)
        func hexValue(_ at: Int) -> Int? {
            guard at + 6 <= bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else { return nil }
            var value = 0
            for k in 2..<6 {
                let c = bytes[at + k]
                let digit: Int
                switch c {
                case 0x30...0x39: digit = Int(c) - 0x30
                case 0x41...0x46: digit = Int(c) - 0x41 + 10
                case 0x61...0x66: digit = Int(c) - 0x61 + 10
                default: return nil
                }
                value = value * 16 + digit
            }
            return value
        }
        let replacement = Array("\\uFFFD".utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count else { i += 1; continue }
            if bytes[i + 1] != UInt8(ascii: "u") { i += 2; continue }
            guard let value = hexValue(i) else { i += 2; continue }
            if value >= 0xD800 && value <= 0xDBFF {
                if let low = hexValue(i + 6), low >= 0xDC00 && low <= 0xDFFF {
                    i += 12
                    continue
                }
                bytes.replaceSubrange(i..<i + 6, with: replacement)
            } else if value >= 0xDC00 && value <= 0xDFFF {
                bytes.replaceSubrange(i..<i + 6, with: replacement)
            }
            i += 6
        }
        return bytes
    }
}
