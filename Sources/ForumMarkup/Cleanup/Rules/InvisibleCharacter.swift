/// Flags characters that take no space on screen: zero-width spaces (U+200B), word joiners (U+2060),
/// a byte-order mark anywhere but at the very start (U+FEFF), zero-width (non-)joiners (U+200C/U+200D)
/// outside emoji and scripts that need them, and runs of two or more no-break spaces (U+00A0), which
/// Discuz makes out of double spaces and tabs.
///
/// Fix (safe): delete the invisible characters; turn a no-break-space run into plain spaces.
public struct InvisibleCharacter: CleanupRule {
    public static let code = "invisible-character"
    public static let defaultSeverity = Severity.warning
    public static let summary = "Zero-width characters, stray byte-order marks and no-break-space runs."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let b = context.bytes
        let n = b.count
        var out: [Diagnostic] = []
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0xC2 { i += 1; continue }
            // Only C2 (NBSP), E2 (U+200x, U+2060) and EF (U+FEFF) lead bytes can start what we look for.
            if c != 0xC2 && c != 0xE2 && c != 0xEF {
                i += c >= 0xF0 ? 4 : (c >= 0xE0 ? 3 : 2)
                continue
            }
            let (v, len) = ByteScan.scalar(b, i, n)
            if v == 0xA0 {
                var j = i + len
                var count = 1
                while j + 1 < n, b[j] == 0xC2, b[j + 1] == 0xA0 { j += 2; count += 1 }
                if count >= 2, !context.isInRaw(i) {
                    let range = ByteRange(i, j)
                    let spaces = String(repeating: " ", count: count)
                    out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: range,
                                          message: Messages.nbsp(count),
                                          fixes: [Fix(title: Messages.nbspFix, edits: [TextEdit(range: range, replacement: spaces)])]))
                }
                i = j
                continue
            }
            if isInvisible(v, at: i, b) {
                var j = i + len
                var names = [Messages.name(v)]
                while j < n {
                    let (w, l) = ByteScan.scalar(b, j, n)
                    guard isInvisible(w, at: j, b) else { break }
                    if !names.contains(Messages.name(w)) { names.append(Messages.name(w)) }
                    j += l
                }
                let range = ByteRange(i, j)
                out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: range,
                                      message: Messages.invisible(names), tags: DiagnosticTag.unnecessaryOnly,
                                      fixes: [Fix(title: Messages.invisibleFix, edits: [.delete(range)])]))
                i = j
                continue
            }
            i += len
        }
        return out
    }

    func isInvisible(_ v: UInt32, at i: Int, _ b: [UInt8]) -> Bool {
        switch v {
        case 0x200B, 0x2060: return true
        case 0xFEFF: return i != 0
        case 0x200C, 0x200D:
            // Keep joiners inside emoji sequences and in scripts that use them (anything non-CJK above U+0590).
            let prev = ByteScan.scalar(before: i, b, lowerBound: 0)?.value ?? 0x20
            let next = i + 3 < b.count ? ByteScan.scalar(b, i + 3, b.count).value : 0x20
            let plain: (UInt32) -> Bool = { $0 < 0x0590 || ByteScan.isCJK($0) }
            return plain(prev) && plain(next)
        default: return false
        }
    }

    enum Messages {
        static func name(_ v: UInt32) -> String {
            switch v {
            case 0x200B: "zero-width space"
            case 0x2060: "word joiner"
            case 0xFEFF: "byte-order mark"
            case 0x200C: "zero-width non-joiner"
            default: "zero-width joiner"
            }
        }
        static func invisible(_ names: [String]) -> String {
            "Invisible character (\(names.joined(separator: ", "))). The fix deletes it."
        }
        static func nbsp(_ count: Int) -> String {
            "\(count) no-break spaces in a row (a converter's stand-in for spaces or tabs). The fix makes them plain spaces."
        }
        static let invisibleFix = "Delete invisible characters"
        static let nbspFix = "Replace no-break spaces with spaces"
    }
}
