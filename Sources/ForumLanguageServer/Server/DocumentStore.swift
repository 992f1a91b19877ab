import ForumMarkup

/// One open document: its current text and version, and the analysis of that version, computed at
/// most once and shared by every request and by diagnostics.
public final class OpenDocument {
    /// The URI as the client sent it (compared byte for byte).
    public let uri: String
    /// The client's language id (`bbcode`, `forum`, ...).
    public let languageId: String
    /// The version the client gave with the last open or change.
    public internal(set) var version: Int
    /// The current text.
    public private(set) var source: SourceText
    /// A number unique to this content across all documents of this server run (the pull
    /// diagnostics `resultId`); changes whenever the text changes.
    public private(set) var generation: Int
    private var cachedAnalysis: DocumentAnalysis?
    private var cachedIndex: PositionIndex?
    /// The JSON of the diagnostics last sent for this document (any version), to reuse the encoding of
    /// unchanged ones.
    var sentDiagnostics = EncodedDiagnostics()
    private var options: AnalysisOptions

    init(uri: String, languageId: String, version: Int, source: SourceText, generation: Int, options: AnalysisOptions) {
        self.uri = uri
        self.languageId = languageId
        self.version = version
        self.source = source
        self.generation = generation
        self.options = options
    }

    /// The analysis of the current version (computed on first use, then cached until the next change).
    public var analysis: DocumentAnalysis {
        if let cachedAnalysis { return cachedAnalysis }
        let analysis = DocumentAnalysis(source: source, options: options)
        cachedAnalysis = analysis
        let whole = analysis.ruleFindings.sorted.map(\.published)
        if let incremental = currentFindings, incremental != whole {
            // Never expected (tests compare the two); if it happens, the whole analysis wins.
            Log.warning("incremental diagnostics of \(uri) v\(version) differ from a whole analysis; using the whole one")
            lastUpdate = nil
            sentGeneration = -1
        }
        currentFindings = whole
        currentTags = TagIndex(source.bytes)
        return analysis
    }

    /// The current version's diagnostics in document order, as published (no fixes: code actions take
    /// them from `analysis`): kept up to date by `IncrementalFindings` after small edits, else taken from
    /// a whole analysis.
    public var findings: [Diagnostic] {
        if let currentFindings { return currentFindings }
        _ = analysis
        return currentFindings ?? []
    }
    private var currentFindings: [Diagnostic]?
    /// The pairable tags of the current text, kept with `currentFindings`.
    private var currentTags: TagIndex?
    /// How the current findings were derived from those of generation `lastUpdateBase` by one edit.
    var lastUpdate: FindingsUpdate?
    var lastUpdateBase = -1
    /// The generation and encoding `sentDiagnostics` were made for.
    var sentGeneration = -1
    var sentEncoding: PositionEncoding?

    /// The position index of the current version in `encoding` (cached: one encoding per session).
    public func positionIndex(_ encoding: PositionEncoding) -> PositionIndex {
        if let cachedIndex, cachedIndex.encoding == encoding { return cachedIndex }
        let index = PositionIndex(source, encoding)
        cachedIndex = index
        return index
    }

    /// Switches to new analysis options (configuration changed); the cached analysis is dropped.
    func reconfigure(_ options: AnalysisOptions) {
        guard options != self.options else { return }
        self.options = options
        cachedAnalysis = nil
        currentFindings = nil
        currentTags = nil
        lastUpdate = nil
        // New options, new diagnostics: the encoded ones of this generation are stale.
        sentGeneration = -1
        optionsEpoch += 1
    }

    /// How many times the options changed: part of `resultID`, since new options mean new findings.
    private var optionsEpoch = 0

    /// The pull-diagnostics `resultId` of the current analysis: changes when the text or the
    /// analysis options change.
    public var resultID: String {
        optionsEpoch == 0 ? String(generation) : "\(generation).\(optionsEpoch)"
    }

    /// True when the current version has been analysed already.
    public var isAnalysed: Bool { cachedAnalysis != nil }

    /// Replaces the text (the cached analysis is dropped). `findings` and `tags` are the new text's
    /// diagnostics and pairable tags when known without a whole analysis; `update` says how those
    /// findings came from the previous version's.
    func replace(_ source: SourceText, version: Int, generation: Int, findings: [Diagnostic]? = nil, tags: TagIndex? = nil,
                 update: FindingsUpdate? = nil) {
        lastUpdateBase = self.generation
        self.source = source
        self.version = version
        self.generation = generation
        cachedAnalysis = nil
        cachedIndex = nil
        currentFindings = tags == nil ? nil : findings
        currentTags = findings == nil ? nil : tags
        lastUpdate = update
    }

    /// The analysis options in force.
    var analysisOptions: AnalysisOptions { options }

    /// The diagnostics and tags of the current text if known (no analysis is started), taken out of
    /// the document, so that the caller holds the only reference and can update them in place;
    /// `replace` puts them back.
    func takeKnownFindings() -> (findings: [Diagnostic], tags: TagIndex)? {
        defer { currentFindings = nil; currentTags = nil }
        guard let currentFindings, let currentTags else { return nil }
        return (currentFindings, currentTags)
    }

    /// The diagnostics of the current text if already known (no analysis is started).
    var knownFindings: [Diagnostic]? { currentFindings }
}

/// The open documents, by URI. Confined to the worker thread.
public final class DocumentStore {
    private var documents: [String: OpenDocument] = [:]
    private var nextGeneration = 1

    init() {}

    /// The open document at `uri`, if any.
    public subscript(uri: String) -> OpenDocument? { documents[uri] }

    /// The URIs of all open documents (unordered).
    public var uris: [String] { Array(documents.keys) }

    /// Opens (or re-opens, replacing) a document.
    @discardableResult
    func open(uri: String, languageId: String, version: Int, text: SourceText, options: AnalysisOptions) -> OpenDocument {
        let document = OpenDocument(uri: uri, languageId: languageId, version: version, source: text,
                                    generation: takeGeneration(), options: options)
        documents[uri] = document
        return document
    }

    /// Applies content changes in order: each ranged change's positions are read against the text
    /// left by the changes before it; a change without a range replaces the whole text.
    /// Returns nil when the document is not open.
    func change(uri: String, version: Int, changes: [TextDocumentContentChangeEvent], encoding: PositionEncoding) -> OpenDocument? {
        guard let document = documents[uri] else { return nil }
        let clock = ContinuousClock()
        let started = clock.now
        var source = document.source
        // Small edits update the diagnostics from the previous ones (re-analysing the paragraphs around
        // the edit); anything else leaves them to a whole analysis on first use.
        var known = document.takeKnownFindings()
        var update: FindingsUpdate?
        for change in changes {
            if let range = change.range {
                let edit = TextEdit(range: PositionConverter(source, encoding).byteRange(range), replacement: change.text)
                let next = source.applying([edit])
                // Taken out of the optional, so that the update changes the arrays in place.
                if var (findings, tags) = known.take() {
                    update = IncrementalFindings.update(&findings, tags: &tags, oldSource: source, edit: edit,
                                                        newSource: next, options: document.analysisOptions)
                    if update != nil { known = (findings, tags) }
                }
                source = next
            } else {
                source = SourceText(change.text)
                known = nil
            }
        }
        Log.debug("change of \(uri) v\(version): \(known == nil ? "whole analysis needed" : "diagnostics updated") in \(milliseconds(clock.now - started))")
        // The encoding of unchanged diagnostics can be reused only across exactly one update.
        document.replace(source, version: version, generation: takeGeneration(), findings: known?.findings, tags: known?.tags,
                         update: changes.count == 1 ? update : nil)
        return document
    }

    /// Closes a document; returns false when it was not open.
    @discardableResult
    func close(uri: String) -> Bool { documents.removeValue(forKey: uri) != nil }

    private func takeGeneration() -> Int {
        defer { nextGeneration += 1 }
        return nextGeneration
    }
}
