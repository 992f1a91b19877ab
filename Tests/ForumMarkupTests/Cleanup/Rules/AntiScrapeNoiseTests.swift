import Testing
import ForumMarkup

@Suite struct AntiScrapeNoiseTests {
    @Test func cleanInputIsQuiet() {
        #expect(findings("anti-scrape-noise", "普通的一行文字, 没有干扰码。\nA plain English line, with a list: 1, 2, 3.\n").isEmpty)
    }
    @Test func flagsJammerAtLineEdges() {
        let text = "    ! j/ ^0 }3 X4 Q- @5 A一个是套利交易\n本帖最后由 x 于 2016-3-7 15:41 编辑 ' ]( A$ L2 p8 Z& ]8 m6 D\n"
        #expect(flagged("anti-scrape-noise", text) == ["! j/ ^0 }3 X4 Q- @5 A", "' ]( A$ L2 p8 Z& ]8 m6 D"])
    }
    @Test func fixDeletesJammerAndItsGlue() {
        let text = "    ! j/ ^0 }3 X4 Q- @5 A一个是套利交易\n特斯拉是大屏的先驱& \\7 ^3 d7 M( R\n"
        #expect(fixed("anti-scrape-noise", text) == "    一个是套利交易\n特斯拉是大屏的先驱\n")
    }
    @Test func nearMissWholeLineJammerIsChromeNotThisRule() {
        #expect(findings("anti-scrape-noise", "    . L  w$ |8 {! W\" [0 I\n").isEmpty)
    }
}
