import Foundation
import Testing
import ForumMarkup

/// The acceptance checks on the seed page (`../shared/corpus/docs/seed-liangxi.txt`; skipped
/// when absent): chrome flagged and body paragraphs not, 26 style leaks and one truncated tag, the blank
/// runs flagged, and "Clean up document" leaving the title, the byline and every paragraph intact.
@Suite struct SeedCleanupTests {
    static var seed: (bytes: [UInt8], labels: [String: Any])? {
        guard let corpus = TestPaths.sharedCorpus,
              let bytes = TestPaths.bytes(corpus.appendingPathComponent("docs/seed-liangxi.txt")),
              let data = try? Data(contentsOf: corpus.appendingPathComponent("labels/seed-liangxi.json")),
              let labels = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return (bytes, labels)
    }

    @Test func findings() throws {
        guard let (bytes, labels) = Self.seed else { return }
        let source = SourceText(bytes: bytes)
        let d = DocumentAnalysis(source: source).diagnostics
        func lines(_ code: String) -> Set<Int> {
            Set(d.filter { $0.code == code }.map { source.line(containing: $0.range.start) + 1 })
        }
        let chrome = lines("forum-chrome")
        let goldChrome = Set(labels["chrome_lines"] as? [Int] ?? [])
        #expect(goldChrome.isSubset(of: chrome), "chrome lines not flagged: \(goldChrome.subtracting(chrome).sorted())")
        let content = Set(labels["content_lines_sample"] as? [Int] ?? [])
        #expect(chrome.isDisjoint(with: content))
        // No body paragraph (lines 33-87) is chrome.
        #expect(chrome.allSatisfy { $0 < 33 || $0 > 88 })
        #expect(d.filter { $0.code == "style-leak" }.count == 26)
        #expect(lines("truncated-tag") == [88])
        #expect(!lines("blank-lines").isEmpty)
        let markupCodes: Set<String> = ["unclosed-tag", "stray-close-tag", "misnested-tags", "unknown-tag", "invalid-tag-argument",
                                        "empty-tag", "redundant-tag", "html-remnant"]
        #expect(d.filter { markupCodes.contains($0.code) }.isEmpty)
    }

    @Test func cleanUpKeepsTitleBylineAndParagraphs() throws {
        guard let (bytes, _) = Self.seed else { return }
        let source = SourceText(bytes: bytes)
        let cleaned = CleanupRunner.cleanUp(source).text
        let junk = "[backcolor=transparent !important]"
        var expected = [source.text(source.lineContentRange(5))] // the title (line 6)
        for line in 32..<87 { // the byline (33) and the article paragraphs
            var text = source.text(source.lineContentRange(line))
            if text.hasPrefix(junk) { text.removeFirst(junk.count) }
            if !text.isEmpty { expected.append(text) }
        }
        let got = cleaned.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(got == expected)
        #expect(expected.count == 27) // title, byline, 25 paragraphs (one junk line held no text)
        // Paragraphs stay separated by one blank line and the text ends with one newline.
        #expect(!cleaned.contains("\n\n\n") && cleaned.hasSuffix("。\n"))
    }
}
