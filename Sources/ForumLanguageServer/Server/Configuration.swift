#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ForumMarkup

/// Reads forumls settings (`{"dialect": "discuz", "rules": {"<code>": "off" | "<severity>" | {"enabled", "severity"}}}`)
/// into a clean-up configuration, collecting a message for every value it cannot use.
public enum ForumlsSettings {
    /// `base` with `settings` applied; unknown keys, dialects, rule codes and values are reported, not applied.
    public static func apply(_ settings: JSONValue?, to base: CleanupConfiguration) -> (CleanupConfiguration, [String]) {
        var config = base
        var problems: [String] = []
        guard let settings else { return (config, problems) }
        guard case .object(let object) = settings else { return (config, ["settings must be a JSON object"]) }
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "dialect":
                if let name = value.stringValue, let dialect = Dialect(rawValue: name.lowercased()) {
                    config.dialect = dialect
                } else {
                    problems.append("unknown dialect \(value): use discuz, phpbb, vbulletin, xenforo or mybb")
                }
            case "rules":
                guard case .object(let rules) = value else { problems.append("\"rules\" must be an object"); continue }
                for (code, setting) in rules.sorted(by: { $0.key < $1.key }) {
                    guard RuleRegistry.rule(code) != nil else { problems.append("unknown rule \"\(code)\""); continue }
                    if let word = setting.stringValue ?? setting.boolValue.map({ $0 ? "on" : "off" }),
                       let parsed = CleanupConfiguration.setting(fromWord: word) {
                        config.rules[code] = parsed
                    } else if case .object(let fields) = setting {
                        var parsed = RuleSetting()
                        if let enabled = fields["enabled"]?.boolValue { parsed.enabled = enabled }
                        if let word = fields["severity"]?.stringValue {
                            guard let severity = CleanupConfiguration.setting(fromWord: word)?.severity else {
                                problems.append("unknown severity \"\(word)\" for \"\(code)\""); continue
                            }
                            parsed.severity = severity
                        }
                        config.rules[code] = parsed
                    } else {
                        problems.append("bad setting for \"\(code)\": use \"off\", \"on\", a severity or {\"enabled\", \"severity\"}")
                    }
                }
            default:
                problems.append("unknown key \"\(key)\"")
            }
        }
        return (config, problems)
    }
}

/// Configuration sources, lowest precedence first: the defaults (and `initializationOptions.dialect`),
/// the client's `forumls` settings (`workspace/configuration`, `workspace/didChangeConfiguration`),
/// then `.forumls.json` at the workspace root (re-read on `workspace/didChangeWatchedFiles`). A bad
/// `.forumls.json` is reported as a diagnostic on that file and ignored as a whole (defaults stay).
extension ServerContext {
    /// The URI of `.forumls.json` at the workspace root, if there is a root.
    var configFileURI: String? {
        guard let root = workspaceRoot, root.hasPrefix("file://") else { return nil }
        return root.hasSuffix("/") ? root + ".forumls.json" : root + "/.forumls.json"
    }

    /// Called on `initialized`: reads `.forumls.json`, asks the client for its settings and for file
    /// change notifications when it can.
    func startConfiguration() {
        baseOptions = analysisOptions
        reloadConfigurationFile()
        pullClientSettings()
        if client.value("workspace", "didChangeWatchedFiles", "dynamicRegistration")?.boolValue == true {
            let watcher: JSONValue = .object(["globPattern": .string("**/.forumls.json")])
            let registration: JSONValue = .object([
                "id": .string("forumls-configuration-file"), "method": .string("workspace/didChangeWatchedFiles"),
                "registerOptions": .object(["watchers": .array([watcher])]),
            ])
            sendRequest("client/registerCapability", JSONValue.object(["registrations": .array([registration])])) { _ in }
        }
    }

    /// Asks the client for the `forumls` section when it supports `workspace/configuration`.
    func pullClientSettings() {
        guard client.value("workspace", "configuration")?.boolValue == true else { return }
        var item: [String: JSONValue] = ["section": .string("forumls")]
        if let root = workspaceRoot { item["scopeUri"] = .string(root) }
        sendRequest("workspace/configuration", JSONValue.object(["items": .array([.object(item)])])) { [weak self] result in
            guard let self, let first = result?.arrayValue?.first else { return }
            self.clientSettings = first == .null ? nil : first
            self.applyConfiguration()
        }
    }

    /// Re-reads `.forumls.json`; a missing file means no file settings.
    func reloadConfigurationFile() {
        guard let uri = configFileURI else { return }
        let path = Self.percentDecoded(String(uri.dropFirst("file://".count)))
        guard let data = FileManager.default.contents(atPath: path) else {
            fileSettings = nil
            applyConfiguration()
            return
        }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            reportConfigurationFile(uri, ["not valid JSON; the defaults stay in force"])
            fileSettings = nil
            applyConfiguration()
            return
        }
        let (_, problems) = ForumlsSettings.apply(value, to: CleanupConfiguration())
        if problems.isEmpty {
            reportConfigurationFile(uri, [])
            fileSettings = value
        } else {
            reportConfigurationFile(uri, problems.map { $0 + "; the file is ignored and the defaults stay in force" })
            fileSettings = nil
        }
        applyConfiguration()
    }

    /// `%XX` escapes of a URI path decoded (invalid escapes kept as written).
    static func percentDecoded(_ path: String) -> String {
        var out: [UInt8] = []
        let b = Array(path.utf8)
        var i = 0
        while i < b.count {
            if b[i] == 0x25, i + 2 < b.count, let v = UInt8(String(decoding: b[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(v)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Publishes `problems` (or clears them) as diagnostics on the configuration file.
    func reportConfigurationFile(_ uri: String, _ problems: [String]) {
        let start = Position(line: 0, character: 0)
        let diagnostics = problems.map {
            LSPDiagnostic(range: LSPRange(start: start, end: start), severity: 1, code: "configuration", message: ".forumls.json: " + $0)
        }
        notify(PublishDiagnostics.method, PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: diagnostics))
    }

    /// Recomputes the options from all sources and re-analyses the open documents if they changed.
    func applyConfiguration() {
        let base = baseOptions ?? analysisOptions
        var (config, problems) = ForumlsSettings.apply(clientSettings, to: base.cleanup)
        if !problems.isEmpty { log(.warning, "forumls settings: " + problems.joined(separator: "; ")) }
        (config, problems) = ForumlsSettings.apply(fileSettings, to: config)
        let options = AnalysisOptions(cleanup: config)
        guard options != analysisOptions else { return }
        analysisOptions = options
        for uri in documents.uris {
            documents[uri]?.reconfigure(options)
            diagnosticsChanged(uri)
        }
        if pullsDiagnostics, client.value("workspace", "diagnostics", "refreshSupport")?.boolValue == true {
            sendRequest("workspace/diagnostic/refresh", JSONNull()) { _ in }
        }
    }
}
