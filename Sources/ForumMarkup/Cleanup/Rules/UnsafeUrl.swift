/// Flags a link or image whose URL runs code or embeds content: `javascript:`, `vbscript:` or
/// `data:` in `[url]`, `[url=…]`, `[img]` or `[email]` (read as browsers do: case, leading spaces and
/// tabs inside the scheme do not hide it). forumls never links such URLs.
///
/// Fix (safe): remove the tags that make it a link or image; the URL and any link text stay as
/// plain, inert text.
public struct UnsafeUrl: CleanupRule {
    public static let code = "unsafe-url"
    public static let defaultSeverity = Severity.warning
    public static let summary = "A link or image URL with a javascript:, vbscript: or data: scheme."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        DocumentLinkScanner.scan(context.tree).unsafe.map { url in
            let fixes = url.tags.isEmpty ? [] : [Fix(title: Messages.fixTitle, edits: url.tags.map { .delete($0) })]
            return Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: url.range,
                              message: Messages.message(url.scheme), fixes: fixes)
        }
    }

    enum Messages {
        static func message(_ scheme: String) -> String {
            "A \(scheme): URL runs code or embeds content when followed; it is not linked. The fix removes the link "
                + "tags and keeps the text."
        }
        static let fixTitle = "Remove the unsafe link, keep its text"
    }
}
