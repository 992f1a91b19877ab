import ForumMarkup

/// `workspace/symbol`: the titles and headings of all open documents whose name contains the query
/// (case-insensitive; an empty query matches everything), as `SymbolInformation`s ordered by URI and
/// position. The container of a heading is its document's title (or its post's floor label).
public enum WorkspaceSymbolRequest: RequestMethod {
    public static let method = "workspace/symbol"

    public struct Params: Codable, Sendable {
        /// The text to look for (case-insensitive substring; empty matches all).
        public var query: String
    }

    /// At most this many symbols are returned.
    static let maximumResults = 2000

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.set("workspaceSymbolProvider", true)
    }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> [LSPSymbolInformation] {
        let query = params.query.lowercased()
        var result: [LSPSymbolInformation] = []
        for uri in context.documents.uris.sorted() {
            guard let document = context.documents[uri] else { continue }
            let analysis = document.analysis
            let converter = context.converter(document)
            let outline = analysis.outline
            if let title = outline.title, let range = outline.titleRange, matches(title, query) {
                result.append(LSPSymbolInformation(name: title, kind: SymbolKindValue.thread,
                                                   location: Location(uri: uri, range: converter.range(range)), containerName: nil))
            }
            for post in outline.posts {
                for h in post.headings where matches(h.text, query) {
                    result.append(LSPSymbolInformation(name: h.text, kind: SymbolKindValue.heading,
                                                       location: Location(uri: uri, range: converter.range(h.range)),
                                                       containerName: outline.title ?? post.post.floorLabel))
                    if result.count >= maximumResults { return result }
                }
            }
        }
        return result
    }

    static func matches(_ name: String, _ query: String) -> Bool {
        query.isEmpty || name.lowercased().contains(query)
    }
}
