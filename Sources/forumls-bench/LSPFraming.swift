// The client side of the LSP base protocol for the bench: Content-Length frames and the little JSON
// the bench writes. Deliberately independent of ForumLanguageServer's reader, so the bench measures
// the server with a separate implementation of the wire format.

/// Splits bytes read from the server into message bodies (`Content-Length: N`, CRLF lines, an empty
/// line, then N bytes). Bytes may arrive in any pieces; a bad header is an error (the server must
/// never write one).
struct FrameBuffer {
    /// A header the bench cannot read.
    struct BadHeader: Error, CustomStringConvertible {
        /// The header text, as far as it is printable.
        var header: String
        var description: String { "bad LSP header from the server: \(header)" }
    }

    private var buffer: [UInt8] = []
    /// Index of the first byte not yet returned.
    private var start = 0
    /// Once a header is read: where its body starts and how many bytes it has.
    private var pending: (bodyStart: Int, length: Int)?

    /// Bytes buffered and not yet returned as a body.
    var bufferedCount: Int { buffer.count - start }

    /// The body bytes still missing for the message being read (0 when no header is pending).
    var missingBodyBytes: Int {
        guard let pending else { return 0 }
        return max(0, pending.bodyStart + pending.length - buffer.count)
    }

    /// Adds bytes read from the pipe.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            if let p = pending { pending = (p.bodyStart - start, p.length) }
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete body, or nil when more bytes are needed.
    mutating func next() throws -> [UInt8]? {
        if pending == nil {
            guard let headerEnd = findHeaderEnd() else { return nil }
            let header = buffer[start..<headerEnd]
            guard let length = FrameBuffer.contentLength(header) else {
                throw BadHeader(header: String(decoding: header, as: UTF8.self))
            }
            pending = (headerEnd + 4, length)
            if buffer.capacity < headerEnd + 4 + length { buffer.reserveCapacity(headerEnd + 4 + length) }
        }
        guard let p = pending, buffer.count - p.bodyStart >= p.length else { return nil }
        let body = Array(buffer[p.bodyStart..<(p.bodyStart + p.length)])
        start = p.bodyStart + p.length
        pending = nil
        return body
    }

    /// The index of the CR LF CR LF that ends the header starting at `start`, if buffered.
    private func findHeaderEnd() -> Int? {
        var i = start
        while i + 3 < buffer.count {
            if buffer[i] == 0x0D && buffer[i + 1] == 0x0A && buffer[i + 2] == 0x0D && buffer[i + 3] == 0x0A { return i }
            i += 1
        }
        return nil
    }

    /// The value of the `Content-Length` line of `header` (field name case-insensitive), if valid.
    static func contentLength(_ header: ArraySlice<UInt8>) -> Int? {
        for line in header.split(separator: 0x0A) {
            let text = String(decoding: line, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else { continue }
            let name = text[..<colon].trimmingSpaces.lowercased()
            if name == "content-length" {
                return Int(text[text.index(after: colon)...].trimmingSpaces).flatMap { $0 >= 0 ? $0 : nil }
            }
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and CR.
    var trimmingSpaces: Substring {
        let s = Substring(self)
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = s.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = s.lastIndex(where: { !isSpace($0) })!
        return s[first...last]
    }
}

/// Builders for the JSON the bench sends: a byte-level string escaper, so the 100 MB `didOpen` is
/// encoded in well under a second and outside every timer.
enum JSONText {
    /// `text` as a JSON string literal (quotes, backslashes and control characters escaped; the rest
    /// is copied as UTF-8).
    static func string(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal to `bytes`.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(0x22)
        for b in text.utf8 {
            switch b {
            case 0x22, 0x5C:
                bytes.append(0x5C)
                bytes.append(b)
            case 0x0A, 0x0D, 0x09:
                bytes.append(0x5C)
                bytes.append(b == 0x0A ? 0x6E : b == 0x0D ? 0x72 : 0x74)
            case 0..<0x20:
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }

    /// The framed bytes of a message with the JSON `body`: `Content-Length: N` CR LF CR LF, then the body.
    static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

/// The value at nearest rank `p` percent of `values`: the smallest value with at least p % of all
/// values at or below it (rank ceil(p / 100 * n), 1-based). Nil for no values; p is clamped to 0...100.
func nearestRankPercentile(_ values: [Double], _ p: Double) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let rank = Int((min(max(p, 0), 100) / 100 * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
}
