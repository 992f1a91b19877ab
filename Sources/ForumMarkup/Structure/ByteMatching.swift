/// Small hand-written matchers over UTF-8 bytes used by the chrome catalog and the outline
/// (no `Regex`, no Foundation). All of them are linear in the bytes they look at.
enum Bytes {
    /// The UTF-8 bytes of a literal.
    @inline(__always)
    static func u(_ s: String) -> [UInt8] { Array(s.utf8) }

    static func hasPrefix(_ s: ArraySlice<UInt8>, _ p: [UInt8]) -> Bool {
        guard s.count >= p.count else { return false }
        var i = s.startIndex
        for b in p {
            if s[i] != b { return false }
            i += 1
        }
        return true
    }

    static func hasSuffix(_ s: ArraySlice<UInt8>, _ p: [UInt8]) -> Bool {
        guard s.count >= p.count else { return false }
        var i = s.endIndex - p.count
        for b in p {
            if s[i] != b { return false }
            i += 1
        }
        return true
    }

    /// The index of the first occurrence of `p` in `s`, or nil.
    static func find(_ s: ArraySlice<UInt8>, _ p: [UInt8], from: Int? = nil) -> Int? {
        guard !p.isEmpty, s.count >= p.count else { return nil }
        let first = p[0]
        var i = from ?? s.startIndex
        let last = s.endIndex - p.count
        while i <= last {
            if s[i] == first {
                var k = 1
                while k < p.count && s[i + k] == p[k] { k += 1 }
                if k == p.count { return i }
            }
            i += 1
        }
        return nil
    }

    static func contains(_ s: ArraySlice<UInt8>, _ p: [UInt8]) -> Bool { find(s, p) != nil }

    // MARK: StaticString patterns (no allocation per call)

    @inline(__always)
    static func hasPrefix(_ s: ArraySlice<UInt8>, _ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard s.count >= n else { return false }
        let base = p.utf8Start
        var i = s.startIndex
        for k in 0..<n {
            if s[i] != base[k] { return false }
            i += 1
        }
        return true
    }

    @inline(__always)
    static func hasSuffix(_ s: ArraySlice<UInt8>, _ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard s.count >= n else { return false }
        let base = p.utf8Start
        var i = s.endIndex - n
        for k in 0..<n {
            if s[i] != base[k] { return false }
            i += 1
        }
        return true
    }

    /// The index of the first occurrence of `p` in `s` at or after `from` (default: the start), or nil.
    /// Scans through an unsafe buffer (no bounds checks per byte): callers run it on every line.
    static func find(_ s: ArraySlice<UInt8>, _ p: StaticString, from: Int? = nil) -> Int? {
        let n = p.utf8CodeUnitCount
        guard n > 0, s.count >= n else { return nil }
        let base = p.utf8Start
        let first = base[0]
        let start = from ?? s.startIndex
        guard start >= s.startIndex else { return find(s, p, from: s.startIndex) }
        return s.withUnsafeBufferPointer { buffer -> Int? in
            var i = start - s.startIndex
            let last = buffer.count - n
            while i <= last {
                if buffer[i] == first {
                    var k = 1
                    while k < n && buffer[i + k] == base[k] { k += 1 }
                    if k == n { return i + s.startIndex }
                }
                i += 1
            }
            return nil
        }
    }

    @inline(__always)
    static func contains(_ s: ArraySlice<UInt8>, _ p: StaticString) -> Bool { find(s, p) != nil }

    @inline(__always)
    static func equals(_ s: ArraySlice<UInt8>, _ p: StaticString) -> Bool { s.count == p.utf8CodeUnitCount && hasPrefix(s, p) }

    /// True when `s` starts with `p` with ASCII case ignored (`p` must be lower-case): the same as
    /// `hasPrefix(lowerIfNeeded(s), p)` without the copy.
    @inline(__always)
    static func hasPrefixIgnoringCase(_ s: ArraySlice<UInt8>, _ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard s.count >= n else { return false }
        let base = p.utf8Start
        var i = s.startIndex
        for k in 0..<n {
            let b = s[i]
            if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != base[k] { return false }
            i += 1
        }
        return true
    }

    /// True when `s` equals `p` with ASCII case ignored (`p` must be lower-case).
    @inline(__always)
    static func equalsIgnoringCase(_ s: ArraySlice<UInt8>, _ p: StaticString) -> Bool {
        s.count == p.utf8CodeUnitCount && hasPrefixIgnoringCase(s, p)
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// The slice itself when it has no upper-case ASCII letter, else a lower-cased copy.
    static func lowerIfNeeded(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        for b in s where b >= 0x41 && b <= 0x5A { return lower(s)[...] }
        return s
    }

    /// Lower-cased ASCII copy.
    static func lower(_ s: ArraySlice<UInt8>) -> [UInt8] { s.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }

    /// Skips ASCII spaces from `i`.
    static func skipSpaces(_ s: ArraySlice<UInt8>, _ i: Int) -> Int {
        var i = i
        while i < s.endIndex && s[i] == 0x20 { i += 1 }
        return i
    }

    /// Reads a run of digits at `i`: (end, count).
    static func digits(_ s: ArraySlice<UInt8>, _ i: Int) -> (Int, Int) {
        var j = i
        while j < s.endIndex && isDigit(s[j]) { j += 1 }
        return (j, j - i)
    }

    /// True when the whole slice is digits, optionally with `,` / `.` separators and a 万/千/K/k suffix.
    static func isCount(_ s: ArraySlice<UInt8>) -> Bool {
        guard let f = s.first, isDigit(f) else { return false }
        var i = s.startIndex
        while i < s.endIndex && (isDigit(s[i]) || s[i] == 0x2C || s[i] == 0x2E) { i += 1 }
        if i == s.endIndex { return true }
        let rest = s[i...]
        return Bytes.equals(rest, "万") || Bytes.equals(rest, "千") || Bytes.equals(rest, "亿")
            || Bytes.equals(rest, "K") || Bytes.equals(rest, "k") || Bytes.equals(rest, "M")
    }

    /// True when the slice is only digits and spaces (`7210 2`, `2 0 0`) with at least one digit.
    static func isNumbersOnly(_ s: ArraySlice<UInt8>) -> Bool {
        var digit = false
        for b in s {
            if isDigit(b) { digit = true } else if b != 0x20 { return false }
        }
        return digit
    }

    /// The end of a date at `i`: `YYYY-M-D[ HH:MM[:SS]]`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`; nil if none.
    static func dateEnd(_ s: ArraySlice<UInt8>, _ i: Int) -> Int? {
        let (yEnd, yCount) = digits(s, i)
        guard yCount == 4, yEnd < s.endIndex else { return nil }
        let sep = s[yEnd]
        var j: Int
        if sep == 0x2D || sep == 0x2F || sep == 0x2E {
            let (mEnd, mCount) = digits(s, yEnd + 1)
            guard (1...2).contains(mCount), mEnd < s.endIndex, s[mEnd] == sep else { return nil }
            let (dEnd, dCount) = digits(s, mEnd + 1)
            guard (1...2).contains(dCount) else { return nil }
            j = dEnd
        } else if hasPrefix(s[yEnd...], "年") {
            let (mEnd, mCount) = digits(s, yEnd + 3)
            guard (1...2).contains(mCount), hasPrefix(s[mEnd...], "月") else { return nil }
            let (dEnd, dCount) = digits(s, mEnd + 3)
            guard (1...2).contains(dCount) else { return nil }
            j = dEnd
            if hasPrefix(s[j...], "日") { j += 3 }
        } else {
            return nil
        }
        return timeEnd(s, skipSpaces(s, j)) ?? j
    }

    /// The end of `H:MM[:SS]` at `i`, or nil.
    static func timeEnd(_ s: ArraySlice<UInt8>, _ i: Int) -> Int? {
        let (hEnd, hCount) = digits(s, i)
        guard (1...2).contains(hCount), hEnd < s.endIndex, s[hEnd] == 0x3A else { return nil }
        let (mEnd, mCount) = digits(s, hEnd + 1)
        guard mCount == 2 else { return nil }
        if mEnd < s.endIndex, s[mEnd] == 0x3A {
            let (sEnd, sCount) = digits(s, mEnd + 1)
            if sCount == 2 { return sEnd }
        }
        return mEnd
    }

    /// The end of a Discuz relative date at `i` (`刚刚`, `3 天前`, `半小时前`, `昨天 12:30`), or nil.
    static func relativeDateEnd(_ s: ArraySlice<UInt8>, _ i: Int) -> Int? {
        let rest = s[i...]
        if hasPrefix(rest, "刚刚") { return i + 6 }
        if hasPrefix(rest, "半小时前") { return i + 12 }
        for day in ["昨天", "前天"] where hasPrefix(rest, u(day)) {
            return timeEnd(s, skipSpaces(s, i + 6)) ?? i + 6
        }
        let (nEnd, nCount) = digits(s, i)
        guard nCount >= 1 else { return nil }
        let j = skipSpaces(s, nEnd)
        for unit in ["秒前", "分钟前", "小时前", "天前", "周前", "个月前"] where hasPrefix(s[j...], u(unit)) {
            return j + unit.utf8.count
        }
        return nil
    }

    /// True when a date (absolute or relative) starts at some position of `s`.
    static func containsDate(_ s: ArraySlice<UInt8>) -> Bool {
        var i = s.startIndex
        while i < s.endIndex {
            if isDigit(s[i]) && (i == s.startIndex || !isDigit(s[i - 1])) {
                if dateEnd(s, i) != nil || relativeDateEnd(s, i) != nil { return true }
            }
            i += 1
        }
        return englishDate(s)
    }

    static let months: [[UInt8]] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map(u)

    /// True when `s` shows an English-style date: a month name and a 4-digit year, or `D/M/YYYY`.
    static func englishDate(_ s: ArraySlice<UInt8>) -> Bool {
        var hasYear = false
        var i = s.startIndex
        while i < s.endIndex {
            if isDigit(s[i]) && (i == s.startIndex || !isDigit(s[i - 1])) {
                let (end, count) = digits(s, i)
                if count == 4, s[i] == 0x31 || s[i] == 0x32, end == s.endIndex || !isDigit(s[end]) { hasYear = true }
                i = end
                continue
            }
            i += 1
        }
        guard hasYear else { return false }
        let low = lower(s)
        for m in months where find(low[...], m) != nil { return true }
        return false
    }

    /// True when `s` holds `http://`, `https://` or `www.`.
    static func hasURL(_ s: ArraySlice<UInt8>) -> Bool {
        contains(s, "http://") || contains(s, "https://") || contains(s, "www.")
    }

    /// Decodes the few HTML entities scrapers leave in titles (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&nbsp;`).
    static func decodeEntities(_ s: [UInt8]) -> [UInt8] {
        guard s.contains(0x26) else { return s }
        let table: [([UInt8], UInt8)] = [(u("&lt;"), 0x3C), (u("&gt;"), 0x3E), (u("&quot;"), 0x22), (u("&#39;"), 0x27),
                                          (u("&nbsp;"), 0x20), (u("&amp;"), 0x26)]
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        outer: while i < s.count {
            if s[i] == 0x26 {
                for (entity, plain) in table where hasPrefix(s[i...], entity) {
                    out.append(plain)
                    i += entity.count
                    continue outer
                }
            }
            out.append(s[i])
            i += 1
        }
        return out
    }
}

/// Several byte patterns searched in one pass over a line. A 65,536-bit table of the patterns' first
/// two bytes filters positions, so a CJK line only tries a pattern where its first two bytes agree.
/// Reports which patterns occur, as a bit set (at most 64 patterns, each at least two bytes long).
struct PatternSet: Sendable {
    /// All patterns, concatenated.
    let bytes: [UInt8]
    /// Start of each pattern in `bytes` (one more entry than patterns).
    let starts: [Int]
    /// Bit (b0 << 8 | b1) is set when some pattern starts with bytes b0, b1.
    let pairs: [UInt64]

    init(_ strings: [String]) {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        var pairs = [UInt64](repeating: 0, count: 1024)
        for string in strings {
            let p = Array(string.utf8)
            precondition(p.count >= 2, "PatternSet patterns need two bytes")
            let key = Int(p[0]) << 8 | Int(p[1])
            pairs[key >> 6] |= 1 << UInt64(key & 63)
            bytes += p
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
        self.pairs = pairs
    }

    /// Bit `i` is set when pattern `i` occurs in `s`.
    func matches(in s: ArraySlice<UInt8>) -> UInt64 {
        var found: UInt64 = 0
        s.withUnsafeBufferPointer { buffer in
            pairs.withUnsafeBufferPointer { pairs in
                bytes.withUnsafeBufferPointer { all in
                    starts.withUnsafeBufferPointer { starts in
                        let end = buffer.count
                        var i = 0
                        while i + 1 < end {
                            let key = Int(buffer[i]) << 8 | Int(buffer[i + 1])
                            if pairs[key >> 6] & (1 << UInt64(key & 63)) != 0 {
                                for k in 0..<(starts.count - 1) {
                                    let a = starts[k], n = starts[k + 1] - a
                                    guard i + n <= end, all[a] == buffer[i], all[a + 1] == buffer[i + 1] else { continue }
                                    var j = 2
                                    while j < n && buffer[i + j] == all[a + j] { j += 1 }
                                    if j == n { found |= 1 << UInt64(k) }
                                }
                            }
                            i += 1
                        }
                    }
                }
            }
        }
        return found
    }
}
