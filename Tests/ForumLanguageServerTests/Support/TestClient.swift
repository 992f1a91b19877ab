import Foundation
@testable import ForumLanguageServer

/// A JSON object as the tests read it.
typealias JSONObject = [String: Any]

/// Collects what the server writes (thread-safe: the server may write from its reader role).
final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    func append(_ frame: [UInt8]) {
        lock.lock()
        bytes.append(contentsOf: frame)
        lock.unlock()
    }
    func take() -> [UInt8] {
        lock.lock()
        defer { bytes = []; lock.unlock() }
        return bytes
    }
}

/// Records the exit code the server asks for.
final class ExitRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var code: Int32?
    func record(_ c: Int32) { lock.lock(); code = c; lock.unlock() }
    var value: Int32? { lock.lock(); defer { lock.unlock() }; return code }
}

/// An in-process LSP client: every message goes through real JSON and real framing into a
/// `LanguageServer`, which is drained synchronously after each send.
final class TestClient {
    let server: LanguageServer
    private let output = OutputCollector()
    private let exitRecorder = ExitRecorder()
    private var reader = FrameReader()
    private var nextID = 1
    /// Every message received from the server, in order (responses and notifications).
    private(set) var received: [JSONObject] = []
    /// Notifications not yet consumed by `notifications(_:)`.
    private var unreadNotifications: [JSONObject] = []
    private var responses: [String: JSONObject] = [:]

    /// Tests provoke parse errors on purpose: keep the server's stderr to real errors unless the
    /// caller asked for more (`FORUMLS_LOG` is read once, on the first log line).
    private static let quietLogs: Void = {
        if getenv("FORUMLS_LOG") == nil { setenv("FORUMLS_LOG", "error", 1) }
    }()

    init() {
        TestClient.quietLogs
        let output = self.output
        let exitRecorder = self.exitRecorder
        server = LanguageServer(output: { output.append($0); return true }, terminate: { exitRecorder.record($0) })
    }

    /// The exit code, once the server has ended.
    var exitCode: Int32? { exitRecorder.value }

    /// Sends raw bytes (already framed or deliberately broken) and processes them.
    func sendRaw(_ bytes: [UInt8], drain: Bool = true) {
        server.receive(bytes)
        if drain { self.drain() }
    }

    /// Frames and sends a JSON body.
    func sendBody(_ body: [UInt8], drain: Bool = true) {
        sendRaw(FrameWriter.frame(body), drain: drain)
    }

    /// Sends a JSON object.
    func send(_ object: JSONObject, drain: Bool = true) {
        sendBody(Array(try! JSONSerialization.data(withJSONObject: object)), drain: drain)
    }

    /// Processes everything queued and collects the output.
    func drain() {
        server.drain()
        collect()
    }

    private func collect() {
        reader.append(output.take())
        while let event = reader.next() {
            guard case .message(let body) = event,
                  let object = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) as? JSONObject else {
                fatalError("the server wrote a frame that is not a JSON object")
            }
            received.append(object)
            if object["method"] != nil {
                unreadNotifications.append(object)
            } else {
                responses[TestClient.key(object["id"])] = object
            }
        }
    }

    static func key(_ id: Any?) -> String {
        switch id {
        case let n as NSNumber: return "n\(n.intValue)"
        case let s as String: return "s\(s)"
        default: return "null"
        }
    }

    /// Sends a request and returns its response (the whole message).
    @discardableResult
    func request(_ method: String, _ params: Any? = nil, id: Any? = nil, drain: Bool = true) -> JSONObject? {
        let requestID: Any = id ?? { defer { nextID += 1 }; return nextID }()
        var message: JSONObject = ["jsonrpc": "2.0", "id": requestID, "method": method]
        if let params { message["params"] = params }
        send(message, drain: drain)
        return responses[TestClient.key(requestID)]
    }

    /// The response to `id`, if it has arrived.
    func response(id: Any) -> JSONObject? { responses[TestClient.key(id)] }

    /// Sends a notification.
    func notify(_ method: String, _ params: Any? = nil, drain: Bool = true) {
        var message: JSONObject = ["jsonrpc": "2.0", "method": method]
        if let params { message["params"] = params }
        send(message, drain: drain)
    }

    /// Takes the unread notifications of `method`.
    func notifications(_ method: String) -> [JSONObject] {
        let matching = unreadNotifications.filter { $0["method"] as? String == method }
        unreadNotifications.removeAll { $0["method"] as? String == method }
        return matching
    }

    /// `initialize` + `initialized` with the given client capabilities; returns the result.
    @discardableResult
    func initialize(capabilities: JSONObject = [:]) -> JSONObject {
        let response = request("initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": capabilities])
        notify("initialized", [:] as JSONObject)
        return response?["result"] as? JSONObject ?? [:]
    }

    /// `didOpen` of a `bbcode` document.
    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "bbcode", "version": version, "text": text]])
    }

    /// `didChange` with ranged changes: each is (startLine, startCharacter, endLine, endCharacter, text).
    func change(_ uri: String, version: Int, _ changes: [(Int, Int, Int, Int, String)], drain: Bool = true) {
        let events: [JSONObject] = changes.map { c in
            ["range": ["start": ["line": c.0, "character": c.1], "end": ["line": c.2, "character": c.3]], "text": c.4]
        }
        notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": version], "contentChanges": events], drain: drain)
    }

    /// The server's current text of `uri` (white-box).
    func text(_ uri: String) -> String? { server.context.documents[uri]?.source.string }
}

/// The error code of a response, if it is an error.
func errorCode(_ response: JSONObject?) -> Int? {
    (response?["error"] as? JSONObject)?["code"] as? Int
}
