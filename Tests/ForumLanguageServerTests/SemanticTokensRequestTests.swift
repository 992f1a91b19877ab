import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

@Suite struct SemanticTokensRequestTests {
    /// Decodes `data` into (line, column, length, type name, modifier bits).
    func decode(_ data: [Int], legend: [String]) -> [(Int, Int, Int, String, Int)] {
        var out: [(Int, Int, Int, String, Int)] = []
        var line = 0, column = 0
        for k in stride(from: 0, to: data.count, by: 5) {
            line += data[k]
            column = data[k] == 0 ? column + data[k + 1] : data[k + 1]
            out.append((line, column, data[k + 2], legend[data[k + 3]], data[k + 4]))
        }
        return out
    }

    @Test func legendIsAnnounced() {
        let (_, result) = Editing.client("x")
        let provider = (result["capabilities"] as? JSONObject)?["semanticTokensProvider"] as? JSONObject
        let legend = provider?["legend"] as? JSONObject
        #expect(legend?["tokenTypes"] as? [String] == SemanticTokenLegend.tokenTypes)
        #expect(legend?["tokenModifiers"] as? [String] == ["deprecated", "foreign", "unmatched"])
        #expect(provider?["full"] as? Bool == true && provider?["range"] as? Bool == true)
    }

    @Test(arguments: Editing.encodings)
    func columnsAfterEmojiAndCJK(_ encoding: PositionEncoding) throws {
        let text = "😀中[b]字[/b]\n👨‍👩‍👧 [color=red]x[/color]"
        let (client, result) = Editing.client(text, encoding: encoding)
        let legend = ((result["capabilities"] as? JSONObject)?["semanticTokensProvider"] as? JSONObject)
            .flatMap { $0["legend"] as? JSONObject }?["tokenTypes"] as? [String] ?? []
        let response = client.request("textDocument/semanticTokens/full", ["textDocument": ["uri": Editing.uri]])
        let data = try #require((response?["result"] as? JSONObject)?["data"] as? [Int])
        let tokens = decode(data, legend: legend)
        func column(_ marker: String, _ shift: Int = 0) -> Int {
            Editing.position(of: marker, in: text, shift: shift, encoding)["character"] as! Int
        }
        // `[b]` after an emoji and a CJK character.
        #expect(tokens[0].0 == 0 && tokens[0].1 == column("[b]") && tokens[0].3 == "operator")
        #expect(tokens[1].1 == column("[b]", 1) && tokens[1].2 == 1 && tokens[1].3 == "keyword")
        // `red` on the second line after a ZWJ family.
        let red = try #require(tokens.first { $0.3 == "enumMember" })
        #expect(red.0 == 1 && red.1 == column("red") && red.2 == 3)
    }

    @Test func rangeRequestReturnsTheTokensOfTheRange() throws {
        let text = "[b]x[/b]\n[i]y[/i]\n[u]z[/u]"
        let (client, _) = Editing.client(text)
        let full = client.request("textDocument/semanticTokens/full", ["textDocument": ["uri": Editing.uri]])
        let range = client.request("textDocument/semanticTokens/range", [
            "textDocument": ["uri": Editing.uri],
            "range": ["start": ["line": 1, "character": 0], "end": ["line": 1, "character": 8]],
        ])
        let all = try #require((full?["result"] as? JSONObject)?["data"] as? [Int])
        let part = try #require((range?["result"] as? JSONObject)?["data"] as? [Int])
        // 18 tag tokens, plus whatever the outline makes of the lines (a title heading).
        #expect(all.count >= 18 * 5)
        #expect(part.count == 6 * 5)
        #expect(part[0] == 1 && part[1] == 0)
    }

    @Test func junkTagsAreDeprecatedAndChromeIsComment() throws {
        let text = "[backcolor=transparent !important]text"
        let (client, _) = Editing.client(text)
        let response = client.request("textDocument/semanticTokens/full", ["textDocument": ["uri": Editing.uri]])
        let data = try #require((response?["result"] as? JSONObject)?["data"] as? [Int])
        let tokens = decode(data, legend: SemanticTokenLegend.tokenTypes)
        #expect(!tokens.isEmpty && tokens.allSatisfy { $0.4 & 1 == 1 })
    }

    @Test(arguments: Editing.encodings)
    func crlfAndLoneCRLines(_ encoding: PositionEncoding) throws {
        let text = "a\r\n😀[b]x[/b]\r[i]中[/i]"
        let (client, _) = Editing.client(text, encoding: encoding)
        let response = client.request("textDocument/semanticTokens/full", ["textDocument": ["uri": Editing.uri]])
        let data = try #require((response?["result"] as? JSONObject)?["data"] as? [Int])
        let tokens = decode(data, legend: SemanticTokenLegend.tokenTypes)
        let names = tokens.filter { $0.3 == "keyword" }.map { [$0.0, $0.1] }
        let emoji = encoding == .utf16 ? 2 : encoding == .utf8 ? 4 : 1
        let cjk = encoding == .utf8 ? 3 : 1
        #expect(names == [[1, emoji + 1], [1, emoji + 6], [2, 1], [2, 5 + cjk]])
    }
}
