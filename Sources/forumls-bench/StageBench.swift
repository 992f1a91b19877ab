// Throughput of the analysis stages over a >= 50 MB corpus, each next to a plain byte scan measured
// in the same run (so the ratio, not the machine, is what to compare).
import Foundation
import ForumMarkup
import ForumLanguageServer

/// The stage throughput table: MB/s per analysis stage and its ratio to a byte scan.
enum StageBench {
    /// Builds the corpus, measures every stage (best of three) and prints the table.
    static func run(_ options: BenchOptions) {
        let documents = options.shortLines
            ? (0..<max(1, (options.megabytes << 10) / max(1, options.documentKB))).map {
                shortLineDocument(bytes: options.documentKB << 10, seed: UInt64($0))
            }
            : buildCorpus(options.files.isEmpty ? defaultFiles() : options.files, megabytes: options.megabytes,
                          documentBytes: options.documentKB << 10)
        let bytes = documents.reduce(0) { $0 + $1.count }
        let mb = Double(bytes) / Double(1 << 20)
        let sources = documents.map { SourceText(bytes: $0) }
        print(String(format: "corpus: %.1f MB in %d documents%@", mb, documents.count, options.shortLines ? " (short lines)" : ""))
        if let dump = ProcessInfo.processInfo.environment["FORUMLS_BENCH_DUMP"], let first = documents.first {
            FileManager.default.createFile(atPath: dump, contents: Data(first))
        }
        let only = options.only
        func measure(_ stage: String, _ body: () -> Int) -> Double { bestOfThree(stage, only: only, body) }

        let scan = measure("") { byteScan(documents) }
        var rows: [(String, Double)] = [("byte scan ([ and newlines)", scan)]
        rows.append(("line index (SourceText)", measure("") { documents.reduce(0) { $0 + SourceText(bytes: $1).lineCount } }))
        rows.append(("lex", measure("") { documents.reduce(0) { $0 + Lexer.tokenize($1).count } }))
        rows.append(("lex + parse", measure("") { sources.reduce(0) { $0 + Parser.parse($1).nodes.count } }))
        let trees = sources.map { Parser.parse($0) }
        let structures = trees.map { PageStructure(tree: $0) }
        rows.append(("page structure (title, posts, chrome)", measure("page structure") {
            trees.reduce(0) { $0 + PageStructure(tree: $1).posts.count }
        }))
        rows.append(("outline (given structure)", measure("outline") {
            zip(trees, structures).reduce(0) { $0 + OutlineBuilder.build(tree: $1.0, structure: $1.1).posts.count }
        }))
        rows.append(("all rules (given structure)", measure("all rules") {
            zip(trees, structures).reduce(0) { total, pair in
                total + CleanupRunner.diagnostics(for: ruleContext(pair.0, pair.1), configuration: CleanupConfiguration()).count
            }
        }))
        let analyses = only == nil ? sources.map { DocumentAnalysis(source: $0) } : []
        rows.append(("all rules, fixes unchecked (publishing)", measure("all rules, fixes unchecked") {
            zip(trees, structures).reduce(0) { total, pair in
                total + CleanupRunner.findings(for: ruleContext(pair.0, pair.1), configuration: CleanupConfiguration()).count
            }
        }))
        rows.append(("full analysis (publishing: fixes unchecked)", measure("full analysis (publishing") {
            sources.reduce(0) { $0 + DocumentAnalysis(source: $1).ruleFindings.count }
        }))
        rows.append(("full analysis (fixes checked)", measure("full analysis (fixes checked)") {
            sources.reduce(0) { $0 + DocumentAnalysis(source: $1).diagnostics.count }
        }))
        rows.append(("clean-up edits (given analysis)", measure("clean-up edits") {
            analyses.reduce(0) { $0 + CleanupRunner.cleanUp($1).edits.count }
        }))

        print("| stage | MB/s | x byte scan |")
        print("| --- | ---: | ---: |")
        for (name, seconds) in rows where seconds > 0 {
            print(String(format: "| %@ | %.0f | %.1f |", name, mb / seconds, seconds / scan))
        }
    }

    /// The rules' input for one parsed document, with the chrome lines its structure found.
    static func ruleContext(_ tree: SyntaxTree, _ structure: PageStructure) -> RuleContext {
        var chrome: [Int: String] = [:]
        for line in structure.roles.indices {
            if let kind = structure.chromeKind(ofLine: line) { chrome[line] = kind.rawValue }
        }
        return RuleContext(source: tree.source, tree: tree, dialect: .discuz, chromeLines: chrome, structure: structure)
    }

    /// The best of three timings of `body` in seconds, or 0 when `only` names another stage.
    static func bestOfThree(_ stage: String, only: String?, _ body: () -> Int) -> Double {
        if let only, !stage.isEmpty, !stage.contains(only) { return 0 }
        let clock = ContinuousClock()
        // Best of three runs: the least disturbed by the other core's work.
        var best = Double.infinity
        var sink = 0
        for _ in 0..<3 {
            let start = clock.now
            sink &+= body()
            best = min(best, seconds(clock.now - start))
        }
        if sink == Int.min { print("") }  // keeps the work observable
        return best
    }

    /// The repository's sample and fixtures plus ../shared/corpus/docs when present.
    static func defaultFiles() -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var result: [String] = [root.appendingPathComponent("Samples/thread.txt").path]
        for folder in ["Tests/Fixtures", "../shared/corpus/docs"] {
            let dir = root.appendingPathComponent(folder)
            if let walker = FileManager.default.enumerator(atPath: dir.path) {
                for case let path as String in walker where path.hasSuffix(".txt") || path.hasSuffix(".bbcode") {
                    result.append(dir.appendingPathComponent(path).path)
                }
            }
        }
        return result
    }

    /// Documents of about `documentBytes` each, made by repeating the inputs, so per-document costs are realistic.
    static func buildCorpus(_ files: [String], megabytes: Int, documentBytes: Int) -> [[UInt8]] {
        let inputs = files.compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }.filter { !$0.isEmpty }
        guard !inputs.isEmpty else { fail("no input files", usage: false) }
        var documents: [[UInt8]] = []
        var total = 0
        var k = 0
        while total < megabytes << 20 {
            var doc: [UInt8] = []
            doc.reserveCapacity(documentBytes + 65536)
            while doc.count < documentBytes {
                doc += inputs[k % inputs.count]
                doc.append(0x0A)
                k += 1
            }
            total += doc.count
            documents.append(doc)
        }
        return documents
    }

    /// Lines of a forum page where almost every line is short: chrome, floor labels, one-word replies,
    /// numbered items, tiny tagged lines, blanks.
    static let shortLinePool: [String] = [
        "楼主", "5#", "沙发", "admin 发表于 2023-1-2 12:30 | 只看该作者", "回复", "积分 123", "好", "[b]加油[/b]", "顶", "thanks",
        "Posts: 12", "a", "", "一、概述", "1. item", "哈哈哈", "支持 反对", "[size=5]标题[/size]", "Reply With Quote", "ok",
        "使用道具 举报", "第一章", "[quote]嗯[/quote]", "#3", "Joined: Jan 2020", "谢谢分享", "Like 3", "mark", "收藏 分享", "",
        "[url=http://a.b/]link[/url]", "   ", "[color=red]红[/color]", "12 replies", "Rank: 8", "本帖最后由 x 于 2023-1-2 12:30 编辑",
    ]

    /// A document of about `bytes` bytes made of `shortLinePool` lines in a fixed pseudo-random order.
    static func shortLineDocument(bytes: Int, seed: UInt64) -> [UInt8] {
        var doc: [UInt8] = []
        doc.reserveCapacity(bytes + 256)
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        while doc.count < bytes {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            doc += shortLinePool[Int((state >> 33) % UInt64(shortLinePool.count))].utf8
            doc.append(0x0A)
        }
        return doc
    }

    /// Counts `[` and newline bytes: the floor every stage is compared with.
    @inline(never)
    static func byteScan(_ documents: [[UInt8]]) -> Int {
        var count = 0
        for doc in documents {
            doc.withUnsafeBufferPointer { buffer in
                for b in buffer where b == 0x5B || b == 0x0A { count &+= 1 }
            }
        }
        return count
    }
}

/// A duration in seconds.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
