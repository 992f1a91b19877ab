import Foundation
import Testing
@testable import ForumMarkup

/// The seed page (`../shared/corpus/docs/seed-liangxi.txt`), read at test time.
@Suite struct SeedParseTests {
    @Test func seedJunkOpenersCopyLinkAndTruncatedTag() throws {
        guard let corpus = TestPaths.sharedCorpus else {
            print("skipped: ../shared/corpus is absent")
            return
        }
        let bytes = try #require(TestPaths.bytes(corpus.appendingPathComponent("docs/seed-liangxi.txt")))
        let tree = Parser.parse(SourceText(bytes: bytes))
        let junk = tree.nodes.filter { $0.kind == .element && $0.tag?.name == "backcolor" }
        #expect(junk.count == 26)
        #expect(junk.allSatisfy { !$0.argumentIsValid })
        // Each junk opener reaches to the end of its own paragraph only.
        for element in junk {
            let line = tree.source.line(containing: element.range.start)
            #expect(tree.source.line(containing: element.range.end) == line)
        }
        #expect(tree.issues.filter { $0.kind == .unclosedTag }.count == 26)
        let truncated = tree.nodes.filter { $0.kind == .truncatedTag }
        #expect(truncated.count == 1)
        #expect(truncated.first.map { tree.source.text($0.range) } == "[backcolor=transparent !im")
        // `[复制链接]` is text.
        let copyLink = Array("[复制链接]".utf8)
        let textLeaves = tree.nodes.filter { $0.kind == .text }.map { Array(bytes[$0.range.start..<$0.range.end]) }
        #expect(textLeaves.contains(copyLink))
    }
}
