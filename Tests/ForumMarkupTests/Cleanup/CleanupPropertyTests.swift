import Foundation
import Testing
import ForumMarkup

/// Properties of "Clean up document" over every fixture, every corpus document (when ../shared is
/// present) and seeded random mutations of them: idempotent, non-overlapping edits that reproduce the
/// result, the result parses losslessly, nothing safe left to fix, and the body text unchanged.
@Suite struct CleanupPropertyTests {
    static func documents() -> [(String, [UInt8])] {
        var out: [(String, [UInt8])] = []
        for url in TestPaths.fixtureFiles + TestPaths.corpusDocuments {
            if let bytes = TestPaths.bytes(url) { out.append((url.lastPathComponent, bytes)) }
        }
        return out
    }

    /// Checks the properties on one document. `strict` compares body texts for equality (chrome
    /// included); otherwise (random mutations, where the page structure itself may shift) the original's
    /// body text, chrome ignored, must survive in order within the result's: nothing lost.
    static func check(_ name: String, _ bytes: [UInt8], strict: Bool = true) {
        var config = CleanupConfiguration()
        if !strict { config.only = Set(RuleRegistry.rules.filter { $0.enabledByDefault && $0.code != "forum-chrome" }.map { $0.code }) }
        let options = AnalysisOptions(cleanup: config)
        let analysis = DocumentAnalysis(source: SourceText(bytes: bytes), options: options)
        let once = CleanupRunner.cleanUp(analysis)
        // Edits never overlap and reproduce the cleaned text.
        #expect(TextEdit.normalized(once.edits).count == once.edits.count, "\(name): overlapping edits")
        #expect(TextEdit.apply(once.edits, to: bytes) == once.bytes, "\(name): edits do not reproduce the clean-up")
        // Idempotent.
        let again = DocumentAnalysis(source: SourceText(bytes: once.bytes), options: options)
        let twice = CleanupRunner.cleanUp(again)
        #expect(twice.bytes == once.bytes, "\(name): cleaning twice differs from cleaning once")
        // The result parses losslessly.
        let tree = again.tree
        var joined: [UInt8] = []
        for node in tree.nodes where node.isLeaf { joined += once.bytes[node.range.start..<node.range.end] }
        #expect(joined == once.bytes, "\(name): the cleaned text does not round-trip through the parser")
        // Nothing safe is left to fix.
        let leftovers = again.diagnostics.filter { $0.fixes.contains(where: \.isSafe) }
        // (A pass whose fixes are safe one by one but not together is taken one fix at a time.)
        #expect(leftovers.isEmpty, "\(name): fixable problems left: \(leftovers.prefix(3).map { "\($0.code) \($0.range)" })")
        // The body text is unchanged.
        let before = BodyText.lexical(analysis.source, chromeLines: strict ? Set(analysis.chromeLines.keys) : [])
        let after = BodyText.lexical(again.source, chromeLines: strict ? Set(again.chromeLines.keys) : [])
        if !strict {
            var k = 0
            for byte in after where k < before.count && before[k] == byte { k += 1 }
            #expect(k == before.count, "\(name): body text lost near \(String(decoding: before[max(0, k - 30)..<min(before.count, k + 30)], as: UTF8.self))")
        } else if before != after {
            var i = 0
            while i < min(before.count, after.count), before[i] == after[i] { i += 1 }
            let lo = max(0, i - 30)
            Issue.record("\(name): body text changed at \(i): before …\(String(decoding: before[lo..<min(before.count, i + 40)], as: UTF8.self))… after …\(String(decoding: after[lo..<min(after.count, i + 40)], as: UTF8.self))…")
        }
    }

    @Test func fixturesAndCorpus() {
        let docs = Self.documents()
        #expect(docs.count >= 3)
        for (name, bytes) in docs { Self.check(name, bytes) }
    }

    /// The clean-up fuzzer's seed corpus (`Tests/Fuzz/corpus/cleanup`, the deep-nesting seed left out for time).
    @Test func fuzzSeedCorpus() throws {
        let dir = TestPaths.packageRoot.appendingPathComponent("Tests/Fuzz/corpus/cleanup")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { !$0.hasPrefix(".") && $0 != "deep" }
        for name in names.sorted() {
            guard let bytes = TestPaths.bytes(dir.appendingPathComponent(name)) else { continue }
            Self.check("fuzz seed \(name)", bytes)
        }
    }

    @Test func randomMutations() {
        var rng = SplitMix(seed: 0x5EED)
        let pieces = ["[b]", "[/b]", "[i]", "[/i]", "[size=3]", "[/size]", "[color=rgba(0, 0, 0, 0.5)]", "[/color]",
                      "[backcolor=transparent !important]", "[backcolor=transp", "\n", "\n\n\n", "  ", "\u{200B}",
                      "<br>", "&amp;", "&lt;", "Rank: 2Rank: 2", "[quote]", "[/quote]", "[code]", "[/code]", "[h]", "[/h]",
                      "[align=left]", "[/align]", "文字", "word ", "[1]", "[", "]", "\u{FFFD}", ". {* t6 p8 g2 v; y3 p\" M* f# H"]
        let docs = Self.documents().map(\.1)
        for round in 0..<150 {
            var bytes = docs.isEmpty ? [] : docs[Int(rng.next() % UInt64(docs.count))]
            if bytes.count > 4000 { bytes = Array(bytes[0..<4000]) }
            for _ in 0..<(1 + Int(rng.next() % 12)) {
                var at = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count + 1))
                while at < bytes.count, at > 0, bytes[at] & 0xC0 == 0x80 { at += 1 }
                bytes.insert(contentsOf: Array(pieces[Int(rng.next() % UInt64(pieces.count))].utf8), at: at)
            }
            Self.check("mutation \(round)", bytes, strict: false)
        }
    }
}

/// A small deterministic random generator.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
