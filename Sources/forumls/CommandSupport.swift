// Shared pieces of the `check` and `fix` subcommands: options, input files, positions, JSON text.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ForumMarkup

/// Options shared by `check` and `fix`: the paths, the dialect and an optional rule allow-list.
struct CommonOptions {
    var paths: [String] = []
    var configuration = CleanupConfiguration()
    var flags: Set<String> = []
    var values: [String: String] = [:]

    /// Parses `args`; `flagNames` take no value, `valueNames` take the next argument. Returns an error text on bad usage.
    static func parse(_ args: [String], flagNames: Set<String>, valueNames: Set<String>) -> Result<CommonOptions, UsageError> {
        var options = CommonOptions()
        var i = 0
        while i < args.count {
            let arg = args[i]
            var name = arg
            var inline: String?
            if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                inline = String(arg[arg.index(after: eq)...])
            }
            if flagNames.contains(name) {
                options.flags.insert(name)
            } else if valueNames.contains(name) || name == "--dialect" || name == "--rules" {
                guard let value = inline ?? (i + 1 < args.count ? args[i + 1] : nil) else {
                    return .failure(UsageError("\(name) needs a value"))
                }
                if inline == nil { i += 1 }
                switch name {
                case "--dialect":
                    guard let d = Dialect(rawValue: value.lowercased()) else {
                        return .failure(UsageError("unknown dialect '\(value)' (discuz, phpbb, vbulletin, xenforo, mybb)"))
                    }
                    options.configuration.dialect = d
                case "--rules":
                    let codes = Set(value.split(separator: ",").map { String($0.filter { $0 != " " }) })
                    for code in codes where RuleRegistry.rule(code) == nil {
                        return .failure(UsageError("unknown rule '\(code)'"))
                    }
                    options.configuration.only = codes
                default:
                    options.values[name] = value
                }
            } else if arg.hasPrefix("-") && arg != "-" {
                return .failure(UsageError("unknown option '\(arg)'"))
            } else {
                options.paths.append(arg)
            }
            i += 1
        }
        return .success(options)
    }
}

/// A command-line usage problem (exit status 2).
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Input files: plain paths as given; directories walked for forum-markup extensions, sorted.
enum InputFiles {
    static let extensions: Set<String> = ["bbcode", "bbc", "forum", "txt"]

    /// The files to read, or the first path that does not exist.
    static func expand(_ paths: [String]) -> Result<[String], UsageError> {
        var out: [String] = []
        let fm = FileManager.default
        for path in paths {
            guard let isDirectory = kind(path) else {
                return .failure(UsageError("\(path): no such file or directory"))
            }
            if isDirectory {
                let subpaths = (try? fm.subpathsOfDirectory(atPath: path)) ?? []
                for sub in subpaths.sorted() {
                    guard let dot = sub.lastIndex(of: "."), extensions.contains(String(sub[sub.index(after: dot)...]).lowercased()) else { continue }
                    let full = path.hasSuffix("/") ? path + sub : path + "/" + sub
                    if kind(full) == false { out.append(full) }
                }
            } else {
                out.append(path)
            }
        }
        return .success(out)
    }

    /// True for a directory, false for another existing file, nil when `path` does not exist.
    static func kind(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }
}

/// One diagnostic with 1-based line/column positions (columns count Unicode scalars; a range that ends
/// a line ends at column 1 of the next line).
struct ReportRecord {
    var line: Int, column: Int, endLine: Int, endColumn: Int
    var diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic, in source: SourceText) {
        self.init(diagnostic, index: PositionIndex(source, .utf32))
    }

    /// Uses `index` (UTF-32 columns), shared by all diagnostics of a file so that conversions stay
    /// cheap on very long lines.
    init(_ diagnostic: Diagnostic, index: PositionIndex) {
        let (start, end) = index.positions(of: diagnostic.range)
        line = start.line + 1
        column = start.column + 1
        endLine = end.line + 1
        endColumn = end.column + 1
        self.diagnostic = diagnostic
    }

    /// `{"line", "column", "endLine", "endColumn", "severity", "code", "message"}` (plus `"file"` when given).
    func json(file: String?) -> String {
        var s = "{"
        if let file { s += "\"file\":" + JSONText.quote(file) + "," }
        s += "\"line\":\(line),\"column\":\(column),\"endLine\":\(endLine),\"endColumn\":\(endColumn),"
        s += "\"severity\":\"\(diagnostic.severity.name)\",\"code\":" + JSONText.quote(diagnostic.code)
        s += ",\"message\":" + JSONText.quote(diagnostic.message) + "}"
        return s
    }
}

/// Minimal JSON text writing (the CLI's output shapes are fixed and small).
enum JSONText {
    /// `text` as a JSON string literal.
    static func quote(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 2)
        out.append(0x22)
        for b in text.utf8 {
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}

/// Buffered writes to a file descriptor (stdout is the default).
final class ByteOutput {
    private var buffer: [UInt8] = []
    private let fd: Int32
    init(fd: Int32 = 1) { self.fd = fd }
    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }
    func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }
    func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes a line to stderr.
func printError(_ text: String) {
    let out = ByteOutput(fd: 2)
    out.write("forumls: " + text + "\n")
    out.flush()
}
