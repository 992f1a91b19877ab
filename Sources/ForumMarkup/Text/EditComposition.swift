extension TextEdit {
    /// The edits against an original text that do what `first` (edits against the original) and then
    /// `second` (edits against the text `first` gives) do together; sorted and non-overlapping.
    ///
    /// Applying the result to the original gives `apply(second, to: apply(first, to: original))` byte for
    /// byte. A replacement is assembled only from the two sets' replacements, never from the original's
    /// bytes, so bytes that no edit touches survive exactly, invalid UTF-8 included. Both sets are taken
    /// as `apply` takes them (`normalized`); ranges must lie inside the texts they were made for, and the
    /// edits of `second` must start and end on character boundaries of the replacements of `first`.
    /// Linear in the number of edits.
    public static func composed(_ first: [TextEdit], then second: [TextEdit]) -> [TextEdit] {
        let one = normalized(first), two = normalized(second)
        if two.isEmpty { return one }
        if one.isEmpty { return two }
        // Where each edit of `first` put its replacement in the intermediate text (UTF-8 offsets), and
        // the size change of all of them up to and including it.
        var spans: [ByteRange] = []
        var shiftThrough: [Int] = []
        spans.reserveCapacity(one.count)
        shiftThrough.reserveCapacity(one.count)
        var shift = 0
        for edit in one {
            let start = edit.range.start + shift
            let length = edit.replacement.utf8.count
            spans.append(ByteRange(start, start + length))
            shift += length - edit.range.count
            shiftThrough.append(shift)
        }
        // Sweep both sets in intermediate-text order; items that overlap or touch form one cluster,
        // which becomes one edit. Inside a cluster the bytes between edits of `second` lie inside
        // replacements of `first` (the cluster is contiguous), so they come from those replacements.
        var out: [TextEdit] = []
        var i = 0, j = 0
        while i < one.count || j < two.count {
            let clusterStart = min(i < one.count ? spans[i].start : Int.max, j < two.count ? two[j].range.start : Int.max)
            var clusterEnd = clusterStart
            let firstI = i, firstJ = j
            while true {
                let nextFirst = i < one.count ? spans[i].start : Int.max
                let nextSecond = j < two.count ? two[j].range.start : Int.max
                if nextFirst <= nextSecond {
                    guard nextFirst <= clusterEnd else { break }
                    clusterEnd = max(clusterEnd, spans[i].end)
                    i += 1
                } else {
                    guard nextSecond <= clusterEnd else { break }
                    clusterEnd = max(clusterEnd, two[j].range.end)
                    j += 1
                }
            }
            let shiftBefore = firstI > 0 ? shiftThrough[firstI - 1] : 0
            let start = i > firstI && spans[firstI].start == clusterStart ? one[firstI].range.start : clusterStart - shiftBefore
            let end = i > firstI && spans[i - 1].end == clusterEnd ? one[i - 1].range.end
                : clusterEnd - (i > 0 ? shiftThrough[i - 1] : 0)
            // The cluster's intermediate bytes with the edits of `second` applied.
            var bytes: [UInt8] = []
            var k = firstI // requests move forward: so does the replacement they start in
            func intermediate(_ from: Int, _ to: Int) {
                guard from < to else { return }
                while k < i, spans[k].end <= from { k += 1 }
                var m = k
                while m < i, spans[m].start < to {
                    let utf8 = Array(one[m].replacement.utf8)
                    let low = max(from, spans[m].start) - spans[m].start, high = min(to, spans[m].end) - spans[m].start
                    if low < high { bytes.append(contentsOf: utf8[low..<high]) }
                    m += 1
                }
            }
            var cursor = clusterStart
            for edit in two[firstJ..<j] {
                intermediate(cursor, edit.range.start)
                bytes.append(contentsOf: edit.replacement.utf8)
                cursor = edit.range.end
            }
            intermediate(cursor, clusterEnd)
            if start == end && bytes.isEmpty { continue } // an insertion the second set took out again
            out.append(TextEdit(range: ByteRange(start, end), replacement: String(decoding: bytes, as: UTF8.self)))
        }
        return out
    }
}
