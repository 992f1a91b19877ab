// A tiny JSON scanner that reads just what the bench checks in a `publishDiagnostics` notification
// (method, uri, version, number of diagnostics) at byte-loop speed: decoding the whole message with
// JSONDecoder costs about 100 ms per MB of JSON here, far more than the server's own work.

/// The fields of a message the bench checks, read without decoding the rest.
struct JSONPeek: Equatable {
    /// The top-level `method`, if any.
    var method: String?
    /// `params.uri`, if present and a string.
    var uri: String?
    /// `params.version`, if present and an integer.
    var version: Int?
    /// The number of elements of `params.diagnostics`, if present and an array.
    var diagnosticsCount: Int?

    /// Scans `body` (one JSON object); nil when it is not well-formed where the scanner looks.
    /// Nesting is tracked with counters, not recursion, so deep input cannot exhaust the stack.
    static func scan(_ body: [UInt8]) -> JSONPeek? {
        var scanner = Scanner(bytes: body)
        var result = JSONPeek()
        let ok = scanner.object { key, s in
            switch key {
            case "method": result.method = s.string()
            case "params" where s.peek() == UInt8(ascii: "{"):
                return s.object { key, s in
                    switch key {
                    case "uri": result.uri = s.string()
                    case "version" where s.peek() != UInt8(ascii: "n"): result.version = s.integer()
                    case "diagnostics" where s.peek() == UInt8(ascii: "["): result.diagnosticsCount = s.countArray()
                    default: return s.skipValue()
                    }
                    return true
                }
            default: return s.skipValue()
            }
            return true
        }
        return ok ? result : nil
    }

    /// A cursor over JSON bytes.
    struct Scanner {
        let bytes: [UInt8]
        var i = 0
        /// Whether the last read failed.
        var failed = false

        init(bytes: [UInt8]) { self.bytes = bytes }

        /// The next byte that is not white space (nil at the end); does not consume it.
        mutating func peek() -> UInt8? {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
            return i < bytes.count ? bytes[i] : nil
        }

        /// Consumes `byte` after white space; false when something else is there.
        mutating func expect(_ byte: UInt8) -> Bool {
            guard peek() == byte else { return false }
            i += 1
            return true
        }

        /// Walks an object, calling `member` with each key and the scanner placed on its value; the
        /// callback must consume the value and return false on failure.
        mutating func object(_ member: (String, inout Scanner) -> Bool) -> Bool {
            guard expect(UInt8(ascii: "{")) else { return false }
            if expect(UInt8(ascii: "}")) { return true }
            while true {
                guard let key = string(), expect(UInt8(ascii: ":")), member(key, &self), !failed else { return false }
                if expect(UInt8(ascii: ",")) { continue }
                return expect(UInt8(ascii: "}"))
            }
        }

        /// Reads a string literal, unescaping it; nil when there is none.
        mutating func string() -> String? {
            guard expect(UInt8(ascii: "\"")) else { failed = true; return nil }
            var out: [UInt8] = []
            var pendingHigh: UInt32?
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                guard b == UInt8(ascii: "\\") else { out.append(b); continue }
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard i + 4 <= bytes.count, let unit = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else {
                        failed = true
                        return nil
                    }
                    i += 4
                    var scalar: Unicode.Scalar?
                    if (0xD800..<0xDC00).contains(unit) { pendingHigh = unit; continue }
                    if (0xDC00..<0xE000).contains(unit), let high = pendingHigh {
                        scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))
                    } else {
                        scalar = Unicode.Scalar(unit)
                    }
                    pendingHigh = nil
                    out.append(contentsOf: Array(String(scalar ?? "\u{FFFD}").utf8))
                default: out.append(e)  // \" \\ \/
                }
            }
            failed = true
            return nil
        }

        /// Skips the string literal at the cursor without decoding it; false when it does not end.
        mutating func skipString() -> Bool {
            guard expect(UInt8(ascii: "\"")) else { return false }
            while i < bytes.count {
                let b = bytes[i]
                i += b == UInt8(ascii: "\\") ? 2 : 1
                if b == UInt8(ascii: "\"") { return true }
            }
            return false
        }

        /// Reads an integer; nil (and failed) when the value is not one.
        mutating func integer() -> Int? {
            _ = peek()
            let start = i
            while i < bytes.count, bytes[i] == UInt8(ascii: "-") || (0x30...0x39).contains(bytes[i]) { i += 1 }
            guard let n = Int(String(decoding: bytes[start..<i], as: UTF8.self)) else { failed = true; return nil }
            return n
        }

        /// Counts the elements of the array at the cursor and consumes it.
        mutating func countArray() -> Int? {
            guard expect(UInt8(ascii: "[")) else { return nil }
            if expect(UInt8(ascii: "]")) { return 0 }
            var count = 0
            while true {
                guard skipValue() else { return nil }
                count += 1
                if expect(UInt8(ascii: ",")) { continue }
                return expect(UInt8(ascii: "]")) ? count : nil
            }
        }

        /// Skips one value of any kind (nested containers by counting brackets); false on bad input.
        mutating func skipValue() -> Bool {
            guard let first = peek() else { return false }
            if first == UInt8(ascii: "\"") { return skipString() }
            guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
                // A number, true, false or null: up to the next delimiter.
                let start = i
                while i < bytes.count, !(bytes[i] == UInt8(ascii: ",") || bytes[i] == UInt8(ascii: "}")
                    || bytes[i] == UInt8(ascii: "]") || bytes[i] <= 0x20) { i += 1 }
                return i > start
            }
            var depth = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    guard skipString() else { return false }
                    continue
                }
                i += 1
                if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { depth += 1 }
                if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { return true }
                }
            }
            return false
        }
    }
}
