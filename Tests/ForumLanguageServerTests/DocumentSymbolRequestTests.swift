import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

/// `textDocument/documentSymbol` through the in-process client and real JSON.
@Suite struct DocumentSymbolRequestTests {
    @Test func capabilitiesAreDeclared() {
        let client = TestClient()
        let result = client.initialize()
        let caps = result["capabilities"] as? JSONObject
        #expect(caps?["documentSymbolProvider"] as? Bool == true)
        #expect(caps?["foldingRangeProvider"] as? Bool == true)
        #expect(caps?["workspaceSymbolProvider"] as? Bool == true)
    }

    @Test func hierarchicalSymbols() throws {
        let client = OutlinePage.client(hierarchical: true)
        let response = client.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///t.txt"]])
        let symbols = try #require(response?["result"] as? [JSONObject])
        #expect(symbols.count == 1)
        let thread = symbols[0]
        #expect(thread["name"] as? String == "测试标题")
        #expect(thread["kind"] as? Int == SymbolKindValue.thread)
        let posts = try #require(thread["children"] as? [JSONObject])
        #expect(posts.count == 1)
        #expect(posts[0]["kind"] as? Int == SymbolKindValue.post)
        #expect((posts[0]["detail"] as? String)?.contains("2022-1-1 10:00:00") == true)
        let headings = try #require(posts[0]["children"] as? [JSONObject])
        #expect(headings.map { $0["name"] as? String } == ["第一节"])
        let selection = try #require(headings[0]["selectionRange"] as? JSONObject)
        #expect((selection["start"] as? JSONObject)?["line"] as? Int == 13)
        #expect((selection["end"] as? JSONObject)?["character"] as? Int == 3)
    }

    @Test func flatSymbolsWithoutHierarchySupport() throws {
        let client = OutlinePage.client(hierarchical: false)
        let response = client.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///t.txt"]])
        let symbols = try #require(response?["result"] as? [JSONObject])
        #expect(symbols.map { $0["name"] as? String } == ["测试标题", "楼主", "第一节"])
        #expect(symbols[2]["containerName"] as? String == "楼主")
        #expect((symbols[2]["location"] as? JSONObject)?["uri"] as? String == "file:///t.txt")
    }

    @Test func unknownDocumentIsAnInvalidParamsError() {
        let client = OutlinePage.client(hierarchical: true)
        let response = client.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///missing.txt"]])
        #expect(errorCode(response) == -32602)
    }
}
