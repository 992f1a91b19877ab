import ForumMarkup

/// `textDocument/documentSymbol`: the outline. Hierarchical `DocumentSymbol`s (thread > posts >
/// headings; a post's `detail` carries floor, author, date and editor) when the client advertises
/// `hierarchicalDocumentSymbolSupport`, else flat `SymbolInformation`s whose `containerName` is the
/// parent's name. `selectionRange` is the heading (or title) text; `range` covers the whole section.
public enum DocumentSymbolRequest: RequestMethod {
    public static let method = "textDocument/documentSymbol"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var documentURI: String { textDocument.uri }
    }

    /// Either form, encoded as a JSON array.
    public enum Result: Encodable, Sendable {
        case hierarchical([LSPDocumentSymbol])
        case flat([LSPSymbolInformation])

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .hierarchical(let symbols): try symbols.encode(to: encoder)
            case .flat(let symbols): try symbols.encode(to: encoder)
            }
        }
    }

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.set("documentSymbolProvider", true)
    }

    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> Result {
        let document = try context.document(params.textDocument.uri)
        let analysis = document.analysis
        let converter = context.converter(document)
        let items = analysis.outline.items(documentLength: analysis.source.count)
        if context.client.value("textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport")?.boolValue == true {
            return .hierarchical(items.map { $0.documentSymbol(converter) })
        }
        return .flat(flatten(items, uri: document.uri, converter: converter))
    }

    /// Pre-order flat list with container names, built with an explicit stack.
    static func flatten(_ items: [OutlineItem], uri: String, converter: PositionConverter) -> [LSPSymbolInformation] {
        var result: [LSPSymbolInformation] = []
        var stack: [(OutlineItem, String?)] = items.reversed().map { ($0, nil) }
        while let (item, container) = stack.popLast() {
            result.append(LSPSymbolInformation(name: item.name, kind: SymbolKindValue.of(item.kind),
                                               location: Location(uri: uri, range: converter.range(item.range)),
                                               containerName: container))
            for child in item.children.reversed() { stack.append((child, item.name)) }
        }
        return result
    }
}
