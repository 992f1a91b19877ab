/// Flags a fragment a scraper repeated back to back, such as `Rank: 8Rank: 8` (an image's alt text
/// and title both kept).
///
/// Only a whole text run that is exactly one fragment twice counts, and the fragment must hold an ASCII
/// letter and a digit, so replies like `顶顶` or `支持支持` are never touched.
///
/// Fix (safe): delete the second copy. When the line left would read as forum chrome (`UID123UID123`
/// is text, `UID123` a profile line), the fix is offered but not safe: the text would leave the body.
public struct RepeatedFragment: CleanupRule {
    public static let code = "repeated-fragment"
    public static let defaultSeverity = Severity.information
    public static let summary = "A fragment repeated back to back by a scraper."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for node in context.tree.nodes where node.kind == .text {
            if context.isInRaw(node.range.start) { continue }
            for dup in Self.duplicates(in: context.bytes, node.range) {
                let fragment = context.source.text(ByteRange(dup.whole.start, dup.copy.start))
                let fix = Fix(title: Messages.fixTitle, edits: [.delete(dup.copy)], isSafe: !Self.turnsIntoChrome(context, dup))
                out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: dup.whole,
                                      message: Messages.message(fragment), tags: DiagnosticTag.unnecessaryOnly,
                                      fixes: [fix]))
            }
        }
        return out
    }

    /// A doubled fragment: the whole run and its second copy.
    public struct Duplicate: Sendable, Hashable {
        public var whole: ByteRange
        public var copy: ByteRange
    }

    /// The doubled fragments in `range` of `b` (at most one: the trimmed run itself).
    public static func duplicates(in b: [UInt8], _ range: ByteRange) -> [Duplicate] {
        var s = range.start, e = range.end
        while s < e, b[s] == 0x20 || b[s] == 0x09 { s += 1 }
        while e > s, b[e - 1] == 0x20 || b[e - 1] == 0x09 || b[e - 1] == 0x0A || b[e - 1] == 0x0D { e -= 1 }
        let n = e - s
        guard n >= 8, n % 2 == 0, n <= 400 else { return [] }
        let half = n / 2
        var letter = false, digit = false
        for k in 0..<half {
            if b[s + k] != b[s + half + k] { return [] }
            let c = b[s + k] | 0x20
            if c >= 0x61 && c <= 0x7A { letter = true }
            if b[s + k] >= 0x30 && b[s + k] <= 0x39 { digit = true }
        }
        guard letter, digit, b[s + half] & 0xC0 != 0x80 else { return [] }
        return [Duplicate(whole: ByteRange(s, e), copy: ByteRange(s + half, e))]
    }

    /// True when deleting the copy could make a content line read as forum chrome (`UID123UID123` is
    /// text, `UID123` a profile line): the line's text would then leave the body. Checked on the line as
    /// the page structure reads it; when the doubled run cannot be found there, assumed.
    static func turnsIntoChrome(_ context: RuleContext, _ dup: Duplicate) -> Bool {
        let b = context.bytes
        let line = context.source.line(containing: dup.whole.start)
        if context.isChromeLine(line) { return false }
        var fragment = b[dup.whole.start..<dup.copy.start]
        while let last = fragment.last, last == 0x20 || last == 0x09 { fragment = fragment.dropLast() }
        if looksLikeChrome(fragment) { return true }
        guard let structure = context.structure, line < structure.lines.count else { return false }
        let text = structure.lines[line].text
        let doubled = b[dup.whole.start..<dup.whole.end]
        guard doubled.count <= text.count else { return true }
        var at = text.startIndex
        while at + doubled.count <= text.endIndex, !text[at..<(at + doubled.count)].elementsEqual(doubled) { at += 1 }
        guard at + doubled.count <= text.endIndex else { return true }
        let half = doubled.count / 2
        return looksLikeChrome((Array(text[..<(at + half)]) + Array(text[(at + doubled.count)...]))[...])
    }

    /// True when a line's text matches a chrome pattern (any scope) or a post header.
    static func looksLikeChrome(_ text: ArraySlice<UInt8>) -> Bool {
        ChromeCatalog.classify(text) != nil || ChromeCatalog.postHeader(text) != nil
    }

    enum Messages {
        static func message(_ fragment: String) -> String {
            "\"\(fragment)\" is repeated back to back (scraper residue). The fix deletes the second copy."
        }
        static let fixTitle = "Delete the repeated copy"
    }
}
