/// A line-based Myers diff that turns two versions of a text into non-overlapping byte edits.
///
/// Used to express a multi-pass clean-up as one edit set against the original text. Edits are sorted,
/// never overlap, and applying them to `old` gives `new` exactly. When the texts differ in more than
/// `maxEditLines` lines the result is a single edit covering the changed span.
public enum LineDiff {
    /// The edit distance (in lines) beyond which the diff gives up and returns one spanning edit.
    public static let maxEditLines = 2000

    /// Edits turning `old` into `new` (both UTF-8 bytes).
    public static func edits(from old: [UInt8], to new: [UInt8]) -> [TextEdit] {
        if old == new { return [] }
        let a = lines(old), b = lines(new)
        var prefix = 0
        while prefix < a.count, prefix < b.count, equal(old, a[prefix], new, b[prefix]) { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              equal(old, a[a.count - 1 - suffix], new, b[b.count - 1 - suffix]) { suffix += 1 }
        let aMid = Array(a[prefix..<(a.count - suffix)]), bMid = Array(b[prefix..<(b.count - suffix)])
        var hunks: [(Range<Int>, Range<Int>)] = []
        if let script = myers(old, aMid, new, bMid) {
            hunks = script.map { ($0.0.lowerBound + prefix..<$0.0.upperBound + prefix,
                                  $0.1.lowerBound + prefix..<$0.1.upperBound + prefix) }
        } else {
            hunks = [(prefix..<(a.count - suffix), prefix..<(b.count - suffix))]
        }
        var out: [TextEdit] = []
        for (ra, rb) in hunks {
            var os = ra.isEmpty ? (ra.lowerBound < a.count ? a[ra.lowerBound].start : old.count) : a[ra.lowerBound].start
            var oe = ra.isEmpty ? os : a[ra.upperBound - 1].end
            var ns = rb.isEmpty ? (rb.lowerBound < b.count ? b[rb.lowerBound].start : new.count) : b[rb.lowerBound].start
            var ne = rb.isEmpty ? ns : b[rb.upperBound - 1].end
            // Trim shared bytes at both ends, staying on character boundaries.
            while os < oe, ns < ne, old[os] == new[ns] { os += 1; ns += 1 }
            while os > 0, ns > 0, (os < old.count && old[os] & 0xC0 == 0x80) || (ns < new.count && new[ns] & 0xC0 == 0x80) {
                os -= 1; ns -= 1
            }
            while oe > os, ne > ns, old[oe - 1] == new[ne - 1] { oe -= 1; ne -= 1 }
            while oe < old.count, ne < new.count, old[oe] & 0xC0 == 0x80 || new[ne] & 0xC0 == 0x80 { oe += 1; ne += 1 }
            if os == oe && ns == ne { continue }
            out.append(TextEdit(range: ByteRange(os, oe), replacement: String(decoding: new[ns..<ne], as: UTF8.self)))
        }
        return out
    }

    /// The full line ranges (terminators included) of `text`; a final terminator adds no line.
    static func lines(_ text: [UInt8]) -> [ByteRange] {
        var out: [ByteRange] = []
        var start = 0
        var i = 0
        while i < text.count {
            if text[i] == 0x0A {
                out.append(ByteRange(start, i + 1))
                start = i + 1
            }
            i += 1
        }
        if start < text.count { out.append(ByteRange(start, text.count)) }
        return out
    }

    static func equal(_ x: [UInt8], _ rx: ByteRange, _ y: [UInt8], _ ry: ByteRange) -> Bool {
        guard rx.count == ry.count else { return false }
        var i = 0
        while i < rx.count {
            if x[rx.start + i] != y[ry.start + i] { return false }
            i += 1
        }
        return true
    }

    /// Myers' O(ND) diff; returns hunks (old line range, new line range) or nil past `maxEditLines`.
    static func myers(_ x: [UInt8], _ a: [ByteRange], _ y: [UInt8], _ b: [ByteRange]) -> [(Range<Int>, Range<Int>)]? {
        let n = a.count, m = b.count
        if n == 0 || m == 0 { return [(0..<n, 0..<m)] }
        let maxD = min(n + m, maxEditLines)
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        var found = false
        outer: for d in 0...maxD {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            var k = -d
            while k <= d {
                var xi: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    xi = v[offset + k + 1]
                } else {
                    xi = v[offset + k - 1] + 1
                }
                var yi = xi - k
                while xi < n, yi < m, equal(x, a[xi], y, b[yi]) { xi += 1; yi += 1 }
                v[offset + k] = xi
                if xi >= n && yi >= m { found = true; break outer }
                k += 2
            }
        }
        guard found else { return nil }
        // Backtrack through the stored V arrays (trace[d] holds V before step d, keys -d...d).
        var xi = n, yi = m
        var deletes = Set<Int>(), inserts = Set<Int>()
        var d = trace.count - 1
        while d > 0 {
            let vd = trace[d]
            let k = xi - yi
            let goDown = k == -d || (k != d && vd[k - 1 + d] < vd[k + 1 + d])
            let prevK = goDown ? k + 1 : k - 1
            let prevX = vd[prevK + d]
            let prevY = prevX - prevK
            while xi > prevX, yi > prevY, xi - 1 >= (goDown ? prevX : prevX + 1), yi - 1 >= (goDown ? prevY + 1 : prevY) {
                xi -= 1
                yi -= 1
            }
            if goDown { inserts.insert(prevY) } else { deletes.insert(prevX) }
            xi = prevX
            yi = prevY
            d -= 1
        }
        // Group into hunks.
        var hunks: [(Range<Int>, Range<Int>)] = []
        var i = 0, j = 0
        while i < n || j < m {
            if (i < n && deletes.contains(i)) || (j < m && inserts.contains(j)) {
                let si = i, sj = j
                while i < n, deletes.contains(i) { i += 1 }
                while j < m, inserts.contains(j) { j += 1 }
                while (i < n && deletes.contains(i)) || (j < m && inserts.contains(j)) {
                    while i < n, deletes.contains(i) { i += 1 }
                    while j < m, inserts.contains(j) { j += 1 }
                }
                hunks.append((si..<i, sj..<j))
            } else {
                i += 1
                j += 1
            }
        }
        return hunks
    }
}
