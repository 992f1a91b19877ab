import ForumMarkup

/// `textDocument/foldingRange`: sections (heading to the end of its section), posts, multi-line
/// `[quote]`/`[code]`/`[list]`/`[table]`/`[spoiler]`/`[hide]` blocks (kind `region`), and runs of
/// chrome lines (kind `comment`, so editors can fold page furniture away). Lines are 0-based; with
/// `lineFoldingOnly` (or when the client does not say) no characters are sent, otherwise each range
/// also ends at the end of its last line. `rangeLimit` is honoured (outer ranges kept first).
public enum FoldingRangeRequest: RequestMethod {
    public static let method = "textDocument/foldingRange"

    public struct Params: Codable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var documentURI: String { textDocument.uri }
    }

    /// An LSP `FoldingRange`.
    public struct FoldingRange: Codable, Hashable, Sendable {
        /// 0-based first line.
        public var startLine: Int
        /// End of the first line (absent with `lineFoldingOnly`).
        public var startCharacter: Int?
        /// 0-based last line (inclusive).
        public var endLine: Int
        /// End of the last line (absent with `lineFoldingOnly`).
        public var endCharacter: Int?
        /// `comment`, `imports` or `region`.
        public var kind: String?
    }

    static let blockTags: Set<String> = ["quote", "code", "list", "table", "spoiler", "spoil", "hide", "free", "php", "html", "noparse"]

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.set("foldingRangeProvider", true)
    }

    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> [FoldingRange] {
        let document = try context.document(params.textDocument.uri)
        let lineOnly = context.client.value("textDocument", "foldingRange", "lineFoldingOnly")?.boolValue ?? true
        let limit = context.client.value("textDocument", "foldingRange", "rangeLimit")?.intValue
        return ranges(document.analysis, converter: context.converter(document), lineFoldingOnly: lineOnly, rangeLimit: limit)
    }

    /// The folding ranges of an analysis, sorted by start line (outer first), without duplicates.
    static func ranges(_ analysis: DocumentAnalysis, converter: PositionConverter, lineFoldingOnly: Bool, rangeLimit: Int?) -> [FoldingRange] {
        let source = analysis.source
        let structure = analysis.structure
        var spans: [(start: Int, end: Int, kind: String?)] = []
        // The last non-blank line before byte `end` (exclusive), not before `start`.
        func lastLine(_ startLine: Int, _ end: Int) -> Int {
            var line = source.line(containing: max(0, end - 1))
            if end > 0, end <= source.count, line > 0, source.lineStarts[line] == end { line -= 1 }
            while line > startLine && structure.lines[line].isBlank && !structure.lines[line].isJammerOnly { line -= 1 }
            return line
        }
        for post in analysis.outline.posts {
            spans.append((post.post.startLine, lastLine(post.post.startLine, post.post.range.end), nil))
            for h in post.headings { spans.append((h.line, lastLine(h.line, h.range.end), nil)) }
        }
        for node in analysis.tree.nodes where node.kind == .element {
            guard let name = node.tag?.name, blockTags.contains(name) else { continue }
            let start = source.line(containing: node.range.start)
            spans.append((start, lastLine(start, node.range.end), "region"))
        }
        for run in structure.chromeRuns { spans.append((run.lowerBound, run.upperBound, "comment")) }
        var seen = Set<Int>()
        var result: [FoldingRange] = []
        spans.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        for span in spans where span.end > span.start {
            let key = span.start &* 1_000_003 &+ span.end
            guard seen.insert(key).inserted else { continue }
            var range = FoldingRange(startLine: span.start, endLine: span.end, kind: span.kind)
            if !lineFoldingOnly {
                range.startCharacter = converter.position(source.lineContentRange(span.start).end).character
                range.endCharacter = converter.position(source.lineContentRange(span.end).end).character
            }
            result.append(range)
        }
        if let limit = rangeLimit, limit >= 0, result.count > limit {
            // Keep the widest ranges: they matter most when folding.
            let kept = result.indices.sorted { (result[$0].endLine - result[$0].startLine) > (result[$1].endLine - result[$1].startLine) }.prefix(limit)
            result = kept.sorted().map { result[$0] }
        }
        return result
    }
}
