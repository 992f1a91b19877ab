/// How serious a finding is; raw values are LSP's `DiagnosticSeverity`.
public enum Severity: Int, Sendable, CaseIterable {
    case error = 1, warning = 2, information = 3, hint = 4

    /// The lower-case name used in configuration and CLI output.
    public var name: String {
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .information: "info"
        case .hint: "hint"
        }
    }
}

/// Extra marks on a diagnostic; raw values are LSP's `DiagnosticTag`.
public enum DiagnosticTag: Int, Sendable {
    /// Editors fade the range (forum chrome, noise).
    case unnecessary = 1
}

/// A second place a diagnostic points at (the partner tag of a close tag, say).
public struct RelatedLocation: Sendable, Hashable {
    public var range: ByteRange
    public var message: String
    public init(range: ByteRange, message: String) {
        self.range = range
        self.message = message
    }
}

/// A fix for one diagnostic: a set of non-overlapping byte edits.
public struct Fix: Sendable, Hashable {
    /// What the fix does, shown as the code action's title.
    public var title: String
    /// The edits, against the analysed text.
    public var edits: [TextEdit]
    /// Whether the fix is part of "Clean up document" (safe: removes only markup, chrome or noise).
    public var isSafe: Bool
    public init(title: String, edits: [TextEdit], isSafe: Bool = true) {
        self.title = title
        self.edits = edits
        self.isSafe = isSafe
    }
}

/// One finding about a document: what is wrong, where (bytes), and how to fix it.
public struct Diagnostic: Sendable, Hashable {
    /// The stable kebab-case rule code, e.g. `style-leak`.
    public var code: String
    public var severity: Severity
    /// The bytes concerned: the tag for tag rules, the whole line for line rules.
    public var range: ByteRange
    /// What is wrong and what the fix does.
    public var message: String
    public var tags: [DiagnosticTag]
    public var related: [RelatedLocation]
    /// Fixes, preferred first.
    public var fixes: [Fix]

    public init(code: String, severity: Severity, range: ByteRange, message: String,
                tags: [DiagnosticTag] = [], related: [RelatedLocation] = [], fixes: [Fix] = []) {
        self.code = code
        self.severity = severity
        self.range = range
        self.message = message
        self.tags = tags
        self.related = related
        self.fixes = fixes
    }
}
