import Foundation

/// The command line of `forumls-bench`: which parts run and how.
struct BenchOptions: Sendable {
    /// Run the stage throughput table (`--lsp-only` turns it off).
    var runStages = true
    /// Run the LSP-over-pipes table (`--stages-only` turns it off).
    var runLSP = true

    // Stage table.
    /// Size of the stage corpus in MB (MiB); at least 50 for the published table.
    var megabytes = 50
    /// Size of each corpus document in KB (KiB).
    var documentKB = 1024
    /// Corpus input files; empty means the repository's samples, fixtures and ../shared/corpus/docs.
    var files: [String] = []
    /// Bench generated pages of many short lines instead of the corpus.
    var shortLines = false
    /// Only stages whose name contains this text run (plus the byte scan), for profiling.
    var only: String?

    // LSP table.
    /// The `forumls` binary to drive; nil means the one next to this executable.
    var server: String?
    /// Single-character incremental edits on the 1 MB document.
    var edits = 500
    /// The edit series stops after this many seconds (the table says how many edits ran).
    var editBudgetSeconds = 600.0
    /// Appends the servers' stderr to this file (else it is discarded); see `FORUMLS_LOG`.
    var serverLog: String?
    /// Prints each edit (version, position, character) to stderr, to replay an interesting one.
    var traceEdits = false
    /// Every Nth edit's diagnostics are also decoded in full with JSONDecoder (0: never); the
    /// others are only checked with `JSONPeek`, as a full decode costs more than the server's work.
    var decodeEvery = 10
    /// Fresh processes for the spawn -> initialize figure.
    var coldRuns = 5
    /// Seed of the edit positions and characters.
    var seed: UInt64 = 7
    /// Also open a 100 MB document for the cost-growth table (slow, several GB of memory).
    var with100MB = false
    /// Well-formed posts only (few diagnostics) instead of the scraped-page document.
    var clean = false

    static let usage = """
        usage: forumls-bench [--stages-only | --lsp-only] [stage options] [LSP options]
          stage table:  --mb N (corpus MB, default 50)  --doc-kb N (default 1024)  --short-lines
                        --only STAGE  [FILE...] (default: Samples, Tests/Fixtures, ../shared/corpus/docs)
          LSP table:    --server PATH (default: forumls next to this binary)  --edits N (default 500)
                        --edit-budget SECONDS (default 600)  --runs N (cold starts, default 5)
                        --decode-every N (full JSONDecoder decode of every Nth edit's diagnostics, default 10)
                        --seed N (default 7)  --with-100mb  --clean
                        --trace-edits (each edit on stderr)  --server-log FILE (append the servers' stderr; FORUMLS_LOG=debug logs each publish)
        """

    /// Parses `arguments` (without the program name); prints the usage and exits on a bad flag.
    static func parse(_ arguments: [String]) -> BenchOptions {
        var options = BenchOptions()
        var args = arguments[...]
        func value(_ flag: String) -> String {
            guard let value = args.popFirst() else { fail("\(flag) needs a value") }
            return value
        }
        func number<T: LosslessStringConvertible>(_ flag: String) -> T {
            let text = value(flag)
            guard let n = T(text) else { fail("\(flag): not a number: \(text)") }
            return n
        }
        while let arg = args.popFirst() {
            switch arg {
            case "--stages-only": options.runLSP = false
            case "--lsp-only": options.runStages = false
            case "--mb": options.megabytes = number(arg)
            case "--doc-kb": options.documentKB = number(arg)
            case "--short-lines": options.shortLines = true
            case "--only": options.only = value(arg)
            case "--server": options.server = value(arg)
            case "--edits": options.edits = number(arg)
            case "--edit-budget": options.editBudgetSeconds = number(arg)
            case "--server-log": options.serverLog = value(arg)
            case "--trace-edits": options.traceEdits = true
            case "--decode-every": options.decodeEvery = max(0, number(arg))
            case "--runs": options.coldRuns = max(1, number(arg))
            case "--seed": options.seed = number(arg)
            case "--with-100mb": options.with100MB = true
            case "--clean": options.clean = true
            case "-h", "--help":
                print(usage)
                exit(0)
            default:
                if arg.hasPrefix("--") { fail("unknown flag \(arg)") }
                options.files.append(arg)
            }
        }
        if !options.runStages && !options.runLSP { fail("--stages-only and --lsp-only exclude each other") }
        return options
    }
}

/// Prints `message` (and with `usage` the usage) to stderr and exits with status 2.
func fail(_ message: String, usage: Bool = true) -> Never {
    FileHandle.standardError.write(Data("forumls-bench: \(message)\n\(usage ? BenchOptions.usage + "\n" : "")".utf8))
    exit(2)
}
