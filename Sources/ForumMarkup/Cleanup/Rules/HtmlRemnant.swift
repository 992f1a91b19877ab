/// Flags HTML left in the text by a converter or an old import: tags such as `<br>`, `<BR>`, `<br/>`,
/// `<font color=darkred>`, `<i class="icon"></i>`, `<span style="...">`, and the entities `&nbsp;`,
/// `&quot;`, `&amp;`, `&lt;`, `&gt;`, `&#39;`.
///
/// Only a fixed list of presentational tag names counts (`br p div span font b i u s strong em a img
/// center small big sup sub hr li ul ol h1-h6 table tr td`), so `<package>=<version>`, `<HTML>` in a
/// sample and `< /dev/ttyUSB1` are text; nothing inside raw tags (`[code]`) or tag arguments is flagged.
///
/// Fix (safe): delete the HTML tag; replace the entity by its character (a space for `&nbsp;`). An
/// entity whose character would start new markup is not flagged: `&lt;` before a tag name, `&amp;`
/// before an entity name (`&amp;amp;`).
public struct HtmlRemnant: CleanupRule {
    public static let code = "html-remnant"
    public static let defaultSeverity = Severity.warning
    public static let summary = "Leaked HTML tags and entities."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for node in context.tree.nodes where node.kind == .text {
            if context.isInRaw(node.range.start) { continue }
            for r in Self.remnants(in: context.bytes, node.range) {
                let text = context.source.text(r.range)
                let message = r.isMarkup ? Messages.tag(text) : Messages.entity(text, r.replacement)
                let title = r.isMarkup ? Messages.tagFix(text) : Messages.entityFix(text, r.replacement)
                out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: r.range, message: message,
                                      fixes: [Fix(title: title, edits: [TextEdit(range: r.range, replacement: r.replacement)])]))
            }
        }
        return out
    }

    /// One leaked tag or entity.
    public struct Remnant: Sendable, Hashable {
        /// Its bytes.
        public var range: ByteRange
        /// True for an HTML tag (markup, removed), false for an entity (replaced by its character).
        public var isMarkup: Bool
        /// What the fix puts in its place.
        public var replacement: String
    }

    static let tagNames: [[UInt8]] = ["br", "p", "div", "span", "font", "b", "i", "u", "s", "strong", "em", "a", "img",
                                      "center", "small", "big", "sup", "sub", "hr", "li", "ul", "ol", "h1", "h2", "h3",
                                      "h4", "h5", "h6", "table", "tr", "td"].map { Array($0.utf8) }

    /// The leaked tags and entities in `range` of `b`, in order.
    public static func remnants(in b: [UInt8], _ range: ByteRange) -> [Remnant] {
        var out: [Remnant] = []
        var i = range.start
        let end = range.end
        // Skip quickly to the next `<` or `&`.
        let first: Int? = b.withUnsafeBufferPointer { buf in
            var k = i
            while k < end { let c = buf[k]; if c == 0x3C || c == 0x26 { return k }; k += 1 }
            return nil
        }
        guard let start = first else { return out }
        i = start
        while i < end {
            let c = b[i]
            if c == 0x3C, let tagEnd = htmlTag(b, i, end) {
                out.append(Remnant(range: ByteRange(i, tagEnd), isMarkup: true, replacement: ""))
                i = tagEnd
                continue
            }
            if c == 0x26, let (value, length) = entity(b, i, end) {
                // Decoding `&lt;` into the start of an HTML tag would make markup out of text: skip it.
                let replacement = String(decoding: value.isEmpty ? [0x20] : value, as: UTF8.self)
                let makesTag = value == [0x3C] && startsTagName(b, i + length, end)
                // Likewise `&amp;` before `amp;` (double escaping): decoding it would make a new entity.
                let makesEntity = value == [0x26]
                    && entity([0x26] + b[(i + length)..<min(end, i + length + 5)], 0, min(end - i - length, 5) + 1) != nil
                if !makesTag && !makesEntity {
                    out.append(Remnant(range: ByteRange(i, i + length), isMarkup: false, replacement: replacement))
                }
                i += length
                continue
            }
            i += 1
        }
        return out
    }

    static func startsTagName(_ b: [UInt8], _ i: Int, _ end: Int) -> Bool {
        var j = i
        if j < end, b[j] == 0x2F { j += 1 }
        if j < end, b[j] == 0x26 { return true } // `&lt;&lt;`: be careful
        return nameEnd(b, j, end) != nil
    }

    /// The end of the name at `j` if it is one of `tagNames` followed by `>`, `/`, space or `&`.
    static func nameEnd(_ b: [UInt8], _ j: Int, _ end: Int) -> Int? {
        var k = j
        while k < end, ((b[k] | 0x20) >= 0x61 && (b[k] | 0x20) <= 0x7A) || (b[k] >= 0x31 && b[k] <= 0x36 && k > j) { k += 1 }
        guard k > j, k < end else { return nil }
        let next = b[k]
        guard next == 0x3E || next == 0x2F || next == 0x20 || next == 0x26 else { return nil }
        let len = k - j
        for name in tagNames where name.count == len {
            var same = true
            for t in 0..<len where (b[j + t] | 0x20) != name[t] { same = false; break }
            if same { return k }
        }
        return nil
    }

    /// The end of the HTML tag starting at the `<` at `i` (same line), or nil.
    static func htmlTag(_ b: [UInt8], _ i: Int, _ end: Int) -> Int? {
        var j = i + 1
        if j < end, b[j] == 0x2F { j += 1 }
        guard let k = nameEnd(b, j, end) else { return nil }
        var m = k
        var quote: UInt8 = 0
        while m < end {
            let c = b[m]
            if c == 0x0A || c == 0x0D { return nil }
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 0x22 || c == 0x27 {
                quote = c
            } else if c == 0x3E {
                return m + 1
            } else if c == 0x3C {
                return nil
            }
            m += 1
        }
        return nil
    }

    /// Decodes the entity at the `&` at `i`: its bytes (empty for `&nbsp;`) and its length.
    public static func entity(_ b: [UInt8], _ i: Int, _ end: Int) -> ([UInt8], Int)? {
        if ByteScan.hasPrefix(b, i, end, "&nbsp;") { return ([], 6) }
        if ByteScan.hasPrefix(b, i, end, "&quot;") { return ([0x22], 6) }
        if ByteScan.hasPrefix(b, i, end, "&amp;") { return ([0x26], 5) }
        if ByteScan.hasPrefix(b, i, end, "&lt;") { return ([0x3C], 4) }
        if ByteScan.hasPrefix(b, i, end, "&gt;") { return ([0x3E], 4) }
        if ByteScan.hasPrefix(b, i, end, "&apos;") { return ([0x27], 6) }
        if ByteScan.hasPrefix(b, i, end, "&#39;") { return ([0x27], 5) }
        return nil
    }

    enum Messages {
        static func tag(_ text: String) -> String { "Leaked HTML tag \(text). The fix deletes it." }
        static func entity(_ text: String, _ replacement: String) -> String {
            "HTML entity \(text) left in the text. The fix replaces it with \(replacement == " " ? "a space" : "\"" + replacement + "\"")."
        }
        static func tagFix(_ text: String) -> String { "Delete \(text)" }
        static func entityFix(_ text: String, _ replacement: String) -> String {
            "Replace \(text) with \(replacement == " " ? "a space" : replacement)"
        }
    }
}
