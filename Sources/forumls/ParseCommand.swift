import Foundation
import ForumLanguageServer
import ForumMarkup

/// `forumls parse FILE [--json] [--dialect NAME]`: the syntax tree as an indented dump, or as the
/// JSON that the `forumls/syntaxTree` request returns (positions in UTF-16).
enum ParseCommand {
    static let usage = "(usage: forumls parse FILE [--json] [--dialect discuz|phpbb|vbulletin|xenforo|mybb])"

    static func run(_ arguments: [String]) -> Int32 {
        // The same option parsing as check/fix (`--dialect`, `--opt=value`), one-line errors.
        let options: CommonOptions
        switch CommonOptions.parse(arguments, flagNames: ["--json"], valueNames: []) {
        case .success(let parsed): options = parsed
        case .failure(let error):
            InputFile.warn("forumls parse: \(error.message) \(usage)")
            return 2
        }
        let json = options.flags.contains("--json")
        let dialect = options.configuration.dialect
        let files = options.paths
        guard files.count == 1 else {
            InputFile.warn(files.isEmpty ? "forumls parse: no file given \(usage)" : "forumls parse: one file at a time \(usage)")
            return 2
        }
        do {
            let (source, note) = try InputFile.read(files[0])
            if let note { InputFile.warn(note) }
            let tree = Parser.parse(source, dialect: dialect)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                var data = try encoder.encode(SyntaxTreeJSON(tree, encoding: .utf16))
                data.append(0x0A)
                FileHandle.standardOutput.write(data)
            } else {
                FileHandle.standardOutput.write(Data(tree.dump().utf8))
            }
            return 0
        } catch {
            InputFile.warn("forumls parse: \(error)")
            return 2
        }
    }
}
