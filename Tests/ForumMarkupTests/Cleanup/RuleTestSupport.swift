import ForumMarkup

/// Runs one rule (by code) over `text` the way the runner does (guard included).
func findings(_ code: String, _ text: String, dialect: Dialect = .discuz) -> [Diagnostic] {
    let options = AnalysisOptions(cleanup: CleanupConfiguration(dialect: dialect, only: [code]))
    return DocumentAnalysis(source: SourceText(text), options: options).diagnostics
}

/// The text after one pass of the preferred fix of every finding of rule `code`.
func fixed(_ code: String, _ text: String, dialect: Dialect = .discuz, safeOnly: Bool = false) -> String {
    let diagnostics = findings(code, text, dialect: dialect)
    let fixes = diagnostics.compactMap { d in safeOnly ? d.fixes.first(where: \.isSafe) : d.fixes.first }
    let edits = CleanupRunner.merge(fixes)
    return String(decoding: TextEdit.apply(edits, to: Array(text.utf8)), as: UTF8.self)
}

/// The flagged texts of rule `code` in `text`.
func flagged(_ code: String, _ text: String, dialect: Dialect = .discuz) -> [String] {
    let source = SourceText(text)
    return findings(code, text, dialect: dialect).map { source.text($0.range) }
}

