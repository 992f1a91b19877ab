#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A JSON value already encoded (by `JSONEncoder`), spliced into a message as is. Used where the
/// same fragments are sent again and again (the diagnostics of a document barely change between
/// versions), so that only what changed is encoded. Only valid as a whole `result` or `params`.
public struct PreEncodedJSON: Encodable, Sendable {
    /// The UTF-8 JSON text of one value.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Encodes `value` with a fresh `JSONEncoder` (no escaped slashes).
    public init<T: Encodable>(encoding value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        bytes = Array(try encoder.encode(value))
    }

    /// Never called: `MessageEncoder` splices the bytes before Codable sees the value.
    public func encode(to encoder: any Encoder) throws {
        throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath,
                                                     debugDescription: "PreEncodedJSON must be a whole result or params"))
    }

    /// A JSON array of the given element fragments.
    public static func array(_ elements: [[UInt8]]) -> PreEncodedJSON {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(elements.reduce(2) { $0 + $1.count + 1 })
        for (i, element) in elements.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: element)
        }
        out.append(UInt8(ascii: "]"))
        return PreEncodedJSON(bytes: out)
    }

    /// A JSON object whose members are given as (key, fragment) pairs, in order.
    public static func object(_ members: [(String, PreEncodedJSON)]) -> PreEncodedJSON {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (i, (key, value)) in members.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: (try? PreEncodedJSON(encoding: key).bytes) ?? Array("\"\"".utf8))
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: value.bytes)
        }
        out.append(UInt8(ascii: "}"))
        return PreEncodedJSON(bytes: out)
    }
}
