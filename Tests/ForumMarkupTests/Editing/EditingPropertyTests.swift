import Foundation
import Testing
@testable import ForumMarkup

/// Every editing feature at every offset (sampled in big documents) of the fixtures, the sample page,
/// some corpus documents and seeded random markup: nothing traps, and the results keep their promises.
@Suite struct EditingPropertyTests {
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11 | state << 53
        }
    }

    static let pieces = ["[b]", "[/b]", "[B]", "[i]", "[/i]", "[", "]", "[/", "=", "\n", "\r\n", "\r", " ", "  ", "\t", "😀",
                         "中文", "字", "[*]", "[list]", "[/list]", "[code]", "[/code]", "https://a.org/x", "www.b.org",
                         "[url=", "[url]", "[/url]", "javascript:x", "[img]", "[/img]", "[color=red]", "[/color]",
                         "[quote]", "[/quote]", "[size=14px]", "[backcolor=transparent !im", "[h]", "[/h]", "x", "word",
                         "\u{3000}", "\u{00A0}", "[font=&quot;]", "[align=justify]", "\n\n\n"]

    static func randomDocuments() -> [[UInt8]] {
        var random = Seeded(state: 7)
        return (0..<60).map { _ in
            var text = ""
            for _ in 0..<Int.random(in: 0...60, using: &random) { text += pieces.randomElement(using: &random)! }
            var bytes = Array(text.utf8)
            // A few invalid bytes too.
            if !bytes.isEmpty && Bool.random(using: &random) { bytes[Int.random(in: 0..<bytes.count, using: &random)] = 0xFF }
            return bytes
        }
    }

    static func documents() -> [[UInt8]] {
        var docs = TestPaths.fixtureFiles.compactMap(TestPaths.bytes)
        docs += TestPaths.corpusDocuments.prefix(8).compactMap(TestPaths.bytes)
        docs += randomDocuments()
        docs.append([])
        return docs
    }

    @Test func featuresHoldAtEveryOffset() {
        for bytes in Self.documents() {
            let tree = Parser.parse(SourceText(bytes: bytes))
            let n = bytes.count
            let step = max(1, n / 400)
            for offset in stride(from: 0, through: n, by: step) {
                if let leaf = TagLocator.leaf(at: offset, in: tree) {
                    let r = tree.nodes[leaf].range
                    #expect(!r.isEmpty && r.contains(offset: min(offset, n - 1)))
                } else {
                    #expect(n == 0)
                }
                let chain = SelectionRanges.ranges(in: tree, at: offset)
                #expect(chain.last == ByteRange(0, n))
                for r in chain { #expect(r.start <= offset && offset <= r.end) }
                for (inner, outer) in zip(chain, chain.dropFirst()) { #expect(outer.contains(inner) && outer != inner) }
                if let list = CompletionProvider.complete(in: tree, at: offset) {
                    #expect(list.replaceRange.start <= offset && offset <= list.replaceRange.end)
                    #expect(list.replaceRange.end <= min(n, offset + 1))
                }
                if let hover = TagHover.hover(in: tree, at: offset) {
                    #expect(hover.range.contains(offset: offset) || hover.range.end == offset)
                    #expect(!hover.markdown.isEmpty)
                }
                if let pair = TagPartner.pair(in: tree, at: offset) {
                    #expect(pair.open.end <= pair.close.start && pair.close.end <= n)
                    #expect(pair.open.contains(pair.openName) && pair.close.contains(pair.closeName))
                    if let edits = TagPartner.renameEdits(in: tree, at: offset, to: "q") {
                        #expect(edits.count == 2)
                    }
                }
            }
            let scan = DocumentLinkScanner.scan(tree)
            for link in scan.links {
                #expect(!link.range.isEmpty && link.range.end <= n)
                #expect(URLSafety.unsafeScheme(ArraySlice(link.target.utf8)) == nil)
            }
            let formatted = tree.source.applying(DocumentFormatter.edits(for: tree))
            let again = Parser.parse(formatted)
            #expect(DocumentFormatter.edits(for: again).isEmpty)
            #expect(DocumentFormatter.textSignature(again) == DocumentFormatter.textSignature(tree))
            var last = 0
            for token in SemanticTokenClassifier.tokens(in: tree) {
                #expect(token.range.start >= last && token.range.end <= n && !token.range.isEmpty)
                last = token.range.end
            }
        }
    }
}
