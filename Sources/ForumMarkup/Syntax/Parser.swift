/// Builds the syntax tree (temporary: the real parser replaces this within the hour).
public enum Parser {
    public static func parse(_ source: SourceText, dialect: Dialect = .discuz, blockLimits: [Int] = []) -> SyntaxTree {
        let nodes = [SyntaxNode(kind: .document, range: ByteRange(0, source.count), parent: -1, subtreeEnd: 2),
                     SyntaxNode(kind: .text, range: ByteRange(0, source.count), parent: 0, subtreeEnd: 2)]
        return SyntaxTree(source: source, dialect: dialect, nodes: nodes, issues: [])
    }
}
