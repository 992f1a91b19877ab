import ForumMarkup

/// `textDocument/codeAction`: a `quickfix` per fix of each forumls diagnostic in the request (the
/// first safe fix `isPreferred`), "Fix all <code> problems in this document" when a rule has several
/// safe fixes, and "Clean up document" (`source.fixAll.forumls`): every safe fix merged into one
/// non-overlapping edit set (`CleanupRunner.cleanUp`).
///
/// The client's `context.diagnostics` are matched to the server's by start line and `code`, never by
/// exact range (Neovim 0.7 sends byte columns back). Without client diagnostics, the server's
/// diagnostics on the requested lines are used. `context.only` filters by kind prefix. When the client
/// advertises `codeAction.resolveSupport` for `edit`, the two whole-document actions carry `data`
/// instead of an edit and are completed by `codeAction/resolve`; otherwise every action carries its edit.
public enum CodeActionRequest: RequestMethod {
    public static let method = "textDocument/codeAction"
    /// The kind of "Clean up document".
    public static let cleanUpKind = "source.fixAll.forumls"

    public struct Params: Decodable, Sendable, DocumentScopedParams {
        public var textDocument: TextDocumentIdentifier
        public var range: LSPRange
        public var context: Context
        public var documentURI: String { textDocument.uri }
    }

    /// `CodeActionContext`: the client's diagnostics are read loosely (any code type, any extras).
    public struct Context: Decodable, Sendable {
        public var diagnostics: [ClientDiagnostic]
        public var only: [String]?
    }

    /// A diagnostic as the client sends it back: only its range, code and source are used.
    public struct ClientDiagnostic: Decodable, Sendable {
        public var range: LSPRange
        public var code: JSONValue?
        public var source: String?
    }

    struct Options: Encodable, Sendable {
        var codeActionKinds = ["quickfix", CodeActionRequest.cleanUpKind]
        var resolveProvider = true
    }

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.set("codeActionProvider", Options())
    }

    public static var isStaleAfterEdit: Bool { true }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> [CodeAction] {
        let document = try context.document(params.textDocument.uri)
        let analysis = document.analysis
        let converter = context.converter(document)
        let uri = params.textDocument.uri
        let only = params.context.only
        let resolves = supportsEditResolve(context.client)
        let lspDiagnostics = analysis.diagnostics.map { LSPDiagnostic($0, uri: uri, converter: converter) }

        // The server's diagnostics the request is about.
        var chosen: [Int] = []
        if params.context.diagnostics.isEmpty {
            let first = params.range.start.line, last = params.range.end.line
            for (i, d) in lspDiagnostics.enumerated() where d.range.start.line <= last && d.range.end.line >= first {
                chosen.append(i)
            }
        } else {
            var wanted = Set<String>()
            for d in params.context.diagnostics where d.source == nil || d.source == "forumls" {
                guard let code = codeString(d.code) else { continue }
                wanted.insert("\(d.range.start.line) \(code)")
            }
            for (i, d) in lspDiagnostics.enumerated() where wanted.contains("\(d.range.start.line) \(d.code)") {
                chosen.append(i)
            }
        }

        var actions: [CodeAction] = []
        if allows("quickfix", only) {
            for i in chosen {
                let finding = analysis.diagnostics[i]
                let preferred = finding.fixes.firstIndex(where: \.isSafe)
                for (k, fix) in finding.fixes.enumerated() {
                    actions.append(CodeAction(title: fix.title, kind: "quickfix", diagnostics: [lspDiagnostics[i]],
                                              isPreferred: k == preferred ? true : nil,
                                              edit: WorkspaceEdit(changes: [uri: fix.edits.map { LSPTextEdit($0, converter) }])))
                }
            }
            // "Fix all" for each rule with more than one safe fix in the document.
            var seen = Set<String>()
            for i in chosen {
                let code = analysis.diagnostics[i].code
                guard seen.insert(code).inserted else { continue }
                let count = analysis.diagnostics.filter { $0.code == code && $0.fixes.contains(where: \.isSafe) }.count
                guard count > 1 else { continue }
                let data = ActionData(uri: uri, version: document.version, code: code)
                actions.append(CodeAction(title: "Fix all \(code) problems in this document", kind: "quickfix",
                                          edit: resolves ? nil : data.edit(analysis, converter),
                                          data: resolves ? data.json : nil))
            }
        }
        if allows(cleanUpKind, only), analysis.diagnostics.contains(where: { $0.fixes.contains(where: \.isSafe) }) {
            let data = ActionData(uri: uri, version: document.version, code: nil)
            actions.append(CodeAction(title: "Clean up document", kind: cleanUpKind,
                                      edit: resolves ? nil : data.edit(analysis, converter),
                                      data: resolves ? data.json : nil))
        }
        return actions
    }

    /// True when an action of `kind` passes the client's `only` filter (kinds are dot-separated
    /// hierarchies: `source` admits `source.fixAll.forumls`).
    static func allows(_ kind: String, _ only: [String]?) -> Bool {
        guard let only, !only.isEmpty else { return true }
        return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }

    /// True when the client resolves the `edit` of code actions lazily.
    static func supportsEditResolve(_ client: ClientCapabilities) -> Bool {
        let properties = client.value("textDocument", "codeAction", "resolveSupport", "properties")?.arrayValue ?? []
        return properties.contains { $0.stringValue == "edit" }
    }

    /// A diagnostic code as text (LSP allows strings and integers).
    static func codeString(_ code: JSONValue?) -> String? {
        switch code {
        case .string(let s): s
        case .number(let n): String(Int(n))
        default: nil
        }
    }
}

/// An LSP `CodeAction` as the server sends it.
public struct CodeAction: Encodable, Sendable {
    public var title: String
    public var kind: String?
    public var diagnostics: [LSPDiagnostic]?
    public var isPreferred: Bool?
    public var edit: WorkspaceEdit?
    /// What `codeAction/resolve` needs to compute the edit: `{uri, version, code?}`.
    public var data: JSONValue?

    public init(title: String, kind: String?, diagnostics: [LSPDiagnostic]? = nil, isPreferred: Bool? = nil,
                edit: WorkspaceEdit? = nil, data: JSONValue? = nil) {
        self.title = title
        self.kind = kind
        self.diagnostics = diagnostics
        self.isPreferred = isPreferred
        self.edit = edit
        self.data = data
    }
}

/// The `data` of a whole-document action: the document, the version it was offered for, and the rule
/// code for "Fix all" (nil for "Clean up document").
struct ActionData {
    var uri: String
    var version: Int
    var code: String?

    var json: JSONValue {
        var object: [String: JSONValue] = ["uri": .string(uri), "version": .number(Double(version))]
        if let code { object["code"] = .string(code) }
        return .object(object)
    }

    init(uri: String, version: Int, code: String?) {
        self.uri = uri
        self.version = version
        self.code = code
    }

    init?(_ json: JSONValue?) {
        guard let uri = json?["uri"]?.stringValue else { return nil }
        self.uri = uri
        if case .number(let v) = json?["version"] { version = Int(v) } else { version = -1 }
        code = json?["code"]?.stringValue
    }

    /// The action's edit: every safe fix (of `code`, when set), cleaned to a fixed point.
    func edit(_ analysis: DocumentAnalysis, _ converter: PositionConverter) -> WorkspaceEdit {
        let result = CleanupRunner.cleanUp(analysis, code: code)
        return WorkspaceEdit(changes: [uri: result.edits.map { LSPTextEdit($0, converter) }])
    }
}
