/// Flags U+FFFD replacement characters and bytes that are not valid UTF-8: text lost to a wrong
/// encoding somewhere between the forum and the file (mojibake).
///
/// The characters that were there cannot be recovered from the file, so the fix is offered but is not
/// part of "Clean up document": re-fetching or re-decoding the source is the real cure.
///
/// Fix (not safe, offered only): delete the replacement characters.
public struct ReplacementCharacter: CleanupRule {
    public static let code = "replacement-character"
    public static let defaultSeverity = Severity.warning
    public static let summary = "U+FFFD replacement characters and invalid UTF-8 (mojibake)."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let b = context.bytes
        let n = b.count
        var out: [Diagnostic] = []
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            // A well-formed 3-byte sequence other than EF BF BD cannot be U+FFFD or malformed.
            if c >= 0xE1, c <= 0xEC, i + 2 < n, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 { i += 3; continue }
            let (v, len) = ByteScan.scalar(b, i, n)
            guard v == 0xFFFD else { i += len; continue }
            var j = i + len
            var count = 1
            while j < n, b[j] >= 0x80 {
                let (w, l) = ByteScan.scalar(b, j, n)
                guard w == 0xFFFD else { break }
                j += l
                count += 1
            }
            let range = ByteRange(i, j)
            out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: range,
                                  message: Messages.message(count),
                                  fixes: [Fix(title: Messages.fixTitle, edits: [.delete(range)], isSafe: false)]))
            i = j
        }
        return out
    }

    enum Messages {
        static func message(_ count: Int) -> String {
            count == 1
                ? "Replacement character: a character was lost to a wrong text encoding. Re-decode the source if you can; the fix deletes it."
                : "\(count) replacement characters: text was lost to a wrong text encoding. Re-decode the source if you can; the fix deletes them."
        }
        static let fixTitle = "Delete replacement characters"
    }
}
