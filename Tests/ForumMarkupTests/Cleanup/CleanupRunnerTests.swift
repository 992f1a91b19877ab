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

    /// The fuzz finding: deleting a stray `[/url]` leaves an opener with a bad argument running to the
    /// line's end, a cut-off tag too long and non-ASCII to be plausible, so it reads as text: the leaked
    /// `<font color=red>` in it must stay markup, as it was in the text before.
    @Test func strayCloserFixKeepsBodyTextBesideLeakedHTML() {
        let text = "a [url=楼主https://e<font color=red>k[/url]\n"
        let options = AnalysisOptions(cleanup: CleanupConfiguration(only: ["stray-close-tag"]))
        func body(_ t: String) -> [UInt8] {
            let analysis = DocumentAnalysis(source: SourceText(t), options: options)
            return BodyText.of(RuleContext(source: analysis.source, tree: analysis.tree, dialect: .discuz))
        }
        let fix = DocumentAnalysis(source: SourceText(text), options: options).diagnostics.first?.fixes.first
        #expect(fix?.isSafe == true)
        let fixed = String(decoding: TextEdit.apply(fix?.edits ?? [], to: Array(text.utf8)), as: UTF8.self)
        #expect(fixed == "a [url=楼主https://e<font color=red>k\n")
        #expect(body(fixed) == body(text))
        #expect(!String(decoding: body(fixed), as: UTF8.self).contains("font"))
    }

    /// Fuzz findings: deleting a tag can make the text around it read differently. `[color=re` and
    /// `pent` join into a cut-off tag running to the line's end; without `[code]` the `<br>` inside it
    /// reads as markup; without `[index]` the `[#1]` entries read as text. The guard refuses each.
    @Test func guardRefusesDeletionsThatChangeHowNeighboursRead() {
        func context(_ text: String) -> RuleContext {
            let source = SourceText(text)
            return RuleContext(source: source, tree: Parser.parse(source), dialect: .discuz)
        }
        func deleting(_ text: String, _ tag: String) -> Bool {
            let at = Array(text.utf8).firstRange(of: Array(tag.utf8))!
            return BodyText.preserves(Fix(title: "x", edits: [.delete(ByteRange(at.lowerBound, at.upperBound))]), in: context(text))
        }
        #expect(!deleting("[color=re[quote]pent words\n", "[quote]"))
        #expect(!deleting("[code]<br>kept\n", "[code]"))
        #expect(!deleting("[index]\n[#1]First\n", "[index]"))
        // Near misses: nothing to join, no markup-shaped text inside, no entries.
        #expect(deleting("[color=red]x[/color] [quote]pent words\n", "[quote]"))
        #expect(deleting("[code]plain[/code]\n", "[code]"))
        #expect(deleting("[index]\nno entries\n", "[index]"))
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

    /// Multi-pass clean-up edits are composed from the passes' fixes: a byte no fix touches survives,
    /// invalid UTF-8 included (a line diff used to round-trip the changed lines through `String`).
    @Test func multiPassEditsKeepInvalidUTF8() {
        // Half-width punctuation in pass one, then more fixes; the lone 0xAF between them must stay.
        let bytes: [UInt8] = Array("的?(是".utf8) + [0xAF] + Array("皹;".utf8)
        let options = AnalysisOptions(cleanup: CleanupConfiguration(only: Set(RuleRegistry.rules.map { $0.code })))
        let result = CleanupRunner.cleanUp(SourceText(bytes: bytes), options: options)
        #expect(result.bytes.contains(0xAF))
        #expect(TextEdit.apply(result.edits, to: bytes) == result.bytes)
    }
}
