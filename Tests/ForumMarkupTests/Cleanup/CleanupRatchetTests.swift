import Foundation
import Testing
import ForumMarkup

/// Scores the clean-up diagnostics over every labelled document of `../shared/corpus` the way
/// `predict.py` + `score.py` do (chrome lines from `forum-chrome`, markup problems by line and by
/// (line, kind) through predict.py's code-to-kind map) and fails when a score falls below the ratchet.
/// Skips when ../shared is absent.
@Suite struct CleanupRatchetTests {
    /// predict.py's map from rule code to label kind.
    static let kind: [String: String] = [
        "style-leak": "junk-style", "html-remnant": "junk-style", "invalid-tag-argument": "junk-style",
        "redundant-tag": "junk-style", "anti-scrape-noise": "junk-style",
        "empty-tag": "empty", "unclosed-tag": "unclosed", "stray-close-tag": "stray-close",
        "misnested-tags": "misnested", "unknown-tag": "unknown-tag", "truncated-tag": "truncated",
    ]

    /// Reached 2026-11-29 (chrome P/R 1.0, c-viol 0, markup F1 1.0 by line and by kind); raise, never lower.
    static let floor = (chromeP: 0.99, chromeR: 0.99, markupLineF1: 0.99, markupTypedF1: 0.99)

    struct PRF {
        var tp = 0, fp = 0, fn = 0
        var p: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var r: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        var f: Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
        mutating func add<T>(_ gold: Set<T>, _ pred: Set<T>) {
            let t = gold.intersection(pred).count
            tp += t; fp += pred.count - t; fn += gold.count - t
        }
    }

    struct Pair: Hashable { var line: Int; var kind: String }

    @Test func corpusScoresStayAtOrAboveTheRatchet() throws {
        guard let corpus = TestPaths.sharedCorpus else { return }
        var chrome = PRF(), lines = PRF(), typed = PRF()
        var violations = 0
        for doc in TestPaths.corpusDocuments {
            let name = doc.deletingPathExtension().lastPathComponent
            guard let data = try? Data(contentsOf: corpus.appendingPathComponent("labels/\(name).json")),
                  let gold = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let bytes = TestPaths.bytes(doc) else { continue }
            let source = SourceText(bytes: bytes)
            let diagnostics = DocumentAnalysis(source: source).diagnostics
            var text = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            if text.last == "" { text.removeLast() }
            let blank = Set(text.indices.filter { text[$0].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.map { $0 + 1 })
            var ignore = Set(gold["chrome_uncertain"] as? [Int] ?? []).union(blank)
            if let t = gold["title_line"] as? Int { ignore.insert(t) }
            var predChrome = Set<Int>(), predProblems = Set<Pair>()
            for d in diagnostics {
                let (start, end) = source.positions(of: d.range, in: .utf8)
                var last = end.line + 1
                if last > start.line + 1 && end.column == 0 { last -= 1 }
                if d.code == "forum-chrome" {
                    for l in (start.line + 1)...last { predChrome.insert(l) }
                } else if let k = Self.kind[d.code] {
                    predProblems.insert(Pair(line: start.line + 1, kind: k))
                }
            }
            let goldChrome = Set(gold["chrome_lines"] as? [Int] ?? []).subtracting(ignore)
            predChrome.subtract(ignore)
            chrome.add(goldChrome, predChrome)
            violations += predChrome.intersection(gold["content_lines_sample"] as? [Int] ?? []).count
            let goldProblems = Set((gold["markup_problems"] as? [[String: Any]] ?? []).compactMap { m in
                (m["line"] as? Int).map { Pair(line: $0, kind: m["kind"] as? String ?? "") }
            })
            typed.add(goldProblems, predProblems)
            lines.add(Set(goldProblems.map(\.line)), Set(predProblems.map(\.line)))
        }
        let summary = String(format: "clean-up: chrome P %.3f R %.3f F1 %.3f c-viol %d | markup F1 %.3f (line) %.3f (typed)",
                             chrome.p, chrome.r, chrome.f, violations, lines.f, typed.f)
        print(summary)
        #expect(violations == 0, "\(summary)")
        #expect(chrome.p >= Self.floor.chromeP && chrome.r >= Self.floor.chromeR, "\(summary)")
        #expect(lines.f >= Self.floor.markupLineF1 && typed.f >= Self.floor.markupTypedF1, "\(summary)")
    }
}
