import Testing
@testable import ForumMarkup

@Suite struct TagPartnerTests {
    @Test func findsThePartnerFromEitherSide() throws {
        let (tree, offset) = parseMarked("a [|quote]x [b]y[/b][/quote]")
        let pair = try #require(TagPartner.pair(in: tree, at: offset))
        #expect(text(tree, pair.open) == "[quote]" && text(tree, pair.close) == "[/quote]")
        #expect(pair.cursorOnOpen)
        let (tree2, offset2) = parseMarked("a [quote]x [b]y[/b][/quo|te]")
        let back = try #require(TagPartner.pair(in: tree2, at: offset2))
        #expect(back.open == pair.open && back.close == pair.close && !back.cursorOnOpen)
        #expect(text(tree2, back.openName) == "quote" && text(tree2, back.closeName) == "quote")
    }

    @Test func noPartnerForMissingStrayVoidOrText() {
        for marked in ["[|b]never closed", "x[/|i]", "[list][|*]a[/list]", "te|xt", "[b][i]mis[/b]nested[/|i]"] {
            let (tree, offset) = parseMarked(marked)
            #expect(TagPartner.pair(in: tree, at: offset) == nil, "\(marked)")
        }
    }

    @Test func renameEditsBothNamesOnlyFromTheName() throws {
        let (tree, offset) = parseMarked("[B|]x[/B]")
        let edits = try #require(TagPartner.renameEdits(in: tree, at: offset, to: "i"))
        #expect(tree.source.applying(edits).string == "[i]x[/i]")
        #expect(TagPartner.renameEdits(in: tree, at: offset, to: "bad name") == nil)
        #expect(TagPartner.renameEdits(in: tree, at: offset, to: "") == nil)
        let (tree2, offset2) = parseMarked("[color=r|ed]x[/color]")
        #expect(TagPartner.pairByName(in: tree2, at: offset2) == nil)
        #expect(TagPartner.pair(in: tree2, at: offset2) != nil)
    }
}
