import ForumMarkup

/// An LSP `TextEdit`: replace `range` (positions in the negotiated encoding) by `newText`.
public struct LSPTextEdit: Codable, Hashable, Sendable {
    public var range: LSPRange
    public var newText: String
    public init(range: LSPRange, newText: String) {
        self.range = range
        self.newText = newText
    }

    /// Converts a byte edit of the converter's document.
    public init(_ edit: TextEdit, _ converter: PositionConverter) {
        self.init(range: converter.range(edit.range), newText: edit.replacement)
    }
}

/// An LSP `WorkspaceEdit` in its `changes` form: URI -> edits.
public struct WorkspaceEdit: Codable, Hashable, Sendable {
    public var changes: [String: [LSPTextEdit]]
    public init(changes: [String: [LSPTextEdit]]) { self.changes = changes }
}

/// Params of `textDocument/formatting` (the `options` are read but forum markup has no indentation to set).
public struct FormattingOptions: Codable, Hashable, Sendable {
    public var tabSize: Int?
    public var insertSpaces: Bool?
}
