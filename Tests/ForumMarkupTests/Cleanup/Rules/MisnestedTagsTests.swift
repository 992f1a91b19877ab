import Testing
import ForumMarkup

@Suite struct MisnestedTagsTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("misnested-tags", "[size=3][b]x[/b][/size]\n").isEmpty)
    }
    @Test func flagsInnerOpenerWithRelatedCloser() {
        let d = findings("misnested-tags", "[size=3][b]x[/size][/b]\n")
        #expect(d.count == 1)
        #expect(d.first?.related.isEmpty == false)
    }
    @Test func fixSwapsAdjacentClosers() {
        #expect(fixed("misnested-tags", "[SIZE=3][B]x[/size][/b]\n") == "[SIZE=3][B]x[/b][/size]\n")
    }
    @Test func fixReopensWhenTextFollows() {
        #expect(fixed("misnested-tags", "[b][i]x[/b]y[/i]\n") == "[b][i]x[/i][/b][i]y[/i]\n")
    }
}
