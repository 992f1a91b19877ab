import ForumMarkup

/// The server's state as request and notification handlers see it: lifecycle, negotiated
/// encoding, client capabilities, open documents, and the way out to the client.
///
/// Confined to the worker thread: handlers run one at a time, in arrival order.
public final class ServerContext {
    /// Where the server is in the LSP lifecycle.
    public enum Phase: Sendable {
        /// Before `initialize`: requests are answered `-32002`, notifications dropped (except `exit`).
        case uninitialized
        /// After `initialize`.
        case running
        /// After `shutdown`: requests are answered `-32600`; only `exit` is acted on.
        case shutDown
    }

    /// The lifecycle phase.
    public internal(set) var phase: Phase = .uninitialized
    /// The open documents.
    public let documents = DocumentStore()
    /// What the client can do (empty before `initialize`).
    public internal(set) var client = ClientCapabilities()
    /// The negotiated position encoding (UTF-16 until `initialize` says otherwise).
    public internal(set) var encoding: PositionEncoding = .utf16
    /// True when the client pulls diagnostics (`textDocument/diagnostic`); false when they are pushed.
    public internal(set) var pullsDiagnostics = false
    /// Options for every analysis (dialect).
    public var analysisOptions = AnalysisOptions()
    /// The client's name and version from `initialize`, for logs.
    public internal(set) var clientName = "unknown client"

    /// The workspace root URI from `initialize`, if the client named one (for `.forumls.json`).
    public internal(set) var workspaceRoot: String?
    /// Configuration state (see `Configuration.swift`): the options before any settings, the client's
    /// `forumls` settings and the `.forumls.json` settings last read.
    var baseOptions: AnalysisOptions?
    var clientSettings: JSONValue?
    var fileSettings: JSONValue?
    /// Callbacks for the requests the server sent, by id.
    private var pendingResponses: [String: (JSONValue?) -> Void] = [:]
    private var nextOutgoingID = 1

    /// Set by `exit`: the process exit code (0 after `shutdown`, 1 without).
    public internal(set) var exitCode: Int32?
    /// Documents whose diagnostics must be pushed once the queue is drained, oldest first.
    private(set) var pendingDiagnostics: [String] = []

    private let output: OutputChannel
    private let encoder = MessageEncoder()

    init(output: OutputChannel) {
        self.output = output
    }

    /// The open document at `uri`, or a `-32602` error naming it (for requests about a document
    /// that was never opened or is closed).
    public func document(_ uri: String) throws -> OpenDocument {
        guard let document = documents[uri] else {
            throw ResponseError.invalidParams("document not open: \(uri)")
        }
        return document
    }

    /// The position converter for `document` in the negotiated encoding (the only way to turn
    /// positions into offsets and back).
    public func converter(_ document: OpenDocument) -> PositionConverter {
        PositionConverter(document.positionIndex(encoding))
    }

    /// Sends a notification to the client.
    public func notify<P: Encodable>(_ method: String, _ params: P) {
        output.send(encoder.notification(method, params))
    }

    /// Sends a message framed by the caller (header included), built in `frameBuffer`.
    func sendFramed(_ frame: [UInt8]) {
        output.sendFramed(frame)
    }

    /// A buffer for building large messages, reused so that a megabyte message per keystroke does not
    /// allocate (and fault in) fresh memory each time. Take it, fill it, give it back.
    func takeFrameBuffer() -> [UInt8] {
        defer { frameBuffer = [] }
        frameBuffer.removeAll(keepingCapacity: true)
        return frameBuffer
    }

    func giveBack(frameBuffer buffer: [UInt8]) {
        // Kept only up to a size: one huge document should not pin its message's memory for good.
        if buffer.capacity <= Self.keptFrameBufferBytes { frameBuffer = buffer }
    }

    private var frameBuffer: [UInt8] = []
    private static let keptFrameBufferBytes = 16 << 20

    /// Logs to stderr and, for warnings and errors, as `window/logMessage` too.
    public func log(_ level: Log.Level, _ message: String) {
        Log.emit(level, message)
        if level.rawValue <= Log.Level.warning.rawValue, phase != .uninitialized {
            notify("window/logMessage", LogMessageParams(type: level == .error ? 1 : 2, message: message))
        }
    }

    /// Sends a request to the client; `then` runs on the worker with its `result` (nil for an error).
    public func sendRequest<P: Encodable>(_ method: String, _ params: P, then: @escaping (JSONValue?) -> Void) {
        let id = "forumls-\(nextOutgoingID)"
        nextOutgoingID += 1
        pendingResponses[id] = then
        output.send(encoder.request(id: id, method: method, params: params))
    }

    /// Routes a response from the client to the request's callback; false when none was waiting.
    func receiveResponse(_ id: RequestID?, _ result: JSONValue?) -> Bool {
        guard let id, case .string(let key) = id, let callback = pendingResponses.removeValue(forKey: key) else { return false }
        callback(result)
        return true
    }

    /// Marks `uri`'s diagnostics for pushing once no more messages are queued (push mode only), so
    /// that a burst of edits is analysed once, at its newest version.
    public func diagnosticsChanged(_ uri: String) {
        guard !pullsDiagnostics else { return }
        if !pendingDiagnostics.contains(uri) { pendingDiagnostics.append(uri) }
    }

    /// Forgets pending diagnostics for `uri` (on close).
    func cancelPendingDiagnostics(_ uri: String) {
        pendingDiagnostics.removeAll { $0 == uri }
    }

    /// Takes the oldest pending document.
    func takePendingDiagnostics() -> String? {
        pendingDiagnostics.isEmpty ? nil : pendingDiagnostics.removeFirst()
    }

    /// Called by `exit`.
    func requestExit() {
        exitCode = phase == .shutDown ? 0 : 1
    }

    /// Called by `initialize`.
    func configure(client: ClientCapabilities, clientName: String?) {
        self.client = client
        self.encoding = client.negotiatedEncoding
        self.pullsDiagnostics = client.supportsPullDiagnostics
        if let clientName { self.clientName = clientName }
    }
}
