/// A clickable range of a document and where it leads.
public struct DocumentLink: Sendable, Hashable {
    /// The bytes to underline: the URL as written (argument or tag content, without quotes and
    /// surrounding spaces).
    public var range: ByteRange
    /// The absolute target (`www.` gets `http://`, an e-mail address `mailto:`).
    public var target: String
}

/// A URL with an unsafe scheme: not linked, reported by the `unsafe-url` rule.
public struct UnsafeURL: Sendable, Hashable {
    /// The URL as written.
    public var range: ByteRange
    /// The scheme, lower case (`javascript`).
    public var scheme: String
    /// The written tags that make the URL a link or image (opener and closer of `[url]`, `[img]`,
    /// `[email]`, or a void tag): deleting them leaves the URL as inert text.
    public var tags: [ByteRange]
}

/// Finds the links of a document: `[url]U[/url]`, `[url=U]…`, `[img]U[/img]`, `[email]A[/email]`,
/// `[email=A]…` and bare `http(s)://`, `ftp://` and `www.` URLs in body text (not inside code or
/// other raw tags). URLs without a scheme (site-relative) are not linked; unsafe ones are returned
/// apart and never linked. One pass over the tree and the text bytes: linear.
public enum DocumentLinkScanner {
    /// The links and unsafe URLs of `tree`, in document order.
    public static func scan(_ tree: SyntaxTree) -> (links: [DocumentLink], unsafe: [UnsafeURL]) {
        var links: [DocumentLink] = []
        var unsafe: [UnsafeURL] = []
        let nodes = tree.nodes
        let bytes = tree.source.bytes
        func consider(_ written: ByteRange, email: Bool, owner: Int) {
            let r = trimmed(bytes, written)
            guard !r.isEmpty else { return }
            let slice = bytes[r.start..<r.end]
            if let scheme = URLSafety.unsafeScheme(slice) {
                var tags = [nodes[owner].range]
                if nodes[owner].kind == .element {
                    let (open, close) = TagLocator.boundaryTags(of: owner, in: tree)
                    tags = [open, close].filter { !nodes[$0].range.isEmpty && nodes[$0].kind != .element }.map { nodes[$0].range }
                }
                unsafe.append(UnsafeURL(range: r, scheme: scheme, tags: tags))
                return
            }
            // A link target is one line; spaces inside make it no URL.
            guard !slice.contains(where: { $0 <= 0x20 }) else { return }
            let text = String(decoding: slice, as: UTF8.self)
            if email {
                if slice.contains(0x40) { links.append(DocumentLink(range: r, target: URLSafety.hasScheme(slice) ? text : "mailto:" + text)) }
            } else if URLSafety.hasScheme(slice) {
                links.append(DocumentLink(range: r, target: text))
            } else if startsWithWWW(slice) {
                links.append(DocumentLink(range: r, target: "http://" + text))
            }
        }
        var i = 1
        while i < nodes.count {
            let node = nodes[i]
            if node.kind == .element, let tag = node.tag {
                let linkKind = tag.name == "url" ? 1 : tag.name == "email" ? 2 : tag.name == "img" ? 3 : 0
                if linkKind != 0 {
                    if linkKind != 3, let argument = node.argumentRange {
                        consider(argument, email: linkKind == 2, owner: i)
                        i = node.subtreeEnd
                        continue
                    }
                    consider(TagLocator.contentRange(of: i, in: tree), email: linkKind == 2, owner: i)
                    i = node.subtreeEnd
                    continue
                }
                if tag.tagClass == .raw {
                    i = node.subtreeEnd
                    continue
                }
            } else if node.kind == .voidTag || node.kind == .truncatedTag, let argument = node.argumentRange,
                      let tag = node.tag, tag.argument == .url {
                consider(argument, email: false, owner: i)
            } else if node.kind == .text {
                bareURLs(bytes, node.range, into: &links)
            }
            i += 1
        }
        return (links, unsafe)
    }

    /// The range without surrounding ASCII whitespace and one pair of matching quotes (and the spaces inside them).
    static func trimmed(_ bytes: [UInt8], _ r: ByteRange) -> ByteRange {
        var s = r.start, e = r.end
        while s < e && bytes[s] <= 0x20 { s += 1 }
        while e > s && bytes[e - 1] <= 0x20 { e -= 1 }
        if e - s >= 2, bytes[s] == bytes[e - 1], bytes[s] == 0x22 || bytes[s] == 0x27 {
            s += 1
            e -= 1
            while s < e && bytes[s] <= 0x20 { s += 1 }
            while e > s && bytes[e - 1] <= 0x20 { e -= 1 }
        }
        return ByteRange(s, e)
    }

    static func startsWithWWW(_ s: ArraySlice<UInt8>) -> Bool {
        s.count > 4 && matches(s, s.startIndex, "www.")
    }

    /// True when `pattern` (lower-case ASCII) appears at `i`, ASCII case ignored.
    static func matches(_ bytes: ArraySlice<UInt8>, _ i: Int, _ pattern: StaticString) -> Bool {
        let n = pattern.utf8CodeUnitCount
        guard i + n <= bytes.endIndex else { return false }
        let p = pattern.utf8Start
        for k in 0..<n where TagCatalog.asciiLower(bytes[i + k]) != p[k] { return false }
        return true
    }

    /// Bare URLs in a text run: `http://`, `https://`, `ftp://` or `www.` after a non-word byte, up
    /// to whitespace, a bracket, a quote, `<`, `>` or a non-ASCII byte, without trailing punctuation.
    static func bareURLs(_ bytes: [UInt8], _ r: ByteRange, into links: inout [DocumentLink]) {
        let slice = bytes[r.start..<r.end]
        var i = r.start
        while i < r.end {
            let c = TagCatalog.asciiLower(bytes[i])
            guard c == 0x68 || c == 0x66 || c == 0x77 else {
                i += 1
                continue
            }
            if i > r.start, isWordByte(bytes[i - 1]) {
                i += 1
                continue
            }
            var prefix = ""
            var bodyStart = -1
            if matches(slice, i, "https://") {
                bodyStart = i + 8
            } else if matches(slice, i, "http://") || matches(slice, i, "ftp://") {
                bodyStart = i + (c == 0x68 ? 7 : 6)
            } else if matches(slice, i, "www.") {
                bodyStart = i + 4
                prefix = "http://"
            }
            guard bodyStart >= 0 else {
                i += 1
                continue
            }
            var end = bodyStart
            while end < r.end && !isURLStop(bytes[end]) { end += 1 }
            // A `)` stays when it closes a `(` of the URL (`wiki/X_(y)`).
            var balance = 0
            for k in bodyStart..<end { balance += bytes[k] == 0x28 ? 1 : bytes[k] == 0x29 ? -1 : 0 }
            while end > bodyStart && isTrailingPunctuation(bytes[end - 1]) {
                if bytes[end - 1] == 0x29 {
                    if balance >= 0 { break }
                    balance += 1
                }
                end -= 1
            }
            if end > bodyStart && (prefix.isEmpty || bytes[bodyStart..<end].contains(0x2E)) {
                let text = String(decoding: bytes[i..<end], as: UTF8.self)
                links.append(DocumentLink(range: ByteRange(i, end), target: prefix + text))
            }
            i = max(end, i + 1)
        }
    }

    static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2F
            || c == 0x2E || c == 0x40
    }

    static func isURLStop(_ c: UInt8) -> Bool {
        c <= 0x20 || c >= 0x7F || c == 0x5B || c == 0x5D || c == 0x3C || c == 0x3E || c == 0x22 || c == 0x27
            || c == 0x60 || c == 0x7B || c == 0x7D || c == 0x7C || c == 0x5C || c == 0x5E
    }

    static func isTrailingPunctuation(_ c: UInt8) -> Bool {
        c == 0x2E || c == 0x2C || c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F || c == 0x29
    }
}
