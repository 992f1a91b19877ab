/// Decides whether a URL written in a post uses a scheme that runs code or smuggles content
/// (`javascript:`, `vbscript:`, `data:`): such URLs are never linked and are flagged `unsafe-url`.
public enum URLSafety {
    /// The schemes refused, lower case, without the colon.
    public static let unsafeSchemes = ["javascript", "vbscript", "data"]

    /// The unsafe scheme `url` starts with (lower case), or nil when it is safe.
    ///
    /// Reads the way browsers do: leading spaces, control characters and a quote are skipped, and
    /// tabs and line breaks inside the scheme are ignored (`java\tscript:`); ASCII case is ignored.
    public static func unsafeScheme(_ url: ArraySlice<UInt8>) -> String? {
        var scheme: [UInt8] = []
        var i = url.startIndex
        while i < url.endIndex && (url[i] <= 0x20 || url[i] == 0x22 || url[i] == 0x27) { i += 1 }
        while i < url.endIndex && scheme.count <= 16 {
            let c = url[i]
            if c == 0x3A { break }
            if c == 0x09 || c == 0x0A || c == 0x0D {
                i += 1
                continue
            }
            let lower = TagCatalog.asciiLower(c)
            guard lower >= 0x61 && lower <= 0x7A else { return nil }
            scheme.append(lower)
            i += 1
        }
        guard i < url.endIndex, url[i] == 0x3A else { return nil }
        let name = String(decoding: scheme, as: UTF8.self)
        return unsafeSchemes.contains(name) ? name : nil
    }

    /// True when `url` has an explicit scheme (`https:`, `mailto:`, `thunder:`): letters first, then
    /// letters, digits, `+`, `-` or `.`, then `:`.
    public static func hasScheme(_ url: ArraySlice<UInt8>) -> Bool {
        var i = url.startIndex
        guard i < url.endIndex, isLetter(url[i]) else { return false }
        while i < url.endIndex {
            let c = url[i]
            if c == 0x3A { return i > url.startIndex }
            guard isLetter(c) || (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E else { return false }
            i += 1
        }
        return false
    }

    static func isLetter(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) }
}
