// `forumls check PATH... [--format text|json|sarif] [--dialect D] [--rules a,b]`
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ForumMarkup

/// Reports the clean-up findings of files and directories (walked for `.bbcode`, `.bbc`, `.forum`, `.txt`).
///
/// Output: text `file:line:col: severity code message`, a JSON list of
/// `{"file", "line", "column", "endLine", "endColumn", "severity", "code", "message"}` (1-based; columns count
/// Unicode scalars), or SARIF 2.1.0. Exit status: 0 no findings, 1 findings, 2 usage or read error.
enum CheckCommand {
    static let usage = "usage: forumls check PATH... [--format text|json|sarif] [--dialect D] [--rules a,b]"

    static func run(_ args: [String]) -> Int32 {
        let options: CommonOptions
        switch CommonOptions.parse(args, flagNames: ["--help"], valueNames: ["--format"]) {
        case .success(let o): options = o
        case .failure(let e): printError(e.message + "\n" + usage); return 2
        }
        if options.flags.contains("--help") { ByteOutput().write(usage + "\n"); return 0 }
        let format = options.values["--format"] ?? "text"
        guard ["text", "json", "sarif"].contains(format) else { printError("unknown format '\(format)'\n" + usage); return 2 }
        guard !options.paths.isEmpty else { printError("no input files\n" + usage); return 2 }
        let files: [String]
        switch InputFiles.expand(options.paths) {
        case .success(let f): files = f
        case .failure(let e): printError(e.message); return 2
        }
        let out = ByteOutput()
        var findings = 0
        var readError = false
        var jsonItems: [String] = []
        var sarifResults: [String] = []
        for file in files {
            let source: SourceText
            do {
                let input = try InputFile.read(file)
                if let note = input.note { printError(note) }
                source = input.source
            } catch {
                printError("\(error)")
                readError = true
                continue
            }
            let analysis = DocumentAnalysis(source: source, options: AnalysisOptions(cleanup: options.configuration))
            findings += analysis.diagnostics.count
            let index = PositionIndex(source, .utf32)
            for d in analysis.diagnostics {
                let r = ReportRecord(d, index: index)
                switch format {
                case "json": jsonItems.append(r.json(file: file))
                case "sarif": sarifResults.append(sarifResult(r, file: file))
                default: out.write("\(file):\(r.line):\(r.column): \(d.severity.name) \(d.code) \(d.message)\n")
                }
            }
        }
        if format == "json" { out.write("[" + jsonItems.joined(separator: ",\n") + "]\n") }
        if format == "sarif" { out.write(sarif(sarifResults)) }
        out.flush()
        if readError { return 2 }
        return findings > 0 ? 1 : 0
    }

    static func sarifResult(_ r: ReportRecord, file: String) -> String {
        let level: String
        switch r.diagnostic.severity {
        case .error: level = "error"
        case .warning: level = "warning"
        default: level = "note"
        }
        return "{\"ruleId\":\(JSONText.quote(r.diagnostic.code)),\"level\":\"\(level)\",\"message\":{\"text\":\(JSONText.quote(r.diagnostic.message))},"
            + "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\(JSONText.quote(file))},"
            + "\"region\":{\"startLine\":\(r.line),\"startColumn\":\(r.column),\"endLine\":\(r.endLine),\"endColumn\":\(r.endColumn)}}}]}"
    }

    static func sarif(_ results: [String]) -> String {
        let rules = RuleRegistry.rules.map { rule in
            "{\"id\":\(JSONText.quote(rule.code)),\"shortDescription\":{\"text\":\(JSONText.quote(rule.summary))},"
                + "\"defaultConfiguration\":{\"level\":\"\(rule.defaultSeverity == .error ? "error" : rule.defaultSeverity == .warning ? "warning" : "note")\",\"enabled\":\(rule.enabledByDefault)}}"
        }
        return "{\"version\":\"2.1.0\",\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"runs\":[{"
            + "\"tool\":{\"driver\":{\"name\":\"forumls\",\"rules\":[" + rules.joined(separator: ",") + "]}},"
            + "\"columnKind\":\"unicodeCodePoints\",\"results\":[" + results.joined(separator: ",\n") + "]}]}\n"
    }
}
