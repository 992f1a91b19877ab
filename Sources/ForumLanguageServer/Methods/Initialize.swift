import ForumMarkup

/// `initialize`: records the client's capabilities, negotiates the position encoding and answers
/// with every capability the registry's methods declare.
public enum Initialize: RequestMethod {
    public static let method = "initialize"

    public struct Params: Decodable, Sendable {
        public var capabilities: ClientCapabilities
        public var clientName: String?
        public var initializationOptions: JSONValue?

        /// The workspace root as a `file:` URI (`workspaceFolders[0]`, else `rootUri`, else `rootPath`).
        public var rootURI: String?

        enum CodingKeys: String, CodingKey { case capabilities, clientInfo, initializationOptions, rootUri, rootPath, workspaceFolders }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let raw = (try? container.decodeIfPresent(JSONValue.self, forKey: .capabilities)) ?? nil
            capabilities = ClientCapabilities(raw ?? .object([:]))
            if let info = try? container.decodeIfPresent(JSONValue.self, forKey: .clientInfo), let name = info["name"]?.stringValue {
                clientName = [name, info["version"]?.stringValue].compactMap { $0 }.joined(separator: " ")
            }
            initializationOptions = (try? container.decodeIfPresent(JSONValue.self, forKey: .initializationOptions)) ?? nil
            let folders = (try? container.decodeIfPresent(JSONValue.self, forKey: .workspaceFolders)) ?? nil
            rootURI = folders?.arrayValue?.first?["uri"]?.stringValue
                ?? ((try? container.decodeIfPresent(String.self, forKey: .rootUri)) ?? nil)
                ?? ((try? container.decodeIfPresent(String.self, forKey: .rootPath)) ?? nil).map { "file://" + $0 }
        }
    }

    public struct Result: Encodable {
        public var capabilities: ServerCapabilities
        public var serverInfo: ServerInfo
    }

    /// `serverInfo`: name and version.
    public struct ServerInfo: Codable, Sendable {
        public var name: String
        public var version: String
    }

    public static func declare(_ capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.set("positionEncoding", client.negotiatedEncoding.rawValue)
    }

    public static func handle(_ params: Params, _ context: ServerContext) throws -> Result {
        context.configure(client: params.capabilities, clientName: params.clientName)
        if let dialect = params.initializationOptions?["dialect"]?.stringValue.flatMap(Dialect.init(rawValue:)) {
            context.analysisOptions.cleanup.dialect = dialect
        }
        context.workspaceRoot = params.rootURI
        context.phase = .running
        Log.info("initialized by \(context.clientName); positions in \(context.encoding.rawValue); diagnostics \(context.pullsDiagnostics ? "pulled" : "pushed")")
        return Result(capabilities: MethodRegistry.capabilities(for: params.capabilities),
                      serverInfo: ServerInfo(name: LanguageServer.name, version: LanguageServer.version))
    }
}
