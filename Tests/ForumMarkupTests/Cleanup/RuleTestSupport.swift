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


/// The titles of the fixes of rule `code` in `text` that are offered but not safe, and the titles of the
/// safe ones that change the whole document's body text (`BodyText.of`; must be empty).
func readingChecked(_ code: String, _ text: String, dialect: Dialect = .discuz) -> (notSafe: [String], losing: [String]) {
    let options = AnalysisOptions(cleanup: CleanupConfiguration(dialect: dialect, only: [code]))
    let analysis = DocumentAnalysis(source: SourceText(text), options: options)
    var notSafe: [String] = [], losing: [String] = []
    for d in analysis.diagnostics {
        for fix in d.fixes {
            guard fix.isSafe else { notSafe.append(fix.title); continue }
            let fixedBytes = TextEdit.apply(fix.edits, to: Array(text.utf8))
            if DocumentAnalysis(source: SourceText(bytes: fixedBytes), options: options).bodyText != analysis.bodyText {
                losing.append(fix.title)
            }
        }
    }
    return (notSafe, losing)
}
