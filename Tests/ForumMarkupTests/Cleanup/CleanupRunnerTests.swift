import Testing
import ForumMarkup

@Suite struct CleanupRunnerTests {
    @Test func mergeTakesFixesWholeAndNeverOverlaps() {
        let a = Fix(title: "a", edits: [.delete(ByteRange(0, 4)), .delete(ByteRange(10, 12))])
        let b = Fix(title: "b", edits: [.delete(ByteRange(11, 14))]) // overlaps a's second edit
        let c = Fix(title: "c", edits: [.delete(ByteRange(4, 6))])   // touches a: fine
        let merged = CleanupRunner.merge([b, a, c])
        #expect(merged.map(\.range) == [ByteRange(0, 4), ByteRange(4, 6), ByteRange(10, 12)])
    }

    @Test func guardDropsFixesThatChangeBodyText() {
        let source = SourceText("keep these words\n")
        let tree = Parser.parse(source)
        let context = RuleContext(source: source, tree: tree, dialect: .discuz)
        #expect(!BodyText.preserves(Fix(title: "bad", edits: [.delete(ByteRange(0, 5))]), in: context))
        #expect(BodyText.preserves(Fix(title: "ws", edits: [.delete(ByteRange(4, 5))]), in: context))
        #expect(BodyText.preserves(Fix(title: "tag", edits: [TextEdit(range: ByteRange(0, 0), replacement: "[b]")]), in: context))
    }

    @Test func severityOverridesAndDisabling() {
        var config = CleanupConfiguration()
        config.rules["blank-lines"] = RuleSetting(severity: .error)
        config.rules["trailing-whitespace"] = RuleSetting(enabled: false)
        let d = DocumentAnalysis(source: SourceText("a \n\n\n\nb\n"), options: AnalysisOptions(cleanup: config)).diagnostics
        #expect(d.map(\.code) == ["blank-lines"])
        #expect(d.first?.severity == .error)
    }

    @Test func cleanUpIsIdempotentAndItsEditsReproduceTheText() {
        let text = "title  \n\n\n\nline<br>\n\u{200B}x &amp; y\n\n\n"
        let once = CleanupRunner.cleanUp(SourceText(text))
        let twice = CleanupRunner.cleanUp(SourceText(once.text))
        #expect(twice.text == once.text)
        #expect(twice.edits.isEmpty)
        #expect(String(decoding: TextEdit.apply(once.edits, to: Array(text.utf8)), as: UTF8.self) == once.text)
        #expect(TextEdit.normalized(once.edits).count == once.edits.count)
    }

    @Test func lineDiffReproducesTheNewText() {
        var rng = SystemRandomNumberGenerator()
        let words = ["a\n", "b\n", "中文\n", "\n", "c", "[b]\n", "xyz\n"]
        for _ in 0..<300 {
            let old = (0..<Int.random(in: 0...12, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined()
            let new = (0..<Int.random(in: 0...12, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined()
            let edits = LineDiff.edits(from: Array(old.utf8), to: Array(new.utf8))
            #expect(String(decoding: TextEdit.apply(edits, to: Array(old.utf8)), as: UTF8.self) == new, "\(old.debugDescription) -> \(new.debugDescription)")
            #expect(TextEdit.normalized(edits).count == edits.count)
        }
    }
}
