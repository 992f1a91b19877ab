/// The LSP base protocol's framing: a header block (`Content-Length: N`, optionally `Content-Type`,
/// each line ended by CRLF, the block ended by an empty line) followed by exactly N bytes of body.
///
/// The reader works on raw bytes and never assumes that one read holds one message: bytes may
/// arrive one at a time or several messages at once. It never throws and never stops: a malformed
/// header is reported as `.malformed` and the reader resynchronises at the next `Content-Length`.
public struct FrameReader: Sendable {
    /// What the reader found in the bytes it was given.
    public enum Event: Equatable, Sendable {
        /// One complete message body (the bytes after the header, exactly `Content-Length` of them).
        case message([UInt8])
        /// Bytes that are not a valid header were skipped; the string says why.
        case malformed(String)
    }

    /// Bodies larger than this are refused (the header is reported as malformed): 1 GiB.
    public static let maximumBodyLength = 1 << 30
    /// A header block longer than this without its terminating empty line is treated as garbage.
    static let maximumHeaderLength = 8192

    private var buffer: [UInt8] = []
    /// Index of the first unconsumed byte in `buffer`.
    private var start = 0
    /// Once a header is parsed, the body length still awaited and where the body starts.
    private var pendingBody: (bodyStart: Int, length: Int)?
    /// How far the pending body has been scanned for a smuggled header (see `next()`): no header
    /// starts before this offset.
    private var scannedBodyUpTo = 0

    public init() {}

    /// The number of bytes buffered and not yet returned.
    public var bufferedCount: Int { buffer.count - start }

    /// Adds bytes read from the transport.
    public mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            if let pending = pendingBody {
                pendingBody = (pending.bodyStart - start, pending.length)
                scannedBodyUpTo -= start
            }
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete event, or nil when more bytes are needed.
    public mutating func next() -> Event? {
        while true {
            if let pending = pendingBody {
                // A Content-Length that is too long would swallow the next message (or wait forever).
                // A raw "Content-Length: N\r\n" cannot occur in JSON (a raw CR LF cannot occur inside
                // a string, a header line cannot occur outside one), so one that starts inside the
                // awaited body means the length was wrong: cut the body there. The answer depends only
                // on the bytes, never on how they were split into reads: a possible header that the
                // bytes so far leave undecided is waited for, even when the body looks complete.
                let end = pending.bodyStart + pending.length
                let header = smuggledHeader(from: max(scannedBodyUpTo, pending.bodyStart), before: end)
                switch header {
                case .found(let cut):
                    let body = Array(buffer[pending.bodyStart..<cut])
                    start = cut
                    pendingBody = nil
                    return .message(body)
                case .undecided(let at):
                    scannedBodyUpTo = at
                    return nil
                case .none(let scanned):
                    guard buffer.count >= end else {
                        scannedBodyUpTo = scanned
                        return nil
                    }
                    let body = Array(buffer[pending.bodyStart..<end])
                    start = end
                    pendingBody = nil
                    return .message(body)
                }
            }
            if start >= buffer.count { return nil }
            // Skip blank lines between messages (some clients send a trailing CRLF).
            while start < buffer.count && (buffer[start] == 0x0D || buffer[start] == 0x0A) { start += 1 }
            if start >= buffer.count { return nil }
            guard let (headerEnd, bodyStart) = findHeaderEnd() else {
                if buffer.count - start > FrameReader.maximumHeaderLength {
                    return skipGarbage(reason: "no header terminator within \(FrameReader.maximumHeaderLength) bytes")
                }
                return nil
            }
            switch parseHeader(start, headerEnd) {
            case .success(let length):
                pendingBody = (bodyStart, length)
                scannedBodyUpTo = bodyStart
                start = bodyStart
            case .failure(let reason):
                return skipGarbage(reason: reason, headerEnd: bodyStart)
            }
        }
    }

    // MARK: Header parsing

    private enum HeaderResult { case success(Int), failure(String) }

    /// Finds the empty line ending the header block starting at `start`: returns the index where the
    /// terminator starts and the index just after it. Accepts CRLF CRLF and, leniently, LF LF.
    private func findHeaderEnd() -> (Int, Int)? {
        var i = start
        let n = buffer.count
        let limit = min(n, start + FrameReader.maximumHeaderLength + 4)
        while i < limit {
            if buffer[i] == 0x0A {
                if i + 1 < n && buffer[i + 1] == 0x0A { return (i, i + 2) }
                if i + 2 < n && buffer[i + 1] == 0x0D && buffer[i + 2] == 0x0A { return (i, i + 3) }
            }
            i += 1
        }
        return nil
    }

    private func parseHeader(_ from: Int, _ to: Int) -> HeaderResult {
        var length: Int?
        var lineStart = from
        while lineStart < to {
            var lineEnd = lineStart
            while lineEnd < to && buffer[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart && buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if contentEnd > lineStart {
                guard let colon = (lineStart..<contentEnd).first(where: { buffer[$0] == UInt8(ascii: ":") }) else {
                    return .failure("header line without a colon")
                }
                let name = buffer[lineStart..<colon]
                guard !name.isEmpty, name.allSatisfy(FrameReader.isTokenByte) else {
                    return .failure("invalid header name")
                }
                if FrameReader.equalsIgnoringCase(name, "content-length") {
                    var value = 0
                    var digits = 0
                    var i = colon + 1
                    while i < contentEnd && (buffer[i] == 0x20 || buffer[i] == 0x09) { i += 1 }
                    while i < contentEnd && buffer[i] >= 0x30 && buffer[i] <= 0x39 {
                        value = value &* 10 &+ Int(buffer[i] - 0x30)
                        digits += 1
                        i += 1
                    }
                    while i < contentEnd && (buffer[i] == 0x20 || buffer[i] == 0x09) { i += 1 }
                    guard digits > 0, digits <= 10, i == contentEnd else { return .failure("invalid Content-Length value") }
                    guard value <= FrameReader.maximumBodyLength else { return .failure("Content-Length too large") }
                    length = value
                }
                // Content-Type and any other well-formed header are accepted and ignored.
            }
            lineStart = lineEnd + 1
        }
        guard let length else { return .failure("header without Content-Length") }
        return .success(length)
    }

    /// Drops bytes up to the next `Content-Length` (case-insensitive) after `start`, or up to
    /// `headerEnd` (or nearly all the buffer) when there is none, and reports why.
    private mutating func skipGarbage(reason: String, headerEnd: Int? = nil) -> Event {
        if let next = find("content-length", from: start + 1) {
            start = next
        } else if let headerEnd {
            start = headerEnd
        } else {
            // Keep a tail that could be the beginning of a split "Content-Length".
            start = max(start + 1, buffer.count - 16)
        }
        return .malformed(reason)
    }

    /// The index of the next case-insensitive occurrence of `needle` (ASCII, lower case) at or after `from`.
    private func find(_ needle: StaticString, from: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        let pointer = needle.utf8Start
        guard count > 0, buffer.count - from >= count else { return nil }
        let first = pointer[0]
        var i = from
        let last = buffer.count - count
        while i <= last {
            if FrameReader.lowered(buffer[i]) == first {
                var k = 1
                while k < count && FrameReader.lowered(buffer[i + k]) == pointer[k] { k += 1 }
                if k == count { return i }
            }
            i += 1
        }
        return nil
    }

    /// The outcome of looking for a header inside a pending body.
    private enum Smuggled {
        /// A header starts at this offset.
        case found(Int)
        /// The bytes so far end inside what may be a header starting at this offset.
        case undecided(Int)
        /// No header starts before this offset (where the next scan may resume).
        case none(Int)
    }

    /// The first header that cannot belong to the pending body, starting at or after `from` and before
    /// `before`: `Content-Length:` (any case), at most 16 spaces, 1-10 digits and a raw CR LF.
    private func smuggledHeader(from: Int, before: Int) -> Smuggled {
        let needle: StaticString = "content-length:"
        let pointer = needle.utf8Start
        let count = needle.utf8CodeUnitCount
        let limit = min(before, buffer.count)
        return buffer.withUnsafeBufferPointer { b in
            let n = b.count
            var i = from
            while i < limit {
                defer { i += 1 }
                guard FrameReader.lowered(b[i]) == pointer[0] else { continue }
                var k = 1
                while k < count, i + k < n, FrameReader.lowered(b[i + k]) == pointer[k] { k += 1 }
                if i + k == n { return .undecided(i) }
                if k < count { continue }
                var j = i + count
                var spaces = 0
                while j < n, b[j] == 0x20, spaces < 16 { j += 1; spaces += 1 }
                var digits = 0
                while j < n, b[j] >= 0x30 && b[j] <= 0x39, digits < 10 { j += 1; digits += 1 }
                if j == n || (j + 1 == n && b[j] == 0x0D && digits > 0) { return .undecided(i) }
                if digits > 0, b[j] == 0x0D, b[j + 1] == 0x0A { return .found(i) }
            }
            return .none(max(from, limit))
        }
    }

    /// ASCII lower-casing of one byte (other bytes unchanged).
    @inline(__always)
    static func lowered(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    @inline(__always)
    static func isTokenByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x2D || b == 0x5F
    }

    static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ lower: String) -> Bool {
        bytes.count == lower.utf8.count && zip(bytes, lower.utf8).allSatisfy { lowered($0) == $1 }
    }
}

/// Writes the LSP base protocol's framing.
public enum FrameWriter {
    /// The header and body of one message as a single byte array (written with one `write`).
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        let header = "Content-Length: \(body.count)\r\n\r\n"
        out.reserveCapacity(header.utf8.count + body.count)
        out.append(contentsOf: header.utf8)
        out.append(contentsOf: body)
        return out
    }
}
