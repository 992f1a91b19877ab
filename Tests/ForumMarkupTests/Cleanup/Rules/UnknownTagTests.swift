import Testing
import ForumMarkup

@Suite struct UnknownTagTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("unknown-tag", "[126] [复制链接] [1] [Rainmeter]\n").isEmpty)
    }
    @Test func flagsPairedUnknownName() {
        #expect(flagged("unknown-tag", "[h]Title[/h]\n") == ["[h]"])
    }
    @Test func fixIsOfferedButNotSafe() {
        #expect(fixed("unknown-tag", "[h]Title[/h]\n") == "Title\n")
        #expect(fixed("unknown-tag", "[h]Title[/h]\n", safeOnly: true) == "[h]Title[/h]\n")
    }
    @Test func nearMissKnownElsewhereTags() {
        #expect(findings("unknown-tag", "[spoiler]x[/spoiler] [h1]y[/h1]\n").isEmpty)
    }
}
