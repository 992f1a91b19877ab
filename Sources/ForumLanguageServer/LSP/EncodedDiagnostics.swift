import ForumMarkup

/// The JSON of the diagnostics last published for one document, kept so that the next publish
/// re-sends the unchanged ones without converting or encoding them again.
///
/// A scraped 1 MB page has about 9,000 diagnostics (2.8 MB of JSON); a keystroke changes a few. All
/// of it lives in flat arrays of bytes and integers (no per-diagnostic objects to copy or count): the
/// diagnostics' JSON objects back to back, each followed by a comma, with their line numbers cut out
/// (`holes`), since an edit that adds or removes lines moves every later diagnostic's lines but not
/// its columns. `write` puts the current line numbers back in.
struct EncodedDiagnostics {
    /// Each diagnostic's JSON object and a comma, without the digits of its line numbers.
    private(set) var bytes: [UInt8] = []
    /// Where diagnostic `i`'s JSON starts in `bytes` (`count + 1` entries: the last is `bytes.count`).
    private var starts: [Int] = [0]
    /// Where diagnostic `i`'s line numbers start in `holeOffsets` and `lines` (`count + 1` entries).
    private var holeStarts: [Int] = [0]
    /// Where each line number goes in `bytes`, and its value.
    private var holeOffsets: [Int] = []
    private var lines: [Int] = []

    /// The number of diagnostics.
    var count: Int { starts.count - 1 }

    /// Diagnostics `range` replaced by `replacement` (encoded with `append`), and every line number after
    /// them moved by `lineDelta`.
    mutating func replace(_ range: Range<Int>, with replacement: EncodedDiagnostics, lineDelta: Int) {
        let byteRange = starts[range.lowerBound]..<starts[range.upperBound]
        let holeRange = holeStarts[range.lowerBound]..<holeStarts[range.upperBound]
        let byteDelta = replacement.bytes.count - byteRange.count
        let holeDelta = replacement.lines.count - holeRange.count
        let byteBase = byteRange.lowerBound, holeBase = holeRange.lowerBound
        bytes.replaceSubrange(byteRange, with: replacement.bytes)
        starts.replaceSubrange(range, with: replacement.starts.dropLast().lazy.map { $0 + byteBase })
        holeStarts.replaceSubrange(range, with: replacement.holeStarts.dropLast().lazy.map { $0 + holeBase })
        holeOffsets.replaceSubrange(holeRange, with: replacement.holeOffsets.lazy.map { $0 + byteBase })
        lines.replaceSubrange(holeRange, with: replacement.lines)
        let after = range.lowerBound + replacement.count
        if byteDelta != 0 {
            for i in after..<starts.count { starts[i] += byteDelta }
            for h in (holeBase + replacement.lines.count)..<holeOffsets.count { holeOffsets[h] += byteDelta }
        }
        if holeDelta != 0 {
            for i in after..<holeStarts.count { holeStarts[i] += holeDelta }
        }
        if lineDelta != 0 {
            for h in (holeBase + replacement.lines.count)..<lines.count { lines[h] += lineDelta }
        }
    }

    /// Appends one diagnostic of the document at `uri`, positions converted by `converter`. The members
    /// are those `LSPDiagnostic` encodes (tests decode this into `LSPDiagnostic` and compare).
    mutating func append(_ diagnostic: Diagnostic, uri: String, converter: PositionConverter) {
        bytes.append(contentsOf: #"{"range":"#.utf8)
        appendRange(converter.range(diagnostic.range))
        bytes.append(contentsOf: #","severity":"#.utf8)
        JSONBytes.appendInteger(diagnostic.severity.rawValue, to: &bytes)
        bytes.append(contentsOf: #","code":"#.utf8)
        JSONBytes.appendString(diagnostic.code, to: &bytes)
        bytes.append(contentsOf: #","source":"forumls","message":"#.utf8)
        JSONBytes.appendString(diagnostic.message, to: &bytes)
        if !diagnostic.tags.isEmpty {
            bytes.append(contentsOf: #","tags":["#.utf8)
            for (i, tag) in diagnostic.tags.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONBytes.appendInteger(tag.rawValue, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        if !diagnostic.related.isEmpty {
            bytes.append(contentsOf: #","relatedInformation":["#.utf8)
            for (i, related) in diagnostic.related.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: #"{"location":{"uri":"#.utf8)
                JSONBytes.appendString(uri, to: &bytes)
                bytes.append(contentsOf: #","range":"#.utf8)
                appendRange(converter.range(related.range))
                bytes.append(contentsOf: #"},"message":"#.utf8)
                JSONBytes.appendString(related.message, to: &bytes)
                bytes.append(UInt8(ascii: "}"))
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(contentsOf: "},".utf8)
        starts.append(bytes.count)
        holeStarts.append(lines.count)
    }

    private mutating func appendRange(_ range: LSPRange) {
        bytes.append(contentsOf: #"{"start":"#.utf8)
        appendPosition(range.start)
        bytes.append(contentsOf: #","end":"#.utf8)
        appendPosition(range.end)
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func appendPosition(_ position: Position) {
        bytes.append(contentsOf: #"{"line":"#.utf8)
        holeOffsets.append(bytes.count)
        lines.append(position.line)
        bytes.append(contentsOf: #","character":"#.utf8)
        JSONBytes.appendInteger(position.character, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
    }

    /// The length of what `write` appends.
    var jsonLength: Int {
        var length = bytes.count + (count == 0 ? 2 : 1)
        for line in lines { length += JSONBytes.digitCount(line) }
        return length
    }

    /// Appends the diagnostics as one JSON array.
    func write(to out: inout [UInt8]) {
        // Sized first, then filled through pointers: this runs over megabytes per keystroke.
        let start = out.count
        let length = jsonLength
        out.append(contentsOf: repeatElement(0, count: length))
        out.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { bytes in
                var to = start
                func copy(_ range: Range<Int>) {
                    guard !range.isEmpty else { return }
                    (out.baseAddress! + to).update(from: bytes.baseAddress! + range.lowerBound, count: range.count)
                    to += range.count
                }
                out[to] = UInt8(ascii: "[")
                to += 1
                var from = 0
                for h in holeOffsets.indices {
                    copy(from..<holeOffsets[h])
                    to += JSONBytes.writeInteger(lines[h], at: to, in: out)
                    from = holeOffsets[h]
                }
                // All but the last comma.
                copy(from..<max(from, bytes.count - 1))
                out[to] = UInt8(ascii: "]")
                assert(to + 1 == start + length)
            }
        }
    }
}

/// Writing JSON numbers and strings straight into bytes (the hot path of publishing diagnostics,
/// where `JSONEncoder` would cost more than everything else).
enum JSONBytes {
    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: digitCount(value)))
        out.withUnsafeMutableBufferPointer { _ = writeInteger(value, at: start, in: $0) }
    }

    /// Writes `value` in decimal at `offset` of `out` (which has room for `digitCount(value)` bytes)
    /// and returns how many bytes it wrote.
    static func writeInteger(_ value: Int, at offset: Int, in out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let count = digitCount(value)
        var n = value.magnitude
        var i = offset + count - 1
        repeat {
            out[i] = 0x30 + UInt8(n % 10)
            n /= 10
            i -= 1
        } while n > 0
        if value < 0 { out[offset] = UInt8(ascii: "-") }
        return count
    }

    /// The number of characters `appendInteger` writes for `value`.
    static func digitCount(_ value: Int) -> Int {
        var n = value.magnitude, count = value < 0 ? 2 : 1
        while n >= 10 { n /= 10; count += 1 }
        return count
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else (valid UTF-8,
    /// since it comes from a `String`) as is.
    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var from = 0
            for i in utf8.indices {
                let byte = utf8[i]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[from..<i]))
                from = i + 1
                switch byte {
                case 0x22: out.append(contentsOf: #"\""#.utf8)
                case 0x5C: out.append(contentsOf: #"\\"#.utf8)
                case 0x0A: out.append(contentsOf: #"\n"#.utf8)
                case 0x0D: out.append(contentsOf: #"\r"#.utf8)
                case 0x09: out.append(contentsOf: #"\t"#.utf8)
                default:
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0x0F)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[from...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
