import Testing
@testable import ForumMarkup

/// `PageReadingGuard`: a safe fix keeps the body text of the whole document, not only of its lines.
@Suite struct PageReadingGuardTests {
    static func context(_ text: String) -> RuleContext {
        DocumentAnalysis(source: SourceText(text)).ruleContext()
    }

    @Test func trailingWhitespaceStrayClosersAndCutOffTagsAreNeutral() {
        let text = "word  \nmore[/b] text\n[size=4 tail [siz"
        let c = Self.context(text)
        #expect(PageReadingGuard.isReadingNeutral(Fix(title: "ws", edits: [.delete(ByteRange(4, 6))]), in: c))
        #expect(PageReadingGuard.isReadingNeutral(Fix(title: "stray", edits: [.delete(ByteRange(11, 15))]), in: c))
        let cut = ByteRange(text.utf8.count - 4, text.utf8.count)
        #expect(PageReadingGuard.isReadingNeutral(Fix(title: "cut", edits: [.delete(cut)]), in: c))
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
        #expect(PageReadingGuard.check(Fix(title: "x", edits: [.delete(joiner)]), in: c) == .notSafe)
        let plain = Self.context("word\u{2060}s and more")
        #expect(PageReadingGuard.check(Fix(title: "x", edits: [.delete(ByteRange(4, 7))]), in: plain) == .keepsBody)
    }

    @Test func pastTheBudgetAFixThatNeedsTheCheckIsNotSafe() {
        let c = Self.context("word\u{2060}s and more")
        c.readingCheckBytes = PageReadingGuard.groupBudget(c.source.count)
        #expect(PageReadingGuard.check(Fix(title: "x", edits: [.delete(ByteRange(4, 7))]), in: c) == .notSafe)
        // Neutral fixes need no check.
        let ws = Self.context("word  \nmore")
        ws.readingCheckBytes = PageReadingGuard.groupBudget(ws.source.count)
        #expect(PageReadingGuard.check(Fix(title: "ws", edits: [.delete(ByteRange(4, 6))]), in: ws) == .keepsBody)
    }

    @Test func pastTheAloneBudgetFixesAreTestedInHalvingGroups() {
        // Line 1 loses its word joiner (makes a post header: bad); line 2 loses one (fine); line 3 a
        // stray closer (neutral); line 4 two overlapping fixes (one waits for a later group).
        let text = "Title here\n发表于\u{2060}2024-1-1\nword\u{2060}s here\nsome[/b] text\nmore\u{200B}\u{200B} words"
        let c = Self.context(text)
        let b = Array(text.utf8)
        func find(_ s: String, from: Int = 0) -> Int {
            let n = Array(s.utf8)
            return (from...(b.count - n.count)).first { Array(b[$0..<($0 + n.count)]) == n }!
        }
        let first = find("\u{2060}"), second = find("\u{2060}", from: first + 3)
        let stray = find("[/b]"), zw = find("\u{200B}")
        let fixes = [Fix(title: "bad", edits: [.delete(ByteRange(first, first + 3))]),
                     Fix(title: "good", edits: [.delete(ByteRange(second, second + 3))]),
                     Fix(title: "stray", edits: [.delete(ByteRange(stray, stray + 4))]),
                     Fix(title: "both", edits: [.delete(ByteRange(zw, zw + 6))]),
                     Fix(title: "one", edits: [.delete(ByteRange(zw, zw + 3))])]
        c.readingCheckBytes = PageReadingGuard.aloneBudget(c.source.count)
        #expect(PageReadingGuard.resolve(fixes, in: c) == [false, true, true, true, true])
        // With no budget left, only the neutral fix passes.
        c.readingCheckBytes = PageReadingGuard.groupBudget(c.source.count)
        #expect(PageReadingGuard.resolve(fixes, in: c) == [false, false, true, false, false])
    }
}
