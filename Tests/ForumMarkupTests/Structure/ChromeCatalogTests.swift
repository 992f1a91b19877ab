import Testing
@testable import ForumMarkup

@Suite struct ChromeCatalogTests {
    func kind(_ s: String) -> ChromeKind? { ChromeCatalog.classify(Array(s.utf8))?.kind }

    @Test func discuzLines() {
        #expect(kind("查看: 39987|回复: 0") == .counters)
        #expect(kind("[复制链接]") == .copyLink)
        #expect(kind("Rank: 8Rank: 8") == .rankLine)
        #expect(kind("跳转到指定楼层") == .floorJump)
        #expect(kind("楼主") == .floorLabel)
        #expect(kind("12#") == .floorLabel)
        #expect(kind("本帖最后由 青瓷小盏 于 2025-12-3 20:40 编辑") == .editNotice)
        #expect(kind("使用道具 举报") == .postButtons)
        #expect(kind("本版积分规则") == .pageFooter)
        #expect(kind("Powered by Discuz! X3.4") == .pageFooter)
        #expect(kind("截图.png (60.54 KB, 下载次数: 0)") == .attachment)
        #expect(kind("2万") == .profile)
        #expect(kind("积分 4628") == .profile)
    }

    @Test func otherEngines() {
        #expect(kind("Posts: 1296") == .profile)
        #expect(kind("Reply With Quote") == .postButtons)
        #expect(kind("Last edited by quietfox; 05-06-2012 at 09:30 PM.") == .editNotice)
        #expect(kind("« Last Edit: March 02, 2015, 11:05:44 AM by Rowan »") == .editNotice)
        #expect(kind("Results 1 to 8 of 8") == .counters)
    }

    @Test func nearMissesAreNotChrome() {
        #expect(kind("我觉得应该回复楼主一下,顺便举报这个广告帖。") == nil)
        #expect(kind("Reply to a thread     +7 coins") == nil)
        #expect(kind("Points for all members!") == nil)
        #expect(kind("[Rainmeter]") == nil)
        #expect(kind("新华网客户端2022-03-01 08:30阅读量12万") == nil)
        #expect(kind("回复 这个问题我也遇到过") == nil)
    }

    @Test func postHeaders() {
        let discuz = ChromeCatalog.postHeader(Array("ID:123456 发表于 2022-4-5 16:20 | 显示全部楼层 |阅读模式".utf8))
        #expect(discuz?.author == "ID:123456")
        #expect(discuz?.date == "2022-4-5 16:20")
        #expect(discuz?.isStrong == true)
        let relative = ChromeCatalog.postHeader(Array("发表于 3 天前 | 只看该作者".utf8))
        #expect(relative?.date == "3 天前")
        let quote = ChromeCatalog.postHeader(Array("小明 发表于 2020-1-2 10:00".utf8))
        #expect(quote?.isStrong == false)
        let phpbb = ChromeCatalog.postHeader(Array("Post #12 Posted: Mon Jan 09, 2023 7:15 pm".utf8))
        #expect(phpbb?.floor == 12)
        let export = ChromeCatalog.postHeader(Array("### Post by harbourlight on 2011-03-02".utf8))
        #expect(export?.author == "harbourlight")
        let vb = ChromeCatalog.postHeader(Array("3. #3".utf8))
        #expect(vb?.floor == 3)
        #expect(ChromeCatalog.postHeader(Array("我在2021-6-9发表于报纸上".utf8)) == nil)
    }
}
