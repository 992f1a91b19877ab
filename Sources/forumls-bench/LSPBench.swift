// The language server over real pipes against a built `forumls` binary: cold start, open, requests,
// incremental edits and peak memory per document size, one fresh server process per size.
import Foundation

/// What one document size measured, times in milliseconds.
struct SizeResult {
    /// The document's size in bytes as asked (10 KB = 10,240).
    var nominalBytes: Int
    /// The document's actual UTF-8 size (whole posts, so slightly more than asked).
    var bytes: Int
    /// Diagnostics published for version 1.
    var diagnostics = 0
    /// `didOpen` written -> its `publishDiagnostics` read off the pipe; and then decoded (JSONDecoder,
    /// sizes up to 10 MB).
    var openRead = 0.0, openDecoded: Double?
    /// `textDocument/documentSymbol` round trip (response read) and top-level symbols returned.
    var symbols = 0.0, symbolCount = 0
    /// `textDocument/codeAction` with `only: ["source.fixAll"]` over the whole document, and its edits.
    var fixAll = 0.0, fixAllEdits = 0
    /// Edit -> diagnostics times when this size got the edit series: read off the pipe; read and
    /// checked (uri, version); read and decoded with JSONDecoder, and that decode alone (both for
    /// every `--decode-every`th edit only).
    var editsRead: [Double] = [], editsChecked: [Double] = [], editsDecoded: [Double] = [], decodeAlone: [Double] = []
    /// The edit series stopped at the budget before all asked edits ran.
    var editsCut = false
    /// VmHWM and VmRSS after `shutdown`, in KiB.
    var peakKiB: Int?, residentKiB: Int?
    /// Wall time of this size's session, in seconds.
    var wallSeconds = 0.0
    /// Protocol errors (error responses, bad exit status); empty when all went well.
    var problems: [String] = []
}

/// The whole LSP run: cold starts and one `SizeResult` per size.
struct LSPResults {
    var coldStarts: [Double] = []
    var sizes: [SizeResult] = []
    /// The 100 MB document, when `--with-100mb` asked for it.
    var growthOnly: SizeResult?
    var totalSeconds = 0.0
}

/// Runs the LSP measurements and prints their tables.
enum LSPBench {
    static let kilobyte = 1 << 10
    static let megabyte = 1 << 20
    /// The table's sizes; the edit series runs on the 1 MB document.
    static let sizes = [10 * kilobyte, megabyte, 10 * megabyte]
    static let editSize = megabyte

    /// Measures everything `options` asks for against the `server` binary and prints the report;
    /// returns the process exit status.
    static func run(_ options: BenchOptions, server: String) -> Int32 {
        print("LSP over pipes: \(server) (one fresh server per size; \(options.clean ? "clean posts" : "scraped-page documents"))")
        let clock = ContinuousClock()
        let started = clock.now
        var results = LSPResults()
        do {
            for _ in 0..<options.coldRuns { results.coldStarts.append(try coldStart(server)) }
            for size in sizes {
                progress("\(LSPReport.sizeLabel(size)) document" + (size == editSize ? " (+\(options.edits) edits)" : ""))
                results.sizes.append(try measure(server: server, bytes: size, options: options,
                                                  edits: size == editSize ? options.edits : 0))
            }
            if options.with100MB {
                progress("100 MB document")
                results.growthOnly = try measure(server: server, bytes: 100 * megabyte, options: options, edits: 0)
            }
        } catch {
            FileHandle.standardError.write(Data("forumls-bench: LSP run failed: \(error)\n".utf8))
            return 1
        }
        results.totalSeconds = seconds(clock.now - started)
        LSPReport.print(results, options)
        return results.sizes.contains { !$0.problems.isEmpty } || !(results.growthOnly?.problems.isEmpty ?? true) ? 1 : 0
    }

    /// Says on stderr which part runs now (the run takes minutes; stdout stays the report).
    static func progress(_ part: String) {
        FileHandle.standardError.write(Data("forumls-bench: LSP: \(part)...\n".utf8))
    }

    /// `--server`, or `forumls` in the folder of this executable; exits with advice when it is missing.
    static func serverPath(_ options: BenchOptions) -> String {
        let path = options.server ?? URL(fileURLWithPath: executablePath()).deletingLastPathComponent()
            .appendingPathComponent("forumls").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            fail("no forumls server binary at \(path): build it first with `swift build -c release` "
                 + "(same --scratch-path as this bench), or pass --server PATH", usage: false)
        }
        if options.server == nil, let server = modified(path), let bench = modified(executablePath()), server < bench - 120 {
            FileHandle.standardError.write(Data(("forumls-bench: warning: \(path) is older than this bench binary; "
                + "`swift run` builds only the bench, run `swift build -c release` to rebuild the server\n").utf8))
        }
        return path
    }

    /// This executable's path (from /proc/self/exe, else argv[0]).
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// A file's modification time in seconds since 1970, if it exists.
    static func modified(_ path: String) -> Double? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date)?.timeIntervalSince1970
    }

    /// Spawn -> `initialize` result read, in ms, for one fresh process (then shut down).
    static func coldStart(_ server: String) throws -> Double {
        let client = try LSPClient(path: server, log: options.serverLog)
        defer { client.kill() }
        let ready = try client.initialize()
        let ms = milliseconds(ready - client.spawnedAt)
        _ = try client.close()
        return ms
    }

    /// One fresh server with a generated document of about `bytes`: open, symbols, fix-all, `edits`
    /// incremental edits, then shutdown and memory.
    static func measure(server: String, bytes nominal: Int, options: BenchOptions, edits: Int) throws -> SizeResult {
        let text = BenchDocument.make(bytes: nominal, clean: options.clean)
        var result = SizeResult(nominalBytes: nominal, bytes: text.utf8.count)
        let uri = "file:///bench/thread-\(LSPReport.sizeLabel(nominal).replacingOccurrences(of: " ", with: "")).bbcode"
        let textDocument = "{\"uri\":\(JSONText.string(uri))}"
        let client = try LSPClient(path: server, log: options.serverLog)
        defer { client.kill() }
        let clock = client.clock
        let started = clock.now
        _ = try client.initialize()
        try client.notify("initialized", params: "{}")

        // didOpen -> diagnostics: the message is encoded before the timer starts.
        var open = Array("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":".utf8)
        JSONText.append(uri, to: &open)
        open += Array(",\"languageId\":\"bbcode\",\"version\":1,\"text\":".utf8)
        JSONText.append(text, to: &open)
        open += Array("}}}".utf8)
        let framedOpen = JSONText.frame(open)
        open = []
        let openSent = clock.now
        try client.send(framedOpen)
        let opened = try client.waitForDiagnostics(uri: uri, version: 1, decode: nominal <= 10 * megabyte)
        result.openRead = milliseconds(opened.readAt - openSent)
        result.openDecoded = opened.decodedAt.map { milliseconds($0 - openSent) }
        result.diagnostics = opened.count

        let symbols = try client.request("textDocument/documentSymbol", params: "{\"textDocument\":\(textDocument)}")
        result.symbols = milliseconds(symbols.readAt - symbols.sentAt)
        result.symbolCount = (symbols.response["result"] as? [Any])?.count ?? 0
        if let error = symbols.response["error"] { result.problems.append("documentSymbol error: \(error)") }

        let last = BenchDocument.endPosition(text)
        let end = "{\"line\":\(last.line),\"character\":\(last.character)}"
        let fixAll = try client.request("textDocument/codeAction", params: "{\"textDocument\":\(textDocument),"
            + "\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":\(end)},"
            + "\"context\":{\"diagnostics\":[],\"only\":[\"source.fixAll\"]}}")
        result.fixAll = milliseconds(fixAll.readAt - fixAll.sentAt)
        result.fixAllEdits = countEdits(fixAll.response["result"])
        if let error = fixAll.response["error"] { result.problems.append("codeAction error: \(error)") }

        if edits > 0 {
            var generator = EditGenerator(text: text, seed: options.seed)
            let seriesStarted = clock.now
            for k in 0..<edits {
                if seconds(clock.now - seriesStarted) > options.editBudgetSeconds {
                    result.editsCut = true
                    break
                }
                let version = k + 2
                let edit = generator.next()
                let position = "{\"line\":\(edit.line),\"character\":\(edit.character)}"
                if options.traceEdits {
                    FileHandle.standardError.write(Data("forumls-bench: edit v\(version): insert \(edit.text) at \(position)\n".utf8))
                }
                let framed = LSPClient.notification("textDocument/didChange", params:
                    "{\"textDocument\":{\"uri\":\(JSONText.string(uri)),\"version\":\(version)},\"contentChanges\":"
                    + "[{\"range\":{\"start\":\(position),\"end\":\(position)},\"text\":\(JSONText.string(edit.text))}]}")
                let sent = clock.now
                try client.send(framed)
                let decode = options.decodeEvery > 0 && k % options.decodeEvery == 0
                let published = try client.waitForDiagnostics(uri: uri, version: version, decode: decode)
                result.editsRead.append(milliseconds(published.readAt - sent))
                result.editsChecked.append(milliseconds(published.checkedAt - sent))
                if let decodedAt = published.decodedAt {
                    result.editsDecoded.append(milliseconds(decodedAt - sent))
                    result.decodeAlone.append(milliseconds(decodedAt - published.checkedAt))
                }
            }
        }

        let closed = try client.close()
        result.peakKiB = closed.peakKiB
        result.residentKiB = closed.residentKiB
        if closed.status != 0 { result.problems.append("server exit status \(closed.status) after shutdown/exit") }
        result.wallSeconds = seconds(clock.now - started)
        return result
    }

    /// The number of text edits in a codeAction result (`edit.changes` and `edit.documentChanges`).
    static func countEdits(_ result: Any?) -> Int {
        var count = 0
        for case let action as [String: Any] in (result as? [Any]) ?? [] {
            guard let edit = action["edit"] as? [String: Any] else { continue }
            for case let edits as [Any] in ((edit["changes"] as? [String: Any]) ?? [:]).values { count += edits.count }
            for case let change as [String: Any] in (edit["documentChanges"] as? [Any]) ?? [] {
                count += (change["edits"] as? [Any])?.count ?? 0
            }
        }
        return count
    }

    /// A duration in milliseconds.
    static func milliseconds(_ duration: Duration) -> Double { seconds(duration) * 1000 }
}
