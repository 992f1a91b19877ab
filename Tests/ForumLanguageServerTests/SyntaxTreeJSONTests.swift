import Foundation
import Testing
import ForumMarkup
@testable import ForumLanguageServer

@Suite struct SyntaxTreeJSONTests {
    /// `[b]字😀[/b]\n[i=x]` built by hand: document > element(b) > openTag, text, closeTag; newline;
    /// element(i) > openTag, missingCloseTag.
    static func sampleTree() -> SyntaxTree {
        let source = SourceText("[b]字😀[/b]\n[i=x]")
        let nodes = [
            SyntaxNode(kind: .document, range: ByteRange(0, 25), parent: -1, subtreeEnd: 9),
            SyntaxNode(kind: .element, range: ByteRange(0, 14), parent: 0, subtreeEnd: 5, nameRange: ByteRange(1, 2)),
            SyntaxNode(kind: .openTag, range: ByteRange(0, 3), parent: 1, subtreeEnd: 3, nameRange: ByteRange(1, 2)),
            SyntaxNode(kind: .text, range: ByteRange(3, 10), parent: 1, subtreeEnd: 4),
            SyntaxNode(kind: .closeTag, range: ByteRange(10, 14), parent: 1, subtreeEnd: 5, nameRange: ByteRange(12, 13)),
            SyntaxNode(kind: .newline, range: ByteRange(14, 15), parent: 0, subtreeEnd: 6),
            SyntaxNode(kind: .element, range: ByteRange(15, 20), parent: 0, subtreeEnd: 9, nameRange: ByteRange(16, 17), argumentRange: ByteRange(18, 19)),
            SyntaxNode(kind: .openTag, range: ByteRange(15, 20), parent: 6, subtreeEnd: 8, nameRange: ByteRange(16, 17), argumentRange: ByteRange(18, 19)),
            SyntaxNode(kind: .missingCloseTag, range: ByteRange(20, 20), parent: 6, subtreeEnd: 9, nameRange: ByteRange(16, 17)),
        ]
        let issues = [ParseIssue(kind: .unclosedTag, range: ByteRange(15, 20), tagName: "i")]
        return SyntaxTree(source: source, dialect: .discuz, nodes: nodes, issues: issues)
    }

    @Test func shapeAndPositions() throws {
        let json = SyntaxTreeJSON(SyntaxTreeJSONTests.sampleTree(), encoding: .utf16)
        #expect(json.encoding == "utf-16")
        #expect(json.tree.kind == "document")
        let top = try #require(json.tree.children)
        #expect(top.map(\.kind) == ["element", "newline", "element"])
        #expect(top[0].children?.map(\.kind) == ["openTag", "text", "closeTag"])
        #expect(top[0].name == "b")
        #expect(top[0].children?[1].range == .init(start: 3, end: 10, startLine: 0, startCharacter: 3, endLine: 0, endCharacter: 6))
        #expect(top[2].argument == "x")
        #expect(top[2].children?.map(\.kind) == ["openTag", "missingCloseTag"])
        #expect(top[1].children == nil)
        #expect(json.issues.count == 1)
        #expect(json.issues[0].kind == "unclosed-tag")
        #expect(json.issues[0].range.startLine == 1)
    }

    @Test func encodingsChangeOnlyCharacters() {
        let tree = SyntaxTreeJSONTests.sampleTree()
        let utf8 = SyntaxTreeJSON(tree, encoding: .utf8)
        let utf32 = SyntaxTreeJSON(tree, encoding: .utf32)
        #expect(utf8.tree.children?[0].children?[1].range.endCharacter == 10)
        #expect(utf32.tree.children?[0].children?[1].range.endCharacter == 5)
    }

    @Test func roundTripsThroughJSON() throws {
        let json = SyntaxTreeJSON(SyntaxTreeJSONTests.sampleTree(), encoding: .utf16)
        let data = try JSONEncoder().encode(json)
        let back = try JSONDecoder().decode(SyntaxTreeJSON.self, from: data)
        #expect(back.tree.children?.count == 3)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let range = ((object?["tree"] as? [String: Any])?["range"] as? [String: Any])
        #expect(Set(range?.keys.map { $0 } ?? []) == ["start", "end", "startLine", "startCharacter", "endLine", "endCharacter"])
    }

    @Test func deepTreeBuildsWithoutRecursion() {
        // 1,000 nested elements (the parser stops at 32), each with an open tag: built bottom-up with an explicit stack.
        let depth = 1_000
        let text = String(repeating: "[q]", count: depth)
        let source = SourceText(text)
        var nodes = [SyntaxNode(kind: .document, range: ByteRange(0, source.count), parent: -1, subtreeEnd: 1 + 2 * depth)]
        for level in 0..<depth {
            let elementIndex = 1 + 2 * level
            nodes.append(SyntaxNode(kind: .element, range: ByteRange(3 * level, source.count), parent: elementIndex - 2 < 0 ? 0 : elementIndex - 2,
                                    subtreeEnd: 1 + 2 * depth, nameRange: ByteRange(3 * level + 1, 3 * level + 2)))
            nodes.append(SyntaxNode(kind: .openTag, range: ByteRange(3 * level, 3 * level + 3), parent: elementIndex,
                                    subtreeEnd: elementIndex + 2, nameRange: ByteRange(3 * level + 1, 3 * level + 2)))
        }
        let tree = SyntaxTree(source: source, dialect: .discuz, nodes: nodes, issues: [])
        let json = SyntaxTreeJSON(tree, encoding: .utf16)
        var node = json.tree
        var levels = 0
        while let children = node.children, let last = children.last {
            node = last
            levels += 1
        }
        #expect(levels == depth + 1)  // the innermost open tag ends the walk
    }
}
