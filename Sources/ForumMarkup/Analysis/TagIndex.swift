/// Every pairable tag of a document (openers and closers, in document order), as the parser's pairing
/// pass sees them: a name key, open or close, and the offset.
///
/// The parser pairs openers and closers of one name like brackets across the whole document
/// (`TreeBuilder.pairOpenersByName`), so an edit that adds or removes a tag can change pairs far
/// away: to the tags of that name left open before the edit (a new closer takes the innermost) or
/// left unpaired after it (a new opener takes the nearest). This index finds those for
/// `IncrementalFindings`, which then re-analyses them too, and is updated by splicing in the
/// re-analysed paragraphs' tags.
public struct TagIndex: Sendable {
    /// Offsets of the tags, ascending.
    var offsets: [Int]
    /// Hash of each tag's lower-cased name.
    var keys: [UInt64]
    var isClose: [Bool]

    /// The pairable tags of `bytes`.
    public init(_ bytes: [UInt8]) {
        self.init(tokens: Lexer.tokenize(bytes), bytes: bytes, base: 0)
    }

    /// The pairable tags of `tokens` (lexed from `bytes`), their offsets moved by `base`.
    init(tokens: [Token], bytes: [UInt8], base: Int) {
        offsets = []
        keys = []
        isClose = []
        for token in tokens where token.kind == .tag && !token.isSelfClosing {
            // Unknown names starting with `#` are index entries, never paired (as in the parser).
            if token.catalogIndex < 0 && bytes[token.nameStart] == 0x23 { continue }
            offsets.append(token.start + base)
            keys.append(TagIndex.key(bytes, token.nameRange))
            isClose.append(token.isClose)
        }
    }

    private init(offsets: [Int], keys: [UInt64], isClose: [Bool]) {
        self.offsets = offsets
        self.keys = keys
        self.isClose = isClose
    }

    /// The keys of the raw-content tags (`code`, `img`, ...).
    static let rawKeys: Set<UInt64> = Set(TagCatalog.tags.filter { $0.tagClass == .raw }.map {
        let name = Array($0.name.utf8)
        return key(name, ByteRange(0, name.count))
    })

    /// The keys of the known tags that are not inline (an element of theirs stops at its post's end
    /// whether or not a closer pairs with its opener).
    static let blockKeys: Set<UInt64> = Set(TagCatalog.tags.filter { $0.tagClass == .block || $0.tagClass == .void }.map {
        let name = Array($0.name.utf8)
        return key(name, ByteRange(0, name.count))
    })

    /// The parser's key of a name (`TreeBuilder.nameKey`).
    static func key(_ bytes: [UInt8], _ name: ByteRange) -> UInt64 { TreeBuilder.nameKey(bytes, name) }

    /// The first index whose offset is at least `offset`.
    func firstIndex(atOrAfter offset: Int) -> Int {
        var low = 0, high = offsets.count
        while low < high {
            let mid = (low + high) / 2
            if offsets[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Per name key: unpaired closers and unpaired openers among these tags (paired among themselves).
    func balance() -> [UInt64: [Int]] {
        var out: [UInt64: [Int]] = [:]
        for i in offsets.indices {
            var b = out[keys[i], default: [0, 0]]
            if isClose[i] {
                if b[1] > 0 { b[1] -= 1 } else { b[0] += 1 }
            } else {
                b[1] += 1
            }
            out[keys[i]] = b
        }
        return out
    }

    /// The offsets of the tags named `key` before `index` that are still open there, outermost first
    /// (a closer after takes the last one).
    func openTags(_ key: UInt64, before index: Int) -> [Int] {
        var stack: [Int] = []
        for i in 0..<index where keys[i] == key {
            if isClose[i] { _ = stack.popLast() } else { stack.append(offsets[i]) }
        }
        return stack
    }

    /// The offsets of the closers named `key` at or after `index` that pair with nothing from there
    /// on, nearest first (an opener before takes the first one).
    func unpairedClosers(_ key: UInt64, from index: Int) -> [Int] {
        var stack: [Int] = []
        var i = offsets.count - 1
        while i >= index {
            if keys[i] == key {
                if isClose[i] { stack.append(offsets[i]) } else { _ = stack.popLast() }
            }
            i -= 1
        }
        return stack.reversed()
    }

    /// Replaces the tags of `removed` (old offsets) by `inserted` (new offsets) and moves every later
    /// tag by `delta`, in place.
    mutating func replace(_ removed: Range<Int>, with inserted: TagIndex, delta: Int) {
        offsets.replaceSubrange(removed, with: inserted.offsets)
        keys.replaceSubrange(removed, with: inserted.keys)
        isClose.replaceSubrange(removed, with: inserted.isClose)
        if delta != 0 {
            for i in (removed.lowerBound + inserted.offsets.count)..<offsets.count { offsets[i] += delta }
        }
    }

    /// The tags whose offsets are in `from..<to`.
    func slice(from: Int, to: Int) -> TagIndex {
        let range = firstIndex(atOrAfter: from)..<max(firstIndex(atOrAfter: from), firstIndex(atOrAfter: to))
        return TagIndex(offsets: Array(offsets[range]), keys: Array(keys[range]), isClose: Array(isClose[range]))
    }

    /// True when both hold the same tags at the same offsets.
    func sameTags(as other: TagIndex) -> Bool {
        offsets == other.offsets && keys == other.keys && isClose == other.isClose
    }
}
