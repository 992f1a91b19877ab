/// Whole-line chrome patterns in an open-addressed hash table over ASCII-lower-cased bytes.
///
/// A lookup first checks the line's length against the pattern lengths, then hashes the bytes once
/// (FNV-1a, lower-casing on the fly) and probes a power-of-two slot array: no `Hasher`, no allocation,
/// no lower-cased copy of the line. Keys must already be lower-cased.
struct ExactLineTable: Sendable {
    /// The patterns, lower-cased.
    let keys: [[UInt8]]
    /// What each pattern means.
    let values: [ChromeMatch]
    /// `lowerHash` of each key.
    let hashes: [UInt64]
    /// Index into `keys` per slot, -1 for an empty slot.
    let slots: [Int32]
    /// `slots.count - 1` (the count is a power of two).
    let mask: Int
    /// True at index n when some key is n bytes long.
    let hasLength: [Bool]

    /// A table of `patterns` (keys lower-cased by the caller).
    init(_ patterns: [[UInt8]: ChromeMatch]) {
        var keys: [[UInt8]] = []
        var values: [ChromeMatch] = []
        for (key, value) in patterns {
            keys.append(key)
            values.append(value)
        }
        let hashes = keys.map { ExactLineTable.lowerHash($0[...]) }
        var size = 16
        while size < keys.count * 4 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        for (k, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(k)
        }
        var hasLength = [Bool](repeating: false, count: (keys.map(\.count).max() ?? 0) + 1)
        for key in keys { hasLength[key.count] = true }
        self.keys = keys
        self.values = values
        self.hashes = hashes
        self.slots = slots
        self.mask = size - 1
        self.hasLength = hasLength
    }

    /// FNV-1a of the ASCII-lower-cased bytes.
    @inline(__always)
    static func lowerHash(_ s: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s {
            h ^= UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            h = h &* 0x100000001b3
        }
        return h
    }

    /// The value of the key equal to `t` with ASCII case ignored, or nil.
    func lookup(_ t: ArraySlice<UInt8>) -> ChromeMatch? {
        guard t.count < hasLength.count, hasLength[t.count] else { return nil }
        let h = ExactLineTable.lowerHash(t)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = Int(slots[slot])
            if k < 0 { return nil }
            if hashes[k] == h && keys[k].count == t.count {
                var equal = true
                var i = t.startIndex
                for b in keys[k] {
                    let c = t[i]
                    if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != b { equal = false; break }
                    i += 1
                }
                if equal { return values[k] }
            }
            slot = (slot + 1) & mask
        }
    }
}
