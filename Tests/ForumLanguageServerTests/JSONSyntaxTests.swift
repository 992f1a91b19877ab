import Foundation
import Testing
@testable import ForumLanguageServer

@Suite struct JSONSyntaxTests {
    @Test func acceptsJSON() {
        let valid = ["{}", "[]", " {\"a\":[1,-0.5e+3,true,false,null,\"\\u00e9\\n\"],\"b\":{}} ", "0", "\"x\"",
                     "[[[]]]", "-12", "1E5", "\u{FEFF}{}", "{\"t\":\"中文😀\"}"]
        for text in valid { #expect(JSONSyntax.violation(in: Array(text.utf8)) == nil, "\(text)") }
        // Invalid UTF-8 inside a string is the decoder's to repair, not a syntax error.
        #expect(JSONSyntax.violation(in: Array("[\"a".utf8) + [0xFF] + Array("\"]".utf8)) == nil)
    }

    @Test func refusesWhatTheGrammarForbids() {
        let invalid = ["{\"a\":1,}", "[1,]", "[1,,2]", "{,}", "01", "-01", "1.", ".5", "1e", "+1", "{\"a\" 1}",
                       "{a:1}", "[1 2]", "{} {}", "tru", "nul", "\"\\x\"", "\"\\u12g4\"", "\"a\tb\"", "\"open",
                       "[", "{\"a\":", "", "   ", "{'a':1}", "NaN", "[1]]", "{\"a\":1]"]
        for text in invalid { #expect(JSONSyntax.violation(in: Array(text.utf8)) != nil, "\(text)") }
        #expect(JSONSyntax.violation(in: Array("{\"a\":1,}".utf8)) == "trailing comma in an object at byte 7")
        #expect(JSONSyntax.violation(in: Array("[1,]".utf8)) == "trailing comma in an array at byte 3")
    }

    /// Deep nesting is an explicit stack, not recursion.
    @Test func deepNestingIsFine() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(JSONSyntax.violation(in: Array(deep.utf8)) == nil)
    }

    /// JSON-RPC 2.0: a body that is not JSON gets -32700 with `"id": null`, even where `JSONDecoder`
    /// would have read it (it accepts trailing commas).
    @Test func serverAnswersTrailingCommasWithParseErrors() {
        let client = TestClient()
        client.initialize()
        let before = client.received.count
        client.sendBody(Array("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",}".utf8))
        client.sendBody(Array("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\",\"params\":[1,]}".utf8))
        client.sendBody(Array("{\"jsonrpc\":\"2.0\",\"id\":03,\"method\":\"shutdown\"}".utf8))
        let replies = Array(client.received[before...])
        #expect(replies.count == 3)
        #expect(replies.allSatisfy { errorCode($0) == -32700 && $0["id"] is NSNull })
        #expect(errorCode(client.request("harness/y")) == -32601)
    }
}
