import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

/// Configuration through `workspace/didChangeConfiguration`, `workspace/configuration` and `.forumls.json`.
@Suite struct ConfigurationTests {
    static let uri = "file:///config.bbcode"
    static let text = "trailing   \n[size=0.85em]small[/size]\n"

    static func codes(_ client: TestClient) -> [String] {
        let published = client.notifications("textDocument/publishDiagnostics").filter {
            ($0["params"] as? JSONObject)?["uri"] as? String == uri
        }
        let diagnostics = (published.last?["params"] as? JSONObject)?["diagnostics"] as? [JSONObject] ?? []
        return diagnostics.compactMap { $0["code"] as? String }
    }

    static func start(_ capabilities: JSONObject = [:], root: String? = nil) -> TestClient {
        let client = TestClient()
        _ = client.request("initialize", ["processId": NSNull(), "rootUri": root ?? NSNull(), "capabilities": capabilities])
        client.notify("initialized", [:] as JSONObject)
        return client
    }

    @Test func pushedSettingsSwitchRulesAndDialect() {
        let client = Self.start()
        client.open(Self.uri, Self.text)
        #expect(Set(Self.codes(client)) == ["trailing-whitespace", "invalid-tag-argument"])
        client.notify("workspace/didChangeConfiguration",
                      ["settings": ["forumls": ["rules": ["trailing-whitespace": "off", "invalid-tag-argument": ["severity": "error"]]]]])
        let published = client.notifications("textDocument/publishDiagnostics")
        let diagnostics = (published.last?["params"] as? JSONObject)?["diagnostics"] as? [JSONObject] ?? []
        #expect(diagnostics.map { $0["code"] as? String } == ["invalid-tag-argument"])
        #expect(diagnostics.first?["severity"] as? Int == 1)
    }

    @Test func pulledSettingsThroughWorkspaceConfiguration() throws {
        let client = Self.start(["workspace": ["configuration": true]])
        let request = try #require(client.notifications("workspace/configuration").first)
        let items = (request["params"] as? JSONObject)?["items"] as? [JSONObject]
        #expect(items?.first?["section"] as? String == "forumls")
        client.open(Self.uri, Self.text)
        _ = Self.codes(client)
        client.send(["jsonrpc": "2.0", "id": request["id"]!, "result": [["rules": ["invalid-tag-argument": false]]]])
        #expect(Self.codes(client) == ["trailing-whitespace"])
        // A null push makes the server ask again.
        client.notify("workspace/didChangeConfiguration", ["settings": NSNull()])
        #expect(client.notifications("workspace/configuration").count == 1)
    }

    @Test func configurationFileIsReadReportedAndReloaded() throws {
        let dir = NSTemporaryDirectory() + "forumls-config-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file = dir + "/.forumls.json"
        try "{\"rules\": {\"no-such-rule\": \"off\"}}".write(toFile: file, atomically: true, encoding: .utf8)
        let client = Self.start(["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]], root: "file://" + dir)
        #expect(client.notifications("client/registerCapability").count == 1)
        let fileURI = "file://" + file
        let reports = client.notifications("textDocument/publishDiagnostics").filter { ($0["params"] as? JSONObject)?["uri"] as? String == fileURI }
        let problems = (reports.last?["params"] as? JSONObject)?["diagnostics"] as? [JSONObject] ?? []
        #expect(problems.count == 1)
        #expect((problems.first?["message"] as? String)?.contains("no-such-rule") == true)
        client.open(Self.uri, Self.text)
        #expect(Set(Self.codes(client)) == ["trailing-whitespace", "invalid-tag-argument"]) // defaults stay
        try "{\"dialect\": \"xenforo\", \"rules\": {\"trailing-whitespace\": \"off\"}}".write(toFile: file, atomically: true, encoding: .utf8)
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": fileURI, "type": 2]]])
        let cleared = client.notifications("textDocument/publishDiagnostics").filter { ($0["params"] as? JSONObject)?["uri"] as? String == fileURI }
        #expect(((cleared.last?["params"] as? JSONObject)?["diagnostics"] as? [JSONObject])?.isEmpty == true)
        #expect(client.server.context.analysisOptions.dialect == .xenforo)
        #expect(!client.server.context.documents[Self.uri]!.analysis.diagnostics.contains { $0.code == "trailing-whitespace" })
    }
}
