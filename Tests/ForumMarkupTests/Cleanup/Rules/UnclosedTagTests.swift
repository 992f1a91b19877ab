import Testing
import ForumMarkup

@Suite struct UnclosedTagTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("unclosed-tag", "[b]bold[/b] and [i]italic[/i]\n").isEmpty)
    }
    @Test func flagsTheOpener() {
        #expect(flagged("unclosed-tag", "[B]anyone?\n") == ["[B]"])
    }
    @Test func fixInsertsCloserWithAuthorsSpelling() {
        #expect(fixed("unclosed-tag", "[B]anyone?\n") == "[B]anyone?[/B]\n")
    }
    @Test func nearMissStyleLeakIsNotUnclosed() {
        #expect(findings("unclosed-tag", "[backcolor=transparent !important]text\n").isEmpty)
    }
    /// The fuzz finding: a closer after a cut-off tag at the paragraph's end (`[u][siz`) would turn the
    /// fragment into words; the closer goes before it.
    @Test func closerGoesBeforeACutOffTag() {
        #expect(fixed("unclosed-tag", "[u][siz") == "[u][/u][siz")
        #expect(fixed("unclosed-tag", "[u]text [siz\n") == "[u]text[/u] [siz\n")
    }
    /// Tags left open at the same place close in one insertion, innermost first, so one clean-up pass
    /// closes them all (separate insertions at one offset conflict: one per pass).
    @Test func nestedOpenTagsCloseTogether() {
        #expect(fixed("unclosed-tag", "[b][i][u]x\n") == "[b][i][u]x[/u][/i][/b]\n")
        let result = CleanupRunner.cleanUp(SourceText("[b][i][u]x\n"))
        #expect(result.text == "[b][i][u]x[/u][/i][/b]\n")
        #expect(result.passes == 1)
    }
    /// Fuzz finding: `[#1]First` is an index entry (markup) only inside `[index]`, so removing the
    /// opener would turn entries into text; the guard drops that fix and the closer is inserted instead.
    @Test func removingAnIndexOpenerIsNotOffered() {
        let d = findings("unclosed-tag", "[index]\n[#1]First\n[#2]Second\n")
        #expect(d.count == 1)
        #expect(d.first?.fixes.map(\.title) == ["Insert [/index] where the tag ends"])
    }

    /// Fuzz findings: removing the opener changes how another line reads (`2`, `/`, `6` and the
    /// `Rank:` line turn into chrome or body text), so that removal is offered but not safe.
    @Test(arguments: ["[quote]a\r2", "a[b]a\r/", "6[list=1]\na\na", "Rank: a\n[quote]a\na"])
    func removalThatChangesAnotherLinesReadingIsNotSafe(_ text: String) {
        let checked = readingChecked("unclosed-tag", text)
        #expect(checked.losing.isEmpty)
        #expect(checked.notSafe.contains { $0.hasPrefix("Remove [") })
    }
    /// A closer inserted for the outer `[b]` would close an inner `[b]` left open inside an invalid
    /// `[color]`: only removal is offered, and clean-up converges (fuzz: `not-converged-bracket-color`).
    @Test func noCloserWhenAnInnerTagOfTheSameNameStaysOpen() {
        let d = findings("unclosed-tag", "[b][b][[color]a][b][b]")
        #expect(d.first?.fixes.map(\.title) == ["Remove [b]"])
        let options = AnalysisOptions(cleanup: CleanupConfiguration(only: Set(RuleRegistry.rules.map { $0.code })))
        let once = CleanupRunner.cleanUp(SourceText("[b][b][[color]a][b][b]"), options: options)
        #expect(CleanupRunner.cleanUp(SourceText(bytes: once.bytes), options: options).bytes == once.bytes)
        #expect(fixed("unclosed-tag", "[b][i]x") == "[b][i]x[/i][/b]")
    }
    /// An unclosed `[code]` left open at the place: the tags around it are removed, not closed one per
    /// pass (fuzz: `not-converged-raw-left-open-inside`).
    @Test func noCloserAcrossAnOpenRawTag() {
        let d = findings("unclosed-tag", "[b][li][code]a[i]")
        #expect(d.map { $0.fixes.map(\.title) } == [["Remove [b]"], ["Remove [li]"], ["Remove [code]"], ["Insert [/i] where the tag ends", "Remove [i]"]])
        let options = AnalysisOptions(cleanup: CleanupConfiguration(only: Set(RuleRegistry.rules.map { $0.code })))
        let once = CleanupRunner.cleanUp(SourceText("[b][li][code]a[i]"), options: options)
        #expect(once.passes < CleanupRunner.maxPasses)
        #expect(CleanupRunner.cleanUp(SourceText(bytes: once.bytes), options: options).bytes == once.bytes)
    }
    /// Past the parser's same-tag depth (10) copies of `[b]` are kept as text; closing the tags around
    /// them would make them tags one layer per pass: the openers around them are removed instead
    /// (fuzz: `not-converged-b-too-deep-with-text`).
    @Test func noCloserAroundCopiesKeptAsTextTooDeep() {
        let text = String(repeating: "[b]a", count: 12)
        let d = findings("unclosed-tag", text)
        #expect(!d.isEmpty && d.allSatisfy { $0.fixes.map(\.title) == ["Remove [b]"] })
        let options = AnalysisOptions(cleanup: CleanupConfiguration(only: Set(RuleRegistry.rules.map { $0.code })))
        let once = CleanupRunner.cleanUp(SourceText(text), options: options)
        #expect(once.passes < CleanupRunner.maxPasses)
        #expect(CleanupRunner.cleanUp(SourceText(bytes: once.bytes), options: options).bytes == once.bytes)
        #expect(fixed("unclosed-tag", String(repeating: "[b]a", count: 9)).hasSuffix("[/b]"))
    }
    /// An unclosed raw tag's content is lexed as markup already: nested unclosed `[noparse]` openers
    /// are removed in one pass, not the innermost one per pass (fuzz: `not-converged-nested-unclosed-noparse`);
    /// text inside that would read differently (`<font>`) still keeps the opener.
    @Test func nestedUnclosedRawOpenersGoInOnePass() {
        let d = findings("unclosed-tag", "[noparse][noparse][noparse] x", dialect: .vbulletin)
        #expect(d.map { $0.fixes.map(\.title) } == Array(repeating: ["Remove [noparse]"], count: 3))
        #expect(findings("unclosed-tag", "[noparse]<font> x", dialect: .vbulletin).first?.fixes.isEmpty == true)
    }
    /// Copies kept as text for nesting too deep go with the removal of the innermost unclosed opener of
    /// their name, so one pass removes every layer (fuzz: `not-converged-thirty-quotes-too-deep`).
    @Test func copiesKeptAsTextGoWithTheInnermostRemoval() {
        let text = String(repeating: "[quote]", count: 30) + "x[/quote]\ny\n"
        let d = findings("unclosed-tag", text)
        #expect(d.last?.fixes.first?.edits.count == 21)
        let options = AnalysisOptions(cleanup: CleanupConfiguration(only: Set(RuleRegistry.rules.map { $0.code })))
        let once = CleanupRunner.cleanUp(SourceText(text), options: options)
        #expect(once.text == "[quote]x[/quote]\ny\n")
        #expect(CleanupRunner.cleanUp(SourceText(bytes: once.bytes), options: options).bytes == once.bytes)
    }
    /// An invalid `[size]` left open at the place: the outer tags are removed, not closed one per pass
    /// (fuzz: `not-converged-closers-across-invalid-size`).
    @Test func noCloserAcrossAnInvalidArgumentLeftOpen() {
        let text = "[i][color=a][u][a[size]][list]"
        let d = findings("unclosed-tag", text, dialect: .phpbb)
        #expect(d.prefix(3).allSatisfy { $0.fixes.map(\.title).allSatisfy { $0.hasPrefix("Remove") } })
        let options = AnalysisOptions(cleanup: CleanupConfiguration(dialect: .phpbb, only: Set(RuleRegistry.rules.map { $0.code })))
        let once = CleanupRunner.cleanUp(SourceText(text), options: options)
        #expect(once.passes < CleanupRunner.maxPasses)
        #expect(CleanupRunner.cleanUp(SourceText(bytes: once.bytes), options: options).bytes == once.bytes)
    }
}
