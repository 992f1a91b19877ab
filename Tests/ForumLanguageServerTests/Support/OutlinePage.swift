import Foundation
@testable import ForumLanguageServer

/// A small scraped Discuz page shared by the outline method tests (our own text).
enum OutlinePage {
    static let page = """
    示例论坛|示例
    查看: 10|回复: 1

    测试标题

    [复制链接]
    12
    主题
    楼主
    发表于 2022-1-1 10:00:00 | 只看该作者

    这里是第一段正文,内容足够长,用来说明整篇文章到底想讲一些什么样的事情。

    第一节

    第一节的正文也要足够长,这样它前面那一行才会被当成小标题来看待,对吧。

    [quote]引用的第一行
    引用的第二行[/quote]

    回复

    使用道具 举报

    本版积分规则
    """

    /// A client that opened `page` as `file:///t.txt`.
    static func client(hierarchical: Bool, lineFoldingOnly: Bool = true) -> TestClient {
        let client = TestClient()
        _ = client.initialize(capabilities: ["textDocument": [
            "documentSymbol": ["hierarchicalDocumentSymbolSupport": hierarchical],
            "foldingRange": ["lineFoldingOnly": lineFoldingOnly],
        ]])
        client.open("file:///t.txt", page)
        return client
    }
}
