/// One thing the editor may insert at the cursor.
public struct CompletionCandidate: Sendable, Hashable {
    /// What a completion is for.
    public enum Kind: String, Sendable {
        /// A tag name after `[`.
        case tagName
        /// The closer of an open element after `[/`.
        case closeTag
        /// An argument value after `[name=`.
        case argumentValue
    }

    /// The text shown in the list (`color`, `/quote`, `red`).
    public var label: String
    public var kind: Kind
    /// Plain text to insert over `CompletionList.replaceRange`.
    public var insertText: String
    /// The same insertion as an LSP snippet (`$0` is the final cursor, `${1}` a tab stop), or nil
    /// when it would equal `insertText`.
    public var snippet: String?
    /// One line shown beside the label (the tag's summary, "closes [b]").
    public var detail: String
    /// Sort position: lower first.
    public var rank: Int
}

/// The candidates for one cursor position and the bytes they replace.
public struct CompletionList: Sendable, Hashable {
    /// The bytes a chosen candidate replaces: the partial name or value already typed before the
    /// cursor, plus a `]` directly after the cursor for tag names (editors auto-close brackets).
    public var replaceRange: ByteRange
    public var candidates: [CompletionCandidate]
}

/// Completion candidates for a cursor in forum markup: tag names after `[` (only those the active
/// dialect accepts natively), the closers of the open elements after `[/` (innermost first), and
/// argument values after `[color=`, `[size=`, `[align=`, `[font=`, `[list=` and the other tags with
/// a closed set of values (only values the dialect's grammar accepts).
public enum CompletionProvider {
    /// How far back from the cursor a `[` is looked for, in bytes (on the cursor's line).
    public static let lookBehind = 256

    /// The candidates at byte `offset`, or nil when the cursor is not in a tag being typed.
    public static func complete(in tree: SyntaxTree, at offset: Int) -> CompletionList? {
        let bytes = tree.source.bytes
        let cursor = min(max(offset, 0), bytes.count)
        guard let context = context(bytes, cursor) else { return nil }
        let open = TagLocator.openElements(at: cursor, in: tree)
        let insideRaw = open.first.flatMap { tree.nodes[$0].tag }.map { $0.tagClass == .raw } ?? false
        let closesBracket = cursor < bytes.count && bytes[cursor] == 0x5D
        switch context {
        case .tagName(let start):
            guard !insideRaw else { return nil }
            let prefix = Array(bytes[start..<cursor])
            let end = closesBracket ? cursor + 1 : cursor
            return CompletionList(replaceRange: ByteRange(start, end),
                                  candidates: tagNames(prefix: prefix, dialect: tree.dialect))
        case .closeTag(let start):
            let prefix = Array(bytes[start..<cursor])
            let end = closesBracket ? cursor + 1 : cursor
            var seen = Set<String>()
            var candidates: [CompletionCandidate] = []
            for element in (insideRaw ? Array(open.prefix(1)) : open) {
                let name = tree.name(of: element)
                let key = tree.lowercasedName(of: element)
                guard !name.isEmpty, hasPrefix(Array(key.utf8), prefix), seen.insert(key).inserted else { continue }
                candidates.append(CompletionCandidate(label: "/" + name, kind: .closeTag, insertText: name + "]", snippet: nil,
                                                      detail: "closes [\(name)]", rank: candidates.count))
            }
            return CompletionList(replaceRange: ByteRange(start, end), candidates: candidates)
        case .argumentValue(let nameRange, let start):
            guard !insideRaw else { return nil }
            guard let tag = bytes[nameRange.start..<nameRange.end].withContiguousStorageIfAvailable({ TagCatalog.lookup($0) }) ?? nil
            else { return nil }
            let prefix = Array(bytes[start..<cursor])
            let values = ArgumentValueSuggestions.values(for: tag, dialect: tree.dialect)
            var candidates: [CompletionCandidate] = []
            for (value, detail) in values where hasPrefix(Array(value.utf8), prefix) {
                candidates.append(CompletionCandidate(label: value, kind: .argumentValue, insertText: value, snippet: nil,
                                                      detail: detail, rank: candidates.count))
            }
            return CompletionList(replaceRange: ByteRange(start, cursor), candidates: candidates)
        }
    }

    /// The tag-name candidates whose names start with `prefix` (ASCII case ignored).
    static func tagNames(prefix: [UInt8], dialect: Dialect) -> [CompletionCandidate] {
        let tags = TagCatalog.tags.filter { $0.isNative(in: dialect) && hasPrefix(Array($0.name.utf8), prefix) }
            .sorted { $0.name < $1.name }
        return tags.enumerated().map { rank, tag in
            let name = tag.name
            let plain: String
            let snippet: String
            if tag.tagClass == .void {
                plain = name + "]"
                snippet = name + "]$0"
            } else if tag.argumentRequired {
                plain = name + "="
                snippet = "\(name)=${1}]$0[/\(name)]"
            } else {
                plain = name + "]"
                snippet = "\(name)]$0[/\(name)]"
            }
            return CompletionCandidate(label: name, kind: .tagName, insertText: plain,
                                       snippet: snippet == plain ? nil : snippet, detail: tag.summary, rank: rank)
        }
    }

    /// What is being typed at the cursor.
    enum Context: Equatable {
        /// A tag name starting at the byte after `[`.
        case tagName(start: Int)
        /// A closer's name starting after `[/`.
        case closeTag(start: Int)
        /// An argument value starting after `=`, for the tag whose name is `name`.
        case argumentValue(name: ByteRange, start: Int)
    }

    /// Finds the `[` the cursor is typing into: the nearest one before the cursor on its line with
    /// no `]` between, followed by an optional `/`, name bytes and (openers) `=` and a value.
    static func context(_ bytes: [UInt8], _ cursor: Int) -> Context? {
        var i = cursor - 1
        let stop = max(0, cursor - lookBehind)
        while i >= stop {
            let c = bytes[i]
            if c == 0x5B { break }
            if c == 0x5D || c == 0x0A || c == 0x0D { return nil }
            i -= 1
        }
        guard i >= stop, bytes[i] == 0x5B else { return nil }
        var j = i + 1
        var isClose = false
        if j < cursor && bytes[j] == 0x2F {
            isClose = true
            j += 1
        }
        let nameStart = j
        while j < cursor && isNameByte(bytes[j]) { j += 1 }
        if j == cursor { return isClose ? .closeTag(start: nameStart) : .tagName(start: nameStart) }
        guard !isClose, bytes[j] == 0x3D, j > nameStart else { return nil }
        return .argumentValue(name: ByteRange(nameStart, j), start: j + 1)
    }

    static func isNameByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2A || c == 0x5F || c == 0x2D
    }

    /// True when `bytes` starts with `prefix`, ASCII case ignored.
    static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8]) -> Bool {
        guard prefix.count <= bytes.count else { return false }
        for k in 0..<prefix.count where TagCatalog.asciiLower(bytes[k]) != TagCatalog.asciiLower(prefix[k]) { return false }
        return true
    }
}
