import Testing
@testable import ForumMarkup

@Suite struct TagHoverTests {
    func hover(_ marked: String, dialect: Dialect = .discuz) -> TagHoverInfo? {
        let (tree, offset) = parseMarked(marked, dialect: dialect)
        return TagHover.hover(in: tree, at: offset)
    }

    @Test func describesTagFormsAndForums() throws {
        let info = try #require(hover("[co|lor=red]x[/color]"))
        #expect(info.range == ByteRange(0, 11))
        #expect(info.markdown.contains("**[color]**: Text colour"))
        #expect(info.markdown.contains("`[color=#ff0000]…[/color]`"))
        #expect(info.markdown.contains("Accepted by Discuz!."))
        #expect(info.markdown.contains("Accepted by: Discuz!, phpBB, vBulletin, XenForo, MyBB."))
        #expect(!info.markdown.contains("Flagged"))
        // The closer and the cursor right after `]` find the tag too.
        #expect(hover("[color=red]x[/color]|")?.range == ByteRange(12, 20))
    }

    @Test func explainsWhyATagIsFlagged() throws {
        let junk = try #require(hover("[|backcolor=transparent !important]x"))
        #expect(junk.markdown.contains("Flagged: `transparent !important` is not a valid [backcolor] argument in Discuz!"))
        let stray = try #require(hover("x[/|i]"))
        #expect(stray.markdown.contains("Flagged: [/i] closes nothing that is open."))
        let unclosed = try #require(hover("[|b]never closed"))
        #expect(unclosed.markdown.contains("Flagged: [b] is never closed."))
        let foreign = try #require(hover("[|center]x[/center]"))
        #expect(foreign.markdown.contains("Not accepted by Discuz! out of the box"))
        #expect(foreign.markdown.contains("Accepted by: vBulletin, XenForo."))
        let unknown = try #require(hover("[|h]x[/h]"))
        #expect(unknown.markdown.contains("not a tag any forum in the catalog knows"))
        let needsArgument = try #require(hover("[|size]x[/size]"))
        #expect(needsArgument.markdown.contains("needs an argument"))
    }

    @Test func diagnosticsOnTheTagAreShown() throws {
        let (tree, offset) = parseMarked("[|b]x[/b]")
        let d = Diagnostic(code: "empty-pair", severity: .hint, range: ByteRange(0, 8), message: "An empty pair.")
        let info = try #require(TagHover.hover(in: tree, at: offset, diagnostics: [d]))
        #expect(info.markdown.hasSuffix("Flagged: An empty pair."))
    }

    @Test func nothingOutsideTags() {
        #expect(hover("plain | text") == nil)
        #expect(hover("[b]bo|ld[/b]") == nil)
    }
}
