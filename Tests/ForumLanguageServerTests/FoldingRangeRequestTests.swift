import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

/// `textDocument/foldingRange` through the in-process client and real JSON.
@Suite struct FoldingRangeRequestTests {
    @Test func foldingRanges() throws {
        let client = OutlinePage.client(hierarchical: true)
        let response = client.request("textDocument/foldingRange", ["textDocument": ["uri": "file:///t.txt"]])
        let ranges = try #require(response?["result"] as? [JSONObject])
        func has(_ start: Int, _ end: Int, _ kind: String?) -> Bool {
            ranges.contains { $0["startLine"] as? Int == start && $0["endLine"] as? Int == end && $0["kind"] as? String == kind }
        }
        #expect(has(0, 1, "comment"))          // header chrome
        #expect(has(5, 9, "comment"))          // copy link, profile, floor label, meta line
        #expect(has(13, 18, nil))              // the section 第一节
        #expect(has(17, 18, "region"))         // the quote
        #expect(has(20, 24, "comment"))        // buttons and footer
        #expect(ranges.allSatisfy { $0["startCharacter"] == nil })
    }

    @Test func foldingRangesWithCharacters() throws {
        let client = OutlinePage.client(hierarchical: true, lineFoldingOnly: false)
        let response = client.request("textDocument/foldingRange", ["textDocument": ["uri": "file:///t.txt"]])
        let ranges = try #require(response?["result"] as? [JSONObject])
        let quote = try #require(ranges.first { $0["kind"] as? String == "region" })
        #expect(quote["endCharacter"] as? Int == 14)
    }
}

@Suite struct FoldingRangeLimitTests {
    @Test func rangeLimitKeepsTheWidestRanges() throws {
        let client = TestClient()
        _ = client.initialize(capabilities: ["textDocument": ["foldingRange": ["lineFoldingOnly": true, "rangeLimit": 2]]])
        client.open("file:///t.txt", OutlinePage.page)
        let ranges = try #require(client.request("textDocument/foldingRange", ["textDocument": ["uri": "file:///t.txt"]])?["result"] as? [JSONObject])
        #expect(ranges.count == 2)
        // The post (lines 5-19) is the widest range and is kept.
        #expect(ranges.contains { $0["startLine"] as? Int == 5 && $0["kind"] == nil })
    }
}
