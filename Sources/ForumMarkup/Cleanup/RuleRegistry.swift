/// The list of clean-up rules, one line per rule; the runner runs them in this order.
///
/// A test lists `Cleanup/Rules/` and fails when a rule file has no line here, no `<Rule>Tests.swift`
/// and no section in `Protocol/diagnostics.md`.
public enum RuleRegistry {
    /// Every rule, markup rules first, then chrome, then text hygiene.
    public static let rules: [any CleanupRule.Type] = [
        UnclosedTag.self,
        StrayCloseTag.self,
        MisnestedTags.self,
        TruncatedTag.self,
        UnknownTag.self,
        InvalidTagArgument.self,
        EmptyTag.self,
        RedundantTag.self,
        StyleLeak.self,
        UnsafeUrl.self,
        ForumChrome.self,
        BlankLines.self,
        TrailingWhitespace.self,
        InvisibleCharacter.self,
        HtmlRemnant.self,
        AntiScrapeNoise.self,
        HalfwidthPunctuation.self,
        RepeatedFragment.self,
        ReplacementCharacter.self,
    ]

    /// The rule with code `code`, if any.
    public static func rule(_ code: String) -> (any CleanupRule.Type)? {
        rules.first { $0.code == code }
    }
}
