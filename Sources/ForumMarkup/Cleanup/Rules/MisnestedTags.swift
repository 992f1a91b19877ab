/// Flags tags closed in the wrong order, such as `[b][i]text[/b][/i]` or `[size=3][b]x[/size][/b]`.
///
/// Forums repair this differently (s9e, vBulletin and XenForo close the inner tag and reopen it; Discuz
/// leaves broken HTML), so the source should say what it means. The diagnostic sits on the closer that
/// cut the inner tag short and points at the inner tag's opener.
///
/// Fix (safe): the minimal reorder, keeping the author's spelling: when the inner closer follows the
/// outer closer directly, swap the two closers; otherwise close the inner tag before the outer closer
/// and reopen it after.
public struct MisnestedTags: CleanupRule {
    public static let code = "misnested-tags"
    public static let defaultSeverity = Severity.warning
    public static let summary = "Tags closed in the wrong order."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let b = context.bytes
        var out: [Diagnostic] = []
        for issue in context.tree.issues where issue.kind == .misnestedTags {
            guard let opener = issue.related else { continue }
            let outer = issue.range
            let openerText = context.source.text(opener)
            let outerText = context.source.text(outer)
            let name = issue.tagName.isEmpty ? Self.name(in: b, opener) : issue.tagName
            var fix: Fix
            // Skip whitespace after the outer closer; look for the inner closer there.
            var j = outer.end
            while j < b.count, b[j] == 0x20 || b[j] == 0x09 { j += 1 }
            if let token = j < b.count && b[j] == 0x5B ? Self.closer(b, at: j, name: name) : nil {
                let innerText = context.source.text(token)
                let between = context.source.text(ByteRange(outer.end, token.start))
                fix = Fix(title: Messages.swapTitle(outerText, innerText),
                          edits: [TextEdit(range: ByteRange(outer.start, token.end), replacement: innerText + between + outerText)])
            } else {
                fix = Fix(title: Messages.reopenTitle(name),
                          edits: [TextEdit(range: ByteRange(outer.start, outer.start), replacement: "[/\(name)]"),
                                  TextEdit(range: ByteRange(outer.end, outer.end), replacement: openerText)])
            }
            out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: outer,
                                  message: Messages.message(openerText, outerText),
                                  related: [RelatedLocation(range: opener, message: Messages.related(openerText))],
                                  fixes: [fix]))
        }
        return out
    }

    /// The tag name of the opener in `range` (after `[`, up to `=`, space or `]`).
    static func name(in b: [UInt8], _ range: ByteRange) -> String {
        var i = range.start + 1
        while i < range.end, b[i] != 0x3D, b[i] != 0x20, b[i] != 0x5D { i += 1 }
        return String(decoding: b[(range.start + 1)..<i], as: UTF8.self)
    }

    /// The range of `[/name]` (ASCII case ignored) at `i`, or nil.
    static func closer(_ b: [UInt8], at i: Int, name: String) -> ByteRange? {
        let n = Array(name.utf8)
        let end = i + 3 + n.count
        guard end <= b.count, b[i] == 0x5B, b[i + 1] == 0x2F, b[end - 1] == 0x5D else { return nil }
        for k in 0..<n.count where (b[i + 2 + k] | 0x20) != (n[k] | 0x20) { return nil }
        return ByteRange(i, end)
    }

    enum Messages {
        static func message(_ opener: String, _ outer: String) -> String {
            "\(outer) closes an outer tag while \(opener) is still open (mis-nested tags). The fix closes the tags in order."
        }
        static func related(_ opener: String) -> String { "\(opener) is opened here" }
        static func swapTitle(_ outer: String, _ inner: String) -> String { "Swap \(outer) and \(inner)" }
        static func reopenTitle(_ name: String) -> String { "Close [\(name)] before the outer closer and reopen it after" }
    }
}
