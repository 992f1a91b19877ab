import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

@Suite struct DiagnosticsDeliveryTests {
    static let broken = "[b]bold 😀 never closed\n[/i] stray 字\n[quote]unclosed"

    @Test func pushAfterOpenWithVersion() {
        let client = TestClient()
        client.initialize()
        client.open("file:///p.bbcode", DiagnosticsDeliveryTests.broken, version: 7)
        let published = client.notifications("textDocument/publishDiagnostics")
        #expect(published.count == 1)
        let params = published.first?["params"] as? JSONObject
        #expect(params?["uri"] as? String == "file:///p.bbcode")
        #expect(params?["version"] as? Int == 7)
        let expected = DocumentAnalysis(source: SourceText(DiagnosticsDeliveryTests.broken)).diagnostics
        let items = params?["diagnostics"] as? [JSONObject] ?? []
        #expect(items.count == expected.count)
        for item in items {
            #expect(item["source"] as? String == "forumls")
            #expect(item["severity"] is Int)
            #expect(item["code"] is String)
        }
    }

    @Test func burstOfChangesIsAnalysedOnceAtTheNewestVersion() {
        let client = TestClient()
        client.initialize()
        let uri = "file:///burst.bbcode"
        client.open(uri, "x", version: 1)
        _ = client.notifications("textDocument/publishDiagnostics")
        for version in 2...20 {
            client.change(uri, version: version, [(0, 0, 0, 0, "[b]")], drain: false)
        }
        client.drain()
        let published = client.notifications("textDocument/publishDiagnostics")
        #expect(published.count == 1)
        #expect((published.first?["params"] as? JSONObject)?["version"] as? Int == 20)
    }

    @Test func closeClearsDiagnostics() {
        let client = TestClient()
        client.initialize()
        client.open("file:///c.bbcode", DiagnosticsDeliveryTests.broken)
        _ = client.notifications("textDocument/publishDiagnostics")
        client.notify("textDocument/didClose", ["textDocument": ["uri": "file:///c.bbcode"]])
        let published = client.notifications("textDocument/publishDiagnostics")
        #expect(published.count == 1)
        #expect(((published.first?["params"] as? JSONObject)?["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func pullWhenTheClientSupportsIt() {
        let client = TestClient()
        let result = client.initialize(capabilities: ["textDocument": ["diagnostic": ["dynamicRegistration": false]]])
        #expect((result["capabilities"] as? JSONObject)?["diagnosticProvider"] != nil)
        let uri = "file:///pull.bbcode"
        client.open(uri, DiagnosticsDeliveryTests.broken)
        #expect(client.notifications("textDocument/publishDiagnostics").isEmpty)
        let first = client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])?["result"] as? JSONObject
        #expect(first?["kind"] as? String == "full")
        let resultID = first?["resultId"] as? String
        #expect(resultID != nil)
        let again = client.request("textDocument/diagnostic", ["textDocument": ["uri": uri], "previousResultId": resultID!])?["result"] as? JSONObject
        #expect(again?["kind"] as? String == "unchanged")
        #expect(again?["resultId"] as? String == resultID)
        client.change(uri, version: 2, [(0, 0, 0, 0, "x")])
        let changed = client.request("textDocument/diagnostic", ["textDocument": ["uri": uri], "previousResultId": resultID!])?["result"] as? JSONObject
        #expect(changed?["kind"] as? String == "full")
        #expect(changed?["resultId"] as? String != resultID)
    }

    @Test func pullAfterASettingsChangeIsFull() {
        let client = TestClient()
        client.initialize(capabilities: ["textDocument": ["diagnostic": [:] as JSONObject]])
        let uri = "file:///settings.bbcode"
        client.open(uri, "trailing   \n[b]x\n")
        let first = client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])?["result"] as? JSONObject
        let resultID = first?["resultId"] as? String ?? ""
        client.notify("workspace/didChangeConfiguration", ["settings": ["forumls": ["rules": ["trailing-whitespace": "off"]]]])
        let again = client.request("textDocument/diagnostic", ["textDocument": ["uri": uri], "previousResultId": resultID])?["result"] as? JSONObject
        #expect(again?["kind"] as? String == "full")
        #expect(again?["resultId"] as? String != resultID)
        let codes = (again?["items"] as? [JSONObject] ?? []).compactMap { $0["code"] as? String }
        #expect(!codes.contains("trailing-whitespace"))
    }

    @Test func queuedPullIsAnsweredContentModifiedWhenAnEditFollows() {
        let client = TestClient()
        client.initialize(capabilities: ["textDocument": ["diagnostic": [:] as JSONObject]])
        let uri = "file:///stale.bbcode"
        client.open(uri, "text")
        client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]], id: 50, drain: false)
        client.change(uri, version: 2, [(0, 0, 0, 0, "x")], drain: false)
        client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]], id: 51, drain: false)
        client.drain()
        #expect(errorCode(client.response(id: 50)) == -32801)
        #expect((client.response(id: 51)?["result"] as? JSONObject)?["kind"] as? String == "full")
    }

    @Test func conversionOfADiagnostic() {
        let source = SourceText("ab😀[b]\nx")
        let diagnostic = Diagnostic(code: "unclosed-tag", severity: .warning, range: ByteRange(6, 9), message: "m",
                                    tags: [.unnecessary], related: [RelatedLocation(range: ByteRange(10, 11), message: "partner")])
        let lsp = LSPDiagnostic(diagnostic, uri: "file:///d", converter: PositionConverter(source, .utf16))
        #expect(lsp.range == LSPRange(start: Position(line: 0, character: 4), end: Position(line: 0, character: 7)))
        #expect(lsp.severity == 2)
        #expect(lsp.tags == [1])
        #expect(lsp.relatedInformation?.first?.location.range.start == Position(line: 1, character: 0))
        let utf8 = LSPDiagnostic(diagnostic, uri: "file:///d", converter: PositionConverter(source, .utf8))
        #expect(utf8.range.start.character == 6)
    }
}
