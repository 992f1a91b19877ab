import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

/// `workspace/symbol` through the in-process client and real JSON.
@Suite struct WorkspaceSymbolRequestTests {
    @Test func workspaceSymbols() throws {
        let client = OutlinePage.client(hierarchical: true)
        client.open("file:///u.bbcode", "Intro paragraph that is long enough to stand on its own as text.\n\n[size=5]Install Guide[/size]\nRun the installer and follow the prompts until it is done.\n")
        let all = try #require(client.request("workspace/symbol", ["query": ""])?["result"] as? [JSONObject])
        #expect(all.map { $0["name"] as? String } == ["测试标题", "第一节", "Install Guide"])
        let some = try #require(client.request("workspace/symbol", ["query": "install"])?["result"] as? [JSONObject])
        #expect(some.map { $0["name"] as? String } == ["Install Guide"])
    }
}
