/// A strict check of a message body against the JSON grammar (RFC 8259), run before decoding.
///
/// `JSONDecoder` accepts more than JSON (a trailing comma in an object or array, for one); JSON-RPC
/// 2.0 requires such a body to be answered with a `-32700` parse error and `"id": null`. The check is
/// one byte loop with an explicit stack (no recursion), so nesting depth costs memory, not stack.
/// Bytes of 0x80 and above inside strings are left to the decoder, which repairs invalid UTF-8.
public enum JSONSyntax {
    /// Why `body` is not exactly one JSON value (whitespace around it allowed, and a leading UTF-8
    /// byte-order mark), with the 0-based byte offset where it goes wrong; nil when it is valid.
    public static func violation(in body: [UInt8]) -> String? {
        body.withUnsafeBufferPointer { check($0) }
    }

    private enum Expect { case value, valueOrClose, keyOrClose, key, colon, commaOrClose, end }

    private static func check(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let n = b.count
        var i = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
        var stack: [UInt8] = [] // `{` or `[` per open container
        var expect = Expect.value
        func problem(_ what: String) -> String { "\(what) at byte \(i)" }
        while true {
            while i < n, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
            guard i < n else { break }
            let c = b[i]
            switch expect {
            case .value, .valueOrClose:
                if c == 0x5D, expect == .valueOrClose || stack.last == 0x5B {
                    if expect == .value { return problem("trailing comma in an array") }
                    stack.removeLast()
                    i += 1
                } else if c == 0x7B || c == 0x5B {
                    stack.append(c)
                    expect = c == 0x7B ? .keyOrClose : .valueOrClose
                    i += 1
                    continue
                } else if c == 0x22 {
                    guard let end = string(b, i) else { return problem("bad string") }
                    i = end
                } else if c == 0x2D || (c >= 0x30 && c <= 0x39) {
                    guard let end = number(b, i) else { return problem("bad number") }
                    i = end
                } else if let end = literal(b, i) {
                    i = end
                } else {
                    return problem("expected a value")
                }
                expect = stack.isEmpty ? .end : .commaOrClose
            case .keyOrClose, .key:
                if c == 0x7D {
                    if expect == .key { return problem("trailing comma in an object") }
                    stack.removeLast()
                    i += 1
                    expect = stack.isEmpty ? .end : .commaOrClose
                } else if c == 0x22 {
                    guard let end = string(b, i) else { return problem("bad string") }
                    i = end
                    expect = .colon
                } else {
                    return problem("expected a string key")
                }
            case .colon:
                guard c == 0x3A else { return problem("expected ':'") }
                i += 1
                expect = .value
            case .commaOrClose:
                if c == 0x2C {
                    expect = stack.last == 0x7B ? .key : .value
                } else if (c == 0x7D && stack.last == 0x7B) || (c == 0x5D && stack.last == 0x5B) {
                    stack.removeLast()
                    expect = stack.isEmpty ? .end : .commaOrClose
                } else {
                    return problem("expected ',' or a closing bracket")
                }
                i += 1
            case .end:
                return problem("text after the JSON value")
            }
        }
        return expect == .end ? nil : problem("unexpected end of JSON")
    }

    /// The offset after the string starting with the quote at `start`, or nil when it is malformed
    /// (unterminated, a bad escape, or a raw control character).
    private static func string(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        var i = start + 1
        while i < b.count {
            let c = b[i]
            if c == 0x22 { return i + 1 }
            if c < 0x20 { return nil }
            if c == 0x5C {
                guard i + 1 < b.count else { return nil }
                switch b[i + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: i += 2
                case 0x75:
                    guard i + 6 <= b.count else { return nil }
                    for k in (i + 2)..<(i + 6) where !isHex(b[k]) { return nil }
                    i += 6
                default: return nil
                }
                continue
            }
            i += 1
        }
        return nil
    }

    /// The offset after the number starting at `start` (`-`? int frac? exp?, no leading zeros), or nil.
    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        var i = start
        func digits() -> Int {
            let from = i
            while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
            return i - from
        }
        if b[i] == 0x2D { i += 1 }
        guard i < b.count else { return nil }
        if b[i] == 0x30 {
            i += 1
            if i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { return nil } // leading zero
        } else if digits() == 0 {
            return nil
        }
        if i < b.count, b[i] == 0x2E {
            i += 1
            if digits() == 0 { return nil }
        }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            if digits() == 0 { return nil }
        }
        return i
    }

    /// The offset after `true`, `false` or `null` at `start`, or nil.
    private static func literal(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        for word in literals where start + word.count <= b.count {
            var k = 0
            while k < word.count, b[start + k] == word[k] { k += 1 }
            if k == word.count { return start + k }
        }
        return nil
    }

    private static let literals: [[UInt8]] = [Array("true".utf8), Array("false".utf8), Array("null".utf8)]

    private static func isHex(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }
}
