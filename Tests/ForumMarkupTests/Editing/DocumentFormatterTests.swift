import Testing
@testable import ForumMarkup

@Suite struct DocumentFormatterTests {
    func format(_ input: String, dialect: Dialect = .discuz) -> String {
        DocumentFormatter.formatted(Parser.parse(SourceText(input), dialect: dialect))
    }

    @Test func tagNamesTakeTheCatalogCase() {
        #expect(format("[B]x[/B] [COLOR=Red]y[/Color] [H]z[/H]") == "[b]x[/b] [color=Red]y[/color] [H]z[/H]")
    }

    @Test func trailingWhitespaceAndBlankRuns() {
        #expect(format("a  \t\nb\n\n\n\n c \n   \n\t\nd") == "a\nb\n\n c\n\nd")
        #expect(format("a\r\n\r\n\r\n\r\nb  \r\n") == "a\r\n\r\nb\r\n")
    }

    @Test func listItemsOnTheirOwnLines() {
        #expect(format("[list][*]one [*]two\n[*]three[/list]") == "[list]\n[*]one\n[*]two\n[*]three[/list]")
        #expect(format("[list]\r\n[*]a [*]b[/list]") == "[list]\r\n[*]a\r\n[*]b[/list]")
        // Outside a list `[*]` stays where it is.
        #expect(format("a [*] b") == "a [*] b")
    }

    @Test func rawContentIsLeftAlone() {
        let code = "[code]x  \n\n\n\ny [B]z[/B]  [/code]  "
        #expect(format(code) == "[code]x  \n\n\n\ny [B]z[/B]  [/code]")
    }

    @Test func rangeFormattingTouchesOnlyTheLinesAsked() {
        let input = "[B]a[/B]  \nb  \n[I]c[/I]  "
        let tree = Parser.parse(SourceText(input))
        let edits = DocumentFormatter.edits(for: tree, in: ByteRange(12, 13))
        #expect(tree.source.applying(edits).string == "[B]a[/B]  \nb\n[I]c[/I]  ")
    }

    @Test func idempotentAndTextPreservingOnFixturesAndCorpus() {
        var inputs = TestPaths.fixtureFiles.compactMap(TestPaths.bytes)
        inputs += TestPaths.corpusDocuments.prefix(40).compactMap(TestPaths.bytes)
        for bytes in inputs {
            for dialect in [Dialect.discuz, .xenforo] {
                let tree = Parser.parse(SourceText(bytes: bytes), dialect: dialect)
                let once = tree.source.applying(DocumentFormatter.edits(for: tree))
                let again = Parser.parse(once, dialect: dialect)
                #expect(DocumentFormatter.edits(for: again).isEmpty)
                #expect(DocumentFormatter.textSignature(tree) == DocumentFormatter.textSignature(again))
            }
        }
    }
}
