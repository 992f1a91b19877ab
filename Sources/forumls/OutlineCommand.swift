import Foundation
import ForumMarkup

/// `forumls outline FILE [--json] [--chrome]`: prints a document's outline.
///
/// Text form: the title, then one line per post (floor, author, date) and its headings indented by
/// level, each with its 1-based line. `--json` prints
/// `{"title", "titleLine", "posts": [{"line", "floor", "author", "date", "headings": [{"line", "level", "text"}]}]}`
/// with 1-based lines (`line` is null for a post whose header the page does not show);
/// `--chrome` adds `"chromeLines"` (1-based) and `"chromeKinds"` for inspection.
/// Exit status: 0 on success, 2 on bad usage or an unreadable file.
enum OutlineCommand {
    static let usage = "usage: forumls outline FILE [--json] [--chrome] [--dialect discuz|phpbb|vbulletin|xenforo|mybb]"

    static func run(_ args: [String]) -> Int32 {
        var path: String?
        var json = false
        var chrome = false
        var dialect = Dialect.discuz
        var i = 0
        while i < args.count {
            let arg = args[i]
            switch arg {
            case "--json": json = true
            case "--chrome": chrome = true
            case "--dialect":
                i += 1
                guard i < args.count, let d = Dialect(rawValue: args[i]) else {
                    FileHandle.standardError.write(Data((usage + "\n").utf8))
                    return 2
                }
                dialect = d
            case "-h", "--help":
                print(usage)
                return 0
            default:
                if arg.hasPrefix("-") || path != nil {
                    FileHandle.standardError.write(Data("forumls outline: unexpected argument \(arg)\n\(usage)\n".utf8))
                    return 2
                }
                path = arg
            }
            i += 1
        }
        guard let file = path else {
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            return 2
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("forumls outline: cannot read \(file)\n".utf8))
            return 2
        }
        let analysis = DocumentAnalysis(source: SourceText(bytes: [UInt8](data)), options: AnalysisOptions(dialect: dialect))
        let output = json ? jsonText(analysis, chrome: chrome) : plainText(analysis, chrome: chrome)
        FileHandle.standardOutput.write(Data(output.utf8))
        return 0
    }

    /// The indented text form (`Outline.dump()`), plus the chrome runs with `--chrome`.
    static func plainText(_ analysis: DocumentAnalysis, chrome: Bool) -> String {
        var out = analysis.outline.dump()
        if chrome { out += "chrome:\n" + analysis.structure.dumpChrome() }
        return out
    }

    /// The JSON form `../shared/corpus/predict.py` reads.
    static func jsonText(_ analysis: DocumentAnalysis, chrome: Bool) -> String {
        let outline = analysis.outline
        var out = "{\"title\": \(str(outline.title)), \"titleLine\": \(outline.titleLine.map { String($0 + 1) } ?? "null"), \"posts\": ["
        for (k, p) in outline.posts.enumerated() {
            if k > 0 { out += ", " }
            out += "{\"line\": \(p.post.headerLine.map { String($0 + 1) } ?? "null"), "
            out += "\"floor\": \(str(p.post.floorLabel)), \"author\": \(str(p.post.author)), \"date\": \(str(p.post.date)), "
            out += "\"bodyLine\": \(p.post.bodyLines.lowerBound + 1), \"headings\": ["
            for (m, h) in p.headings.enumerated() {
                if m > 0 { out += ", " }
                out += "{\"line\": \(h.line + 1), \"level\": \(h.level), \"text\": \(str(h.text))}"
            }
            out += "]}"
        }
        out += "]"
        if chrome {
            let structure = analysis.structure
            var lines: [String] = []
            var kinds: [String] = []
            for i in 0..<structure.roles.count {
                if let kind = structure.chromeKind(ofLine: i) {
                    lines.append(String(i + 1))
                    kinds.append("\"\(i + 1)\": \(str(kind.rawValue))")
                }
            }
            out += ", \"chromeLines\": [\(lines.joined(separator: ", "))], \"chromeKinds\": {\(kinds.joined(separator: ", "))}"
        }
        return out + "}\n"
    }

    /// A JSON string literal, or `null`.
    static func str(_ s: String?) -> String {
        guard let s = s else { return "null" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
