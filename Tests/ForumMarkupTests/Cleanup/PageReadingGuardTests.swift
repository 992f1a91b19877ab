import Testing
@testable import ForumMarkup

/// `PageReadingGuard`: a safe fix keeps the body text of the whole document, not only of its lines.
@Suite struct PageReadingGuardTests {
    static func context(_ text: String) -> RuleContext {
        DocumentAnalysis(source: SourceText(text)).ruleContext()
    }

    @Test func trailingWhitespaceStrayClosersAndCutOffTagsAreNeutral() {
        let text = "word  \nmore[/b] text\ntail [siz"
        let c = Self.context(text)
        #expect(PageReadingGuard.isReadingNeutral(Fix(title: "ws", edits: [.delete(ByteRange(4, 6))]), in: c))
        #expect(PageReadingGuard.isReadingNeutral(Fix(title: "stray", edits: [.delete(ByteRange(11, 15))]), in: c))
        let cut = ByteRange(text.utf8.count - 4, text.utf8.count)
        #expect(PageReadingGuard.isReadingNeutral(Fix(title: "cut", edits: [.delete(cut)]), in: c))
        // After a `[` left open on the line the deletion could join it to the text after it.
        let open = Self.context("[size=4 tail [siz")
        #expect(!PageReadingGuard.isReadingNeutral(Fix(title: "cut", edits: [.delete(ByteRange(13, 17))]), in: open))
        // Whole lines, text, insertions: not neutral.
        #expect(!PageReadingGuard.isReadingNeutral(Fix(title: "line", edits: [.delete(ByteRange(0, 7))]), in: c))
        #expect(!PageReadingGuard.isReadingNeutral(Fix(title: "text", edits: [.delete(ByteRange(0, 1))]), in: c))
        #expect(!PageReadingGuard.isReadingNeutral(Fix(title: "ins", edits: [TextEdit(range: ByteRange(0, 0), replacement: " ")]), in: c))
    }

    @Test func wholeDocumentBodyTextDecides() {
        // Without the word joiner the line is a post header: chrome, out of the body text.
        let c = Self.context("发表于\u{2060}2024-1-1")
        let joiner = ByteRange(9, 12)
        #expect(!PageReadingGuard.keepsWholeBody([.delete(joiner)], in: c))
        #expect(PageReadingGuard.check(Fix(title: "x", edits: [.delete(joiner)]), in: c) == .changesBody)
        let plain = Self.context("word\u{2060}s and more")
        #expect(PageReadingGuard.check(Fix(title: "x", edits: [.delete(ByteRange(4, 7))]), in: plain) == .keepsBody)
    }

    @Test func pastTheBudgetAFixThatNeedsTheCheckIsUnchecked() {
        let c = Self.context("发表于\u{2060}2024-1-1")
        c.readingCheckBytes = PageReadingGuard.readingCheckBudget(c.source.count)
        #expect(PageReadingGuard.check(Fix(title: "x", edits: [.delete(ByteRange(9, 12))]), in: c) == .unchecked)
        // Neutral fixes need no check.
        let ws = Self.context("word  \nmore")
        ws.readingCheckBytes = PageReadingGuard.readingCheckBudget(ws.source.count)
        #expect(PageReadingGuard.check(Fix(title: "ws", edits: [.delete(ByteRange(4, 6))]), in: ws) == .keepsBody)
    }

    /// A page with far more fixes than the budget re-checks keeps them safe (the line-level verdict
    /// stands past the budget), and its clean-up, checked whole per pass, still keeps every word.
    @Test func aLargePageKeepsItsFixesAndItsBodyText() {
        var text = ""
        for n in 0..<3000 { text += "第\(n)段 [b]未闭合 tail  \n\n" }
        let analysis = DocumentAnalysis(source: SourceText(text))
        let unclosed = analysis.diagnostics.filter { $0.code == "unclosed-tag" }
        #expect(unclosed.count == 3000)
        let safe = unclosed.filter { $0.fixes.contains { $0.isSafe } }.count
        #expect(safe == unclosed.count, "safe fixes on \(safe) of \(unclosed.count) unclosed tags")
        let cleaned = CleanupRunner.cleanUp(analysis)
        let after = DocumentAnalysis(source: SourceText(bytes: cleaned.bytes))
        #expect(BodyText.of(after.ruleContext()) == BodyText.of(analysis.ruleContext()))
        #expect(after.diagnostics.filter { $0.code == "unclosed-tag" }.isEmpty)
    }
}
