import Foundation
import Testing
import ForumMarkup
@testable import forumls

@Suite struct OutlineCommandTests {
    static let page = """
    示例论坛
    查看: 3|回复: 0

    这是标题

    [复制链接]
    楼主
    某人 发表于 2023-5-6 07:08:09 | 只看该作者
    一段足够长的开头文字,用来让下面的那个短行被看成一个小节的标题,而不是普通的一行。

    第一部分

    第一部分的正文同样需要足够长,这样上面那一行才算是标题,而不是随便的一句话。
    """

    @Test func jsonHasTheShapePredictPyReads() throws {
        let analysis = DocumentAnalysis(source: SourceText(Self.page))
        let text = OutlineCommand.jsonText(analysis, chrome: true)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["title"] as? String == "这是标题")
        #expect(json["titleLine"] as? Int == 4)
        let posts = try #require(json["posts"] as? [[String: Any]])
        #expect(posts.count == 1)
        #expect(posts[0]["line"] as? Int == 8)
        #expect(posts[0]["floor"] as? String == "楼主")
        #expect(posts[0]["author"] as? String == "某人")
        #expect(posts[0]["date"] as? String == "2023-5-6 07:08:09")
        let headings = try #require(posts[0]["headings"] as? [[String: Any]])
        #expect(headings.count == 1)
        #expect(headings[0]["line"] as? Int == 11)
        #expect(headings[0]["level"] as? Int == 1)
        #expect(headings[0]["text"] as? String == "第一部分")
        let chrome = try #require(json["chromeLines"] as? [Int])
        #expect(chrome.contains(1) && chrome.contains(8) && !chrome.contains(4))
    }

    @Test func rawPostHasNullTitleAndHeaderlessPost() throws {
        let analysis = DocumentAnalysis(source: SourceText("just one line, nothing more。\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(OutlineCommand.jsonText(analysis, chrome: false).utf8)) as? [String: Any])
        #expect(json["title"] is NSNull)
        let posts = try #require(json["posts"] as? [[String: Any]])
        #expect(posts.count == 1)
        #expect(posts[0]["line"] is NSNull)
        #expect(posts[0]["bodyLine"] as? Int == 1)
        #expect(json["chromeLines"] == nil)
    }

    @Test func usageErrors() {
        #expect(OutlineCommand.run([]) == 2)
        #expect(OutlineCommand.run(["/no/such/file.txt"]) == 2)
        #expect(OutlineCommand.run(["a", "b"]) == 2)
        #expect(OutlineCommand.run(["--dialect", "nope", "a"]) == 2)
    }
}
