import Foundation
import Testing
@testable import ForumMarkup

/// The editing features that read the page structure and outline (heading and chrome tokens,
/// section and post selection levels), over the bundled sample thread page.
@Suite struct AnalysisEditingTests {
    static func sample() -> DocumentAnalysis? {
        TestPaths.bytes(TestPaths.packageRoot.appendingPathComponent("Samples/thread.txt"))
            .map { DocumentAnalysis(source: SourceText(bytes: $0)) }
    }

    @Test func headingAndChromeLinesBecomeTokens() throws {
        let analysis = try #require(Self.sample())
        let spans = SemanticTokenClassifier.lineSpans(of: analysis)
        #expect(spans.contains { $0.kind == .chrome })
        #expect(spans.contains { $0.kind == .heading })
        for heading in analysis.outline.headings {
            #expect(spans.contains { $0.kind == .heading && $0.range.contains(heading.selectionRange) })
        }
        let tokens = SemanticTokenClassifier.tokens(in: analysis)
        var last = 0
        for token in tokens {
            #expect(token.range.start >= last)
            last = token.range.end
        }
        #expect(tokens.contains { $0.kind == .heading } && tokens.contains { $0.kind == .chrome })
    }

    @Test func selectionGrowsThroughSectionAndPost() throws {
        let analysis = try #require(Self.sample())
        let post = try #require(analysis.outline.posts.first { !$0.headings.isEmpty })
        let heading = post.headings[0]
        let offset = heading.selectionRange.start + 1
        let chain = SelectionRanges.ranges(in: analysis, at: offset)
        #expect(chain.contains(heading.range) || chain.contains(post.post.bodyRange))
        #expect(chain.contains(post.post.range))
        #expect(chain.last == ByteRange(0, analysis.source.count))
        for (inner, outer) in zip(chain, chain.dropFirst()) {
            #expect(outer.contains(inner) && outer != inner)
        }
    }
}
