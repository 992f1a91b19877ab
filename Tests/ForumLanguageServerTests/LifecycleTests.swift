import Foundation
import Testing
@testable import ForumLanguageServer

@Suite struct LifecycleTests {
    @Test func requestBeforeInitializeIsRefused() {
        let client = TestClient()
        #expect(errorCode(client.request("forumls/syntaxTree", ["textDocument": ["uri": "file:///x"]])) == -32002)
        #expect(errorCode(client.request("no/such")) == -32002)
        // A notification before initialize is dropped, and initialize still works afterwards.
        client.open("file:///x.bbcode", "[b]x")
        let result = client.initialize()
        #expect((result["serverInfo"] as? JSONObject)?["name"] as? String == "forumls")
        #expect(client.text("file:///x.bbcode") == nil)
    }

    @Test func initializeDeclaresCapabilities() {
        let client = TestClient()
        let result = client.initialize()
        let capabilities = result["capabilities"] as? JSONObject ?? [:]
        #expect(capabilities["positionEncoding"] as? String == "utf-16")
        let sync = capabilities["textDocumentSync"] as? JSONObject
        #expect(sync?["change"] as? Int == 2)
        #expect(sync?["openClose"] as? Bool == true)
        #expect(capabilities["diagnosticProvider"] == nil)
        #expect(((result["serverInfo"] as? JSONObject)?["version"] as? String) == LanguageServer.version)
        #expect(errorCode(client.request("initialize", ["capabilities": [:] as JSONObject])) == -32600)
    }

    @Test func shutdownThenExitGivesZero() {
        let client = TestClient()
        client.initialize()
        let shutdown = client.request("shutdown")
        #expect(shutdown?.keys.contains("result") == true)
        #expect(shutdown?["result"] is NSNull)
        #expect(errorCode(client.request("forumls/syntaxTree", ["textDocument": ["uri": "file:///x"]])) == -32600)
        #expect(client.exitCode == nil)
        client.notify("exit")
        #expect(client.exitCode == 0)
    }

    @Test func nullParamsOnShutdownAndExitAreAccepted() {
        let client = TestClient()
        client.initialize()
        let shutdown = client.request("shutdown", NSNull())
        #expect(shutdown?["error"] == nil)
        client.notify("exit", NSNull())
        #expect(client.exitCode == 0)
    }

    @Test func exitWithoutShutdownGivesOne() {
        let client = TestClient()
        client.initialize()
        client.notify("exit")
        #expect(client.exitCode == 1)
    }

    @Test func endOfInputEndsTheServer() {
        let client = TestClient()
        client.initialize()
        client.server.endOfInput()
        client.drain()
        #expect(client.exitCode == 1)
    }

    @Test func errorCodes() {
        let client = TestClient()
        client.initialize()
        #expect(errorCode(client.request("harness/unknownMethod")) == -32601)
        #expect(errorCode(client.request("$/unknownRequest")) == -32601)
        #expect(errorCode(client.request("forumls/syntaxTree", ["textDocument": 5])) == -32602)
        #expect(errorCode(client.request("forumls/syntaxTree")) == -32602)
        #expect(errorCode(client.request("forumls/syntaxTree", ["textDocument": ["uri": "file:///never-opened"]])) == -32602)
        // Unknown notifications (plain and `$/`) get no answer.
        let before = client.received.count
        client.notify("harness/unknownNotification", [:] as JSONObject)
        client.notify("$/unknownNotification", [:] as JSONObject)
        #expect(client.received.count == before)
        // String ids are echoed back.
        let response = client.request("harness/x", id: "abc")
        #expect(response?["id"] as? String == "abc")
    }

    @Test func unreadableBodiesGetParseErrorsWithNullID() {
        let client = TestClient()
        client.initialize()
        let before = client.received.count
        client.sendBody(Array("this is not json".utf8))
        client.sendBody(Array("{\"jsonrpc\":\"2.0\",\"id\":".utf8))
        for body in ["42", "\"a string\"", "[1,2,3]", "[]", "null", "true", "{\"jsonrpc\":\"2.0\"}"] {
            client.sendBody(Array(body.utf8))
        }
        let replies = Array(client.received[before...])
        #expect(replies.count == 9)
        #expect(replies.prefix(2).allSatisfy { errorCode($0) == -32700 && $0["id"] is NSNull })
        #expect(replies.dropFirst(2).allSatisfy { errorCode($0) == -32600 })
        // Still alive.
        #expect(errorCode(client.request("harness/y")) == -32601)
    }

    @Test func invalidUTF8AndLoneSurrogatesAreRepaired() {
        let client = TestClient()
        client.initialize()
        var body = Array("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///bad\",\"languageId\":\"bbcode\",\"version\":1,\"text\":\"a".utf8)
        body += [0xFF, 0xC3]
        body += Array("b\\ud800c\\udc00d\"}}}".utf8)
        client.sendBody(body)
        #expect(client.text("file:///bad") == "a\u{FFFD}\u{FFFD}b\u{FFFD}c\u{FFFD}d")
    }

    @Test func cancelApplysToQueuedRequests() {
        let client = TestClient()
        client.initialize()
        client.open("file:///c.bbcode", "[b]x[/b]")
        client.request("forumls/syntaxTree", ["textDocument": ["uri": "file:///c.bbcode"]], id: 77, drain: false)
        client.notify("$/cancelRequest", ["id": 77], drain: false)
        client.notify("$/cancelRequest", ["id": 12345], drain: false)
        client.drain()
        #expect(errorCode(client.response(id: 77)) == -32800)
        #expect(client.received.filter { TestClient.key($0["id"]) == "n77" }.count == 1)
    }
}
