@testable import ForumMarkup

/// Parses `marked` with its first `|` removed; returns the tree and the byte offset of the `|`.
func parseMarked(_ marked: String, dialect: Dialect = .discuz) -> (SyntaxTree, Int) {
    let bytes = Array(marked.utf8)
    let bar = bytes.firstIndex(of: 0x7C) ?? bytes.count
    var clean = bytes
    if bar < bytes.count { clean.remove(at: bar) }
    return (Parser.parse(SourceText(bytes: clean), dialect: dialect), bar)
}

/// The text of a byte range of a tree's document.
func text(_ tree: SyntaxTree, _ range: ByteRange) -> String { tree.source.text(range) }
