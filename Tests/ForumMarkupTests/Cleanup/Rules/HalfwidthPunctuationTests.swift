import Testing
import ForumMarkup

@Suite struct HalfwidthPunctuationTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("halfwidth-punctuation", "Hello, world! 价格: 100 元 see http://a.b/c?d=1\n").isEmpty)
    }
    @Test func offByDefault() {
        #expect(!DocumentAnalysis(source: SourceText("你好,世界\n")).diagnostics.contains { $0.code == "halfwidth-punctuation" })
    }
    @Test func flagsAndFixes() {
        #expect(flagged("halfwidth-punctuation", "你好,世界!\n") == [",", "!"])
        #expect(fixed("halfwidth-punctuation", "你好,世界?对(是)\n") == "你好，世界？对（是）\n")
    }
    @Test func nearMissLatinBetween() {
        #expect(findings("halfwidth-punctuation", "版本 1,2 and a,b\n").isEmpty)
    }
}
