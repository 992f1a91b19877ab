import ForumMarkup

/// `textDocument/completion`: tag names after `[` (the active dialect's tags only), the closers of
/// the open elements after `[/` (innermost first), argument values after `[color=`, `[size=`,
/// `[align=`, `[font=`, `[list=`. Tag names insert their closer as a snippet (`[b]$0[/b]`) when the
/// client supports snippets, plain `b]` otherwise. Triggered by `[`, `/` and `=`.
public enum CompletionRequest: RequestMethod {
    public static let method = "textDocument/completion"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var position: Position
        public var documentURI: String { textDocument.uri }
    }

    /// `CompletionList`.
    public struct Result: Codable, Sendable {
        public var isIncomplete: Bool
        public var items: [Item]
    }

    /// `CompletionItem`.
    public struct Item: Codable, Sendable {
        public var label: String
        /// 14 keyword (tag names and closers), 12 value, 16 colour.
        public var kind: Int
        public var detail: String
        public var sortText: String
        public var filterText: String
        /// 1 plain text, 2 snippet.
        public var insertTextFormat: Int
        public var textEdit: LSPTextEdit
    }

    struct Options: Encodable, Sendable {
        var triggerCharacters = ["[", "/", "="]
        var resolveProvider = false
    }

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.set("completionProvider", Options())
    }

    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> Result {
        let document = try context.document(params.textDocument.uri)
        let converter = context.converter(document)
        let offset = converter.offset(params.position)
        guard let list = CompletionProvider.complete(in: document.analysis.tree, at: offset) else {
            return Result(isIncomplete: false, items: [])
        }
        let snippets = context.client.value("textDocument", "completion", "completionItem", "snippetSupport")?.boolValue == true
        let range = converter.range(list.replaceRange)
        let colour = isColorTag(document, list)
        let items = list.candidates.map { candidate in
            let snippet = snippets ? candidate.snippet : nil
            let kind = candidate.kind == .argumentValue ? (colour ? 16 : 12) : 14
            return Item(label: candidate.label, kind: kind, detail: candidate.detail,
                        sortText: String(repeating: "0", count: max(0, 4 - String(candidate.rank).count)) + String(candidate.rank),
                        filterText: candidate.label.hasPrefix("/") ? String(candidate.label.dropFirst()) : candidate.label,
                        insertTextFormat: snippet == nil ? 1 : 2,
                        textEdit: LSPTextEdit(range: range, newText: snippet ?? candidate.insertText))
        }
        return Result(isIncomplete: false, items: items)
    }

    /// True when the values complete a colour argument (`[color=`, `[backcolor=`).
    static func isColorTag(_ document: OpenDocument, _ list: CompletionList) -> Bool {
        let bytes = document.source.bytes
        var i = list.replaceRange.start - 1
        while i > 0 && bytes[i] != 0x5B { i -= 1 }
        let name = document.source.text(ByteRange(i + 1, list.replaceRange.start - 1))
        return TagCatalog.lookup(name)?.argument == .color
    }
}
