/// One rule's configured state: on/off and severity; nil fields keep the rule's defaults.
public struct RuleSetting: Sendable, Hashable {
    /// Whether the rule runs; nil keeps `enabledByDefault`.
    public var enabled: Bool?
    /// The severity reported; nil keeps `defaultSeverity`.
    public var severity: Severity?

    public init(enabled: Bool? = nil, severity: Severity? = nil) {
        self.enabled = enabled
        self.severity = severity
    }
}

/// What the clean-up runs and how it reports: the forum dialect, per-rule settings and an optional
/// allow-list of rule codes (the CLI's `--rules`).
///
/// Unknown rule codes in `rules` or `only` are ignored (configuration readers report them).
public struct CleanupConfiguration: Sendable, Hashable {
    /// The forum engine whose tags and argument grammars apply.
    public var dialect: Dialect
    /// Per-rule overrides keyed by rule code.
    public var rules: [String: RuleSetting]
    /// When set, only these rule codes run (enabled or not by default).
    public var only: Set<String>?

    public init(dialect: Dialect = .discuz, rules: [String: RuleSetting] = [:], only: Set<String>? = nil) {
        self.dialect = dialect
        self.rules = rules
        self.only = only
    }

    /// Whether `rule` runs under this configuration.
    public func isEnabled(_ rule: any CleanupRule.Type) -> Bool {
        if let only { return only.contains(rule.code) }
        return rules[rule.code]?.enabled ?? rule.enabledByDefault
    }

    /// The severity `rule` reports under this configuration.
    public func severity(of rule: any CleanupRule.Type) -> Severity {
        rules[rule.code]?.severity ?? rule.defaultSeverity
    }

    /// Parses a severity or switch word from configuration: `error`, `warning`, `info`/`information`,
    /// `hint`; `off`/`false` disables, `on`/`true` enables. Returns nil for anything else.
    public static func setting(fromWord word: String) -> RuleSetting? {
        switch word.lowercased() {
        case "off", "false", "none", "disabled": return RuleSetting(enabled: false)
        case "on", "true", "enabled": return RuleSetting(enabled: true)
        case "error": return RuleSetting(enabled: true, severity: .error)
        case "warning", "warn": return RuleSetting(enabled: true, severity: .warning)
        case "info", "information": return RuleSetting(enabled: true, severity: .information)
        case "hint": return RuleSetting(enabled: true, severity: .hint)
        default: return nil
        }
    }
}
