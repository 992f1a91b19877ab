import Testing
@testable import ForumMarkup

@Suite struct SemanticTokensTests {
    func describe(_ input: String, dialect: Dialect = .discuz, range: ByteRange? = nil,
                  spans: [SemanticTokenClassifier.LineSpan] = []) -> [String] {
        let tree = Parser.parse(SourceText(input), dialect: dialect)
        return SemanticTokenClassifier.tokens(in: tree, range: range, lineSpans: spans).map { token in
            var s = "\(token.kind)'\(text(tree, token.range))'"
            if token.modifiers.contains(.junk) { s += "!junk" }
            if token.modifiers.contains(.foreign) { s += "!foreign" }
            if token.modifiers.contains(.unmatched) { s += "!unmatched" }
            return s
        }
    }

    @Test func bracketsNamesAndArgumentsByKind() {
        #expect(describe("[b]x[/b] [color=red]y[/color]") == [
            "tagBracket'['", "tagName'b'", "tagBracket']'", "tagBracket'[/'", "tagName'b'", "tagBracket']'",
            "tagBracket'['", "tagName'color'", "tagBracket'='", "colorArgument'red'", "tagBracket']'",
            "tagBracket'[/'", "tagName'color'", "tagBracket']'",
        ])
        #expect(describe("[size=3]a[/size]").contains("sizeArgument'3'"))
        #expect(describe("[url=https://e.org]a[/url]").contains("urlArgument'https://e.org'"))
        #expect(describe("[font=Arial]a[/font]").contains("argument'Arial'"))
    }

    @Test func rawTagTextIsRawText() {
        #expect(describe("[code]a [b]\nc[/code]") == [
            "tagBracket'['", "tagName'code'", "tagBracket']'", "rawText'a [b]'", "rawText'c'",
            "tagBracket'[/'", "tagName'code'", "tagBracket']'",
        ])
    }

    @Test func junkStrayAndForeignTagsAreMarked() {
        let junk = describe("[backcolor=transparent !important]x")
        #expect(junk.allSatisfy { $0.hasSuffix("!junk") })
        #expect(junk.contains("colorArgument'transparent !important'!junk"))
        #expect(describe("x[/i]") == ["tagBracket'[/'!unmatched", "tagName'i'!unmatched", "tagBracket']'!unmatched"])
        #expect(describe("[backcolor=transparent !im").first == "tagBracket'['!junk")
        // `[center]` is not a Discuz tag but XenForo's.
        #expect(describe("[center]x[/center]").first == "tagBracket'['!foreign")
        #expect(describe("[center]x[/center]", dialect: .xenforo).first == "tagBracket'['")
        // Plain text and bracket prose get no tokens.
        #expect(describe("see [1] and [复制链接]").isEmpty)
    }

    @Test func rangeRestrictsTokens() {
        let all = describe("[b]x[/b]\n[i]y[/i]")
        let second = describe("[b]x[/b]\n[i]y[/i]", range: ByteRange(9, 17))
        #expect(all.count == 12)
        #expect(second == Array(all.suffix(6)))
    }

    @Test func lineSpansColourTheTextAroundTags() {
        let spans = [SemanticTokenClassifier.LineSpan(range: ByteRange(0, 14), kind: .heading),
                     SemanticTokenClassifier.LineSpan(range: ByteRange(15, 21), kind: .chrome)]
        #expect(describe("[b]Heading[/b]\n回复", spans: spans) == [
            "tagBracket'['", "tagName'b'", "tagBracket']'", "heading'Heading'", "tagBracket'[/'", "tagName'b'",
            "tagBracket']'", "chrome'回复'",
        ])
    }

    @Test func tokensAreSortedDisjointAndOnOneLine() {
        for url in TestPaths.fixtureFiles {
            guard let bytes = TestPaths.bytes(url) else { continue }
            let tree = Parser.parse(SourceText(bytes: bytes))
            let tokens = SemanticTokenClassifier.tokens(in: tree)
            var last = 0
            for token in tokens {
                #expect(token.range.start >= last && !token.range.isEmpty)
                #expect(!bytes[token.range.start..<token.range.end].contains { $0 == 0x0A || $0 == 0x0D })
                last = token.range.end
            }
        }
    }
}
