import ForumMarkup

/// The syntax tree as JSON: what `forumls/syntaxTree` answers and `forumls parse --json` prints.
///
/// ```json
/// {"encoding": "utf-16",
///  "tree": {"kind": "document", "range": {…}, "children": [
///     {"kind": "element", "name": "b", "range": {…}, "children": [{"kind": "openTag", "name": "b", …}, …]}]},
///  "issues": [{"kind": "unclosed-tag", "tagName": "b", "range": {…}}]}
/// ```
/// Each `range` holds byte offsets (`start`, `end`, 0-based UTF-8) and 0-based lines and characters
/// in `encoding`. The builder walks the flat pre-order node list with an explicit stack, so a deep
/// tree cannot overflow the stack while building.
public struct SyntaxTreeJSON: Codable, Sendable {
    /// A range as byte offsets and as line/character positions.
    public struct Range: Codable, Hashable, Sendable {
        /// First byte (0-based UTF-8 offset).
        public var start: Int
        /// One past the last byte.
        public var end: Int
        public var startLine: Int
        /// Column of `start` in the encoding's code units.
        public var startCharacter: Int
        public var endLine: Int
        public var endCharacter: Int
    }

    /// One node.
    public struct Node: Codable, Sendable {
        /// A `SyntaxKind` raw value (`document`, `element`, `openTag`, `text`, …).
        public var kind: String
        public var range: Range
        /// Tag name as written, for tags and elements.
        public var name: String?
        /// The raw argument text (after `=`), for tags and elements that have one.
        public var argument: String?
        /// For `document` and `element` nodes, in document order.
        public var children: [Node]?
    }

    /// One parse issue.
    public struct Issue: Codable, Sendable {
        /// A `ParseIssue.Kind` raw value (`unclosed-tag`, `stray-close-tag`, …).
        public var kind: String
        public var tagName: String
        public var range: Range
        /// The partner tag, when there is one.
        public var related: Range?
    }

    /// The encoding the characters are counted in (`utf-8`, `utf-16` or `utf-32`).
    public var encoding: String
    /// The root (`document`) node.
    public var tree: Node
    /// The parser's issues, in document order.
    public var issues: [Issue]

    /// Builds the JSON form of `tree` with characters counted in `encoding`.
    public init(_ tree: SyntaxTree, encoding: PositionEncoding) {
        self.init(tree, index: PositionIndex(tree.source, encoding))
    }

    /// Builds the JSON form of `tree` converting positions with `index` (made for `tree.source`).
    public init(_ tree: SyntaxTree, index: PositionIndex) {
        let source = tree.source
        let encoding = index.encoding
        func range(_ r: ByteRange) -> Range {
            let (start, end) = index.positions(of: r)
            return Range(start: r.start, end: r.end, startLine: start.line, startCharacter: start.column,
                         endLine: end.line, endCharacter: end.column)
        }
        let nodes = tree.nodes
        // Reverse pre-order: when node i is reached, its direct children are the topmost built
        // nodes on the stack, first child on top.
        var stack: [Node] = []
        var index = nodes.count - 1
        while index >= 0 {
            let node = nodes[index]
            var built = Node(kind: node.kind.rawValue, range: range(node.range),
                             name: node.nameRange.isEmpty ? nil : tree.name(of: index),
                             argument: node.argumentRange.map { source.text($0) }, children: nil)
            if !node.isLeaf {
                var children: [Node] = []
                var child = index + 1
                while child < node.subtreeEnd, let next = stack.popLast() {
                    children.append(next)
                    child = nodes[child].subtreeEnd
                }
                built.children = children
            }
            stack.append(built)
            index -= 1
        }
        self.encoding = encoding.rawValue
        self.tree = stack.popLast() ?? Node(kind: SyntaxKind.document.rawValue, range: range(ByteRange(0, 0)))
        self.issues = tree.issues.map { issue in
            Issue(kind: issue.kind.rawValue, tagName: issue.tagName, range: range(issue.range),
                  related: issue.related.map(range))
        }
    }
}
