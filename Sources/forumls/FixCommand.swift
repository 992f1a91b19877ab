// `forumls fix PATH... [--write | --stdout] [--dialect D] [--rules a,b]` and `forumls fix --jsonl`
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
import ForumMarkup

/// Applies the safe fixes ("Clean up document") to files, or to a JSON Lines stream.
///
/// `--stdout` (the default) prints the cleaned text; `--write` replaces each changed file atomically
/// (temporary file, then rename). `--jsonl` reads `{"id": ..., "text": ...}` lines on stdin and writes
/// `{"id", "text", "diagnostics"}` lines, in input order, using every core, in bounded memory; a
/// malformed line yields `{"id": null, "line": N, "error": "..."}` and processing goes on.
/// Exit status: 0 done, 2 usage or read/write error.
enum FixCommand {
    static let usage = "usage: forumls fix PATH... [--write | --stdout] [--dialect D] [--rules a,b]\n       forumls fix --jsonl [--dialect D] [--rules a,b]   (JSON Lines on stdin)"

    static func run(_ args: [String]) -> Int32 {
        let options: CommonOptions
        switch CommonOptions.parse(args, flagNames: ["--write", "--stdout", "--jsonl", "--help"], valueNames: ["--batch"]) {
        case .success(let o): options = o
        case .failure(let e): printError(e.message + "\n" + usage); return 2
        }
        if options.flags.contains("--help") { ByteOutput().write(usage + "\n"); return 0 }
        let analysisOptions = AnalysisOptions(cleanup: options.configuration)
        if options.flags.contains("--jsonl") {
            let batch = Int(options.values["--batch"] ?? "") ?? 256
            return JSONLinesFixer(options: analysisOptions, batchSize: max(1, batch)).run()
        }
        if options.flags.contains("--write") && options.flags.contains("--stdout") {
            printError("--write and --stdout exclude each other\n" + usage)
            return 2
        }
        guard !options.paths.isEmpty else { printError("no input files\n" + usage); return 2 }
        let files: [String]
        switch InputFiles.expand(options.paths) {
        case .success(let f): files = f
        case .failure(let e): printError(e.message); return 2
        }
        let write = options.flags.contains("--write")
        let out = ByteOutput()
        var status: Int32 = 0
        var changed = 0
        for file in files {
            let source: SourceText
            do {
                let input = try InputFile.read(file)
                if let note = input.note { printError(note) }
                source = input.source
            } catch {
                printError("\(error)")
                status = 2
                continue
            }
            let bytes = source.bytes
            let result = CleanupRunner.cleanUp(source, options: analysisOptions)
            if write {
                guard result.bytes != bytes else { continue }
                do {
                    try Data(result.bytes).write(to: URL(fileURLWithPath: file), options: .atomic)
                    changed += 1
                } catch {
                    printError("\(file): cannot write: \(error)")
                    status = 2
                }
            } else {
                out.write(bytes: result.bytes)
            }
        }
        out.flush()
        if write { printError("cleaned \(changed) of \(files.count) file(s)") }
        return status
    }
}

/// The `fix --jsonl` stream: batches of input lines are cleaned in parallel and written in order.
struct JSONLinesFixer {
    var options: AnalysisOptions
    var batchSize: Int

    struct Input: Decodable {
        var id: LineID?
        var text: String
    }

    /// A JSON Lines record id: echoed back as given (string, integer, other number, bool or null).
    enum LineID: Decodable {
        case string(String), int(Int), double(Double), bool(Bool), null
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let i = try? c.decode(Int.self) { self = .int(i) }
            else if let d = try? c.decode(Double.self) { self = .double(d) }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else { self = .string(try c.decode(String.self)) }
        }
        var json: String {
            switch self {
            case .string(let s): JSONText.quote(s)
            case .int(let i): String(i)
            case .double(let d): String(d)
            case .bool(let b): String(b)
            case .null: "null"
            }
        }
    }

    func run() -> Int32 {
        let out = ByteOutput()
        var lineNumber = 0
        var done = false
        while !done {
            var batch: [(Int, String)] = []
            batch.reserveCapacity(batchSize)
            while batch.count < batchSize {
                guard let line = readLine(strippingNewline: true) else { done = true; break }
                lineNumber += 1
                if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
                batch.append((lineNumber, line))
            }
            if batch.isEmpty { break }
            let results = ResultSlots(count: batch.count)
            let work = batch
            DispatchQueue.concurrentPerform(iterations: work.count) { i in
                results.set(i, process(work[i].1, line: work[i].0))
            }
            for text in results.values { out.write(text); out.write("\n") }
            out.flush()
        }
        out.flush()
        return 0
    }

    func process(_ line: String, line number: Int) -> String {
        let input: Input
        do {
            input = try JSONDecoder().decode(Input.self, from: Data(line.utf8))
        } catch {
            return "{\"id\":null,\"line\":\(number),\"error\":" + JSONText.quote("malformed input line \(number): expected {\"id\": ..., \"text\": \"...\"}") + "}"
        }
        let source = SourceText(input.text)
        let analysis = DocumentAnalysis(source: source, options: options)
        let cleaned = CleanupRunner.cleanUp(analysis)
        let index = PositionIndex(source, .utf32)
        let diagnostics = analysis.diagnostics.map { ReportRecord($0, index: index).json(file: nil) }.joined(separator: ",")
        return "{\"id\":" + (input.id ?? .null).json + ",\"text\":" + JSONText.quote(cleaned.text) + ",\"diagnostics\":[" + diagnostics + "]}"
    }
}

/// Per-index result storage written from `concurrentPerform` (each slot written once, by one thread).
final class ResultSlots: @unchecked Sendable {
    private(set) var values: [String]
    init(count: Int) { values = [String](repeating: "", count: count) }
    func set(_ index: Int, _ value: String) {
        values.withUnsafeMutableBufferPointer { $0[index] = value }
    }
}
