/// An LSP position: 0-based line and 0-based character, the character counted in the negotiated
/// position encoding (UTF-16 code units unless `utf-8`/`utf-32` was negotiated).
public struct Position: Codable, Hashable, Sendable {
    public var line: Int
    public var character: Int
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

/// An LSP range: `start` inclusive, `end` exclusive.
public struct LSPRange: Codable, Hashable, Sendable {
    public var start: Position
    public var end: Position
    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }
}

/// A range in a document named by URI.
public struct Location: Codable, Hashable, Sendable {
    public var uri: String
    public var range: LSPRange
    public init(uri: String, range: LSPRange) {
        self.uri = uri
        self.range = range
    }
}

/// `{uri}`: names a document.
public struct TextDocumentIdentifier: Codable, Hashable, Sendable {
    public var uri: String
    public init(uri: String) { self.uri = uri }
}

/// `{uri, version}`: names one version of a document.
public struct VersionedTextDocumentIdentifier: Codable, Hashable, Sendable {
    public var uri: String
    public var version: Int
    public init(uri: String, version: Int) {
        self.uri = uri
        self.version = version
    }
}

/// `didOpen`'s document: URI, language, version and the full text.
public struct TextDocumentItem: Codable, Hashable, Sendable {
    public var uri: String
    public var languageId: String
    public var version: Int
    public var text: String
}

/// Params of every request about one position in one document.
public struct TextDocumentPositionParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
}

/// Params of every request about one whole document (`{textDocument}`; other fields ignored).
public struct TextDocumentParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
}

/// Params that carry nothing: accepts absent params, `null`, `{}` or any object (for `shutdown`,
/// `exit`, `initialized`; eglot sends `"params": null`, Neovim sends none).
public struct NoParams: Codable, Hashable, Sendable, EmptyParams {
    public init() {}
    public init(from decoder: any Decoder) throws {}
    public func encode(to encoder: any Encoder) throws {}
}

/// Params types that can stand for absent or `null` params.
public protocol EmptyParams { init() }

/// `window/logMessage` and `window/showMessage` params.
public struct LogMessageParams: Codable, Hashable, Sendable {
    /// 1 error, 2 warning, 3 info, 4 log.
    public var type: Int
    public var message: String
}
