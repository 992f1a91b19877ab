// A minimal LSP client over real pipes for the bench: one server process, pre-encoded messages written
// with write(2), frames read with read(2) from the stdout pipe's file descriptor, each message stamped
// with the instant its last byte was read (before any JSON decoding).
import Foundation

/// One message read from the server: its body and when its last byte came off the pipe.
struct ReceivedMessage {
    /// The JSON body.
    var body: [UInt8]
    /// The instant the read(2) that completed the body returned.
    var readAt: ContinuousClock.Instant
}

/// A `textDocument/publishDiagnostics` notification as a client decodes it.
struct PublishedDiagnostics: Decodable {
    struct Position: Decodable { var line: Int; var character: Int }
    struct Range: Decodable { var start: Position; var end: Position }
    struct Diagnostic: Decodable { var range: Range; var severity: Int?; var source: String?; var message: String }
    var uri: String
    var version: Int?
    var diagnostics: [Diagnostic]
}

/// A decoded message whose params are decoded only when it is a diagnostics notification.
private struct Envelope: Decodable {
    var method: String?
    var params: PublishedDiagnostics?
    enum CodingKeys: String, CodingKey { case method, params }
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        method = try c.decodeIfPresent(String.self, forKey: .method)
        params = method == LSPClient.publishDiagnostics ? try c.decode(PublishedDiagnostics.self, forKey: .params) : nil
    }
}

/// Failures of the session with the server; the bench reports them and exits non-zero.
struct LSPClientError: Error, CustomStringConvertible {
    var description: String
}

/// A `forumls` server process driven over its stdin/stdout pipes.
final class LSPClient {
    static let publishDiagnostics = "textDocument/publishDiagnostics"
    /// The longest wait for one read before the bench gives up on the server, in seconds.
    static let readTimeoutSeconds: Int32 = 900

    let clock = ContinuousClock()
    /// The instant just before the process was spawned.
    let spawnedAt: ContinuousClock.Instant
    private let process = Process()
    private let stdinPipe = Pipe()
    private let stdoutPipe = Pipe()
    private var frames = FrameBuffer()
    private var scratch = [UInt8](repeating: 0, count: 1 << 20)
    private var lastReadAt: ContinuousClock.Instant
    private var nextID = 1

    /// Spawns `path` (no arguments: the server on stdio); its stderr goes to /dev/null.
    init(path: String) throws {
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = []
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = FileHandle.nullDevice
        spawnedAt = clock.now
        lastReadAt = spawnedAt
        try process.run()
    }

    /// The server's process id.
    var pid: Int32 { process.processIdentifier }

    /// The id the next request will get.
    func takeID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    /// A framed request with an integer `id` and `params` given as JSON text.
    static func request(id: Int, _ method: String, params: String) -> [UInt8] {
        JSONText.frame(Array("{\"jsonrpc\":\"2.0\",\"id\":\(id),\"method\":\"\(method)\",\"params\":\(params)}".utf8))
    }

    /// A framed notification with `params` given as JSON text.
    static func notification(_ method: String, params: String) -> [UInt8] {
        JSONText.frame(Array("{\"jsonrpc\":\"2.0\",\"method\":\"\(method)\",\"params\":\(params)}".utf8))
    }

    /// Writes framed bytes to the server's stdin (all of them; blocks while the pipe is full).
    func send(_ framed: [UInt8]) throws {
        let fd = stdinPipe.fileHandleForWriting.fileDescriptor
        try framed.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw LSPClientError(description: "writing to the server failed (errno \(errno)): did it exit?")
                }
                offset += n
            }
        }
    }

    /// The next message from the server, stamped with the instant its last byte was read.
    func readMessage() throws -> ReceivedMessage {
        let fd = stdoutPipe.fileHandleForReading.fileDescriptor
        while true {
            if let body = try frames.next() { return ReceivedMessage(body: body, readAt: lastReadAt) }
            var waiting = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&waiting, 1, LSPClient.readTimeoutSeconds * 1000)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { throw LSPClientError(description: "no answer from the server in \(LSPClient.readTimeoutSeconds) s") }
            let want = max(scratch.count, frames.missingBodyBytes)
            if scratch.count < want { scratch = [UInt8](repeating: 0, count: want) }
            let n = scratch.withUnsafeMutableBytes { read(fd, $0.baseAddress!, want) }
            lastReadAt = clock.now
            if n < 0 {
                if errno == EINTR { continue }
                throw LSPClientError(description: "reading from the server failed (errno \(errno))")
            }
            if n == 0 { throw LSPClientError(description: "the server closed its stdout (crashed or exited)") }
            scratch.withUnsafeBytes { frames.append(UnsafeRawBufferPointer(rebasing: $0[..<n])) }
        }
    }

    /// Sends a request and waits for its response, skipping other messages. `sentAt` is the instant
    /// just before the write; `readAt` when the response was read; `decodedAt` after its JSON was decoded.
    func request(_ method: String, params: String) throws
        -> (response: [String: Any], sentAt: ContinuousClock.Instant, readAt: ContinuousClock.Instant, decodedAt: ContinuousClock.Instant) {
        let id = takeID()
        let framed = LSPClient.request(id: id, method, params: params)
        let sentAt = clock.now
        try send(framed)
        while true {
            let message = try readMessage()
            guard let object = try? JSONSerialization.jsonObject(with: Data(message.body)) as? [String: Any] else {
                throw LSPClientError(description: "the server sent a body that is not a JSON object")
            }
            if object["method"] == nil, (object["id"] as? NSNumber)?.intValue == id {
                return (object, sentAt, message.readAt, clock.now)
            }
        }
    }

    /// Sends a notification.
    func notify(_ method: String, params: String) throws {
        try send(LSPClient.notification(method, params: params))
    }

    /// Waits for the diagnostics of `uri` at `version`: when they were read (before decoding), when
    /// they were decoded, and how many there were. Other messages are read and skipped.
    func waitForDiagnostics(uri: String, version: Int) throws
        -> (readAt: ContinuousClock.Instant, decodedAt: ContinuousClock.Instant, count: Int) {
        let marker = Array(LSPClient.publishDiagnostics.utf8)
        while true {
            let message = try readMessage()
            // Cheap pre-check on the first bytes; the decode below is the real test.
            guard message.body.prefix(256).firstRange(of: marker) != nil else { continue }
            let envelope = try JSONDecoder().decode(Envelope.self, from: Data(message.body))
            let decodedAt = clock.now
            if let params = envelope.params, params.uri == uri, params.version == version {
                return (message.readAt, decodedAt, params.diagnostics.count)
            }
        }
    }

    /// `initialize` with the capabilities an editor that takes pushed, versioned diagnostics sends.
    func initialize() throws -> ContinuousClock.Instant {
        let params = "{\"processId\":\(getpid()),\"rootUri\":null,\"capabilities\":{\"textDocument\":"
            + "{\"publishDiagnostics\":{\"versionSupport\":true,\"relatedInformation\":true}}}}"
        let answer = try request("initialize", params: params)
        guard answer.response["result"] != nil else { throw LSPClientError(description: "initialize failed: \(answer.response)") }
        return answer.readAt
    }

    /// `shutdown`, then the peak and current resident memory (KiB, from /proc), then `exit`; waits up to
    /// 30 s for the process to end and returns its exit status (-1 if it had to be killed).
    func close() throws -> (status: Int32, peakKiB: Int?, residentKiB: Int?) {
        _ = try request("shutdown", params: "null")
        let memory = LSPClient.memory(pid: pid)
        try notify("exit", params: "null")
        let deadline = clock.now + .seconds(30)
        while process.isRunning && clock.now < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return (-1, memory.peak, memory.resident)
        }
        return (process.terminationStatus, memory.peak, memory.resident)
    }

    /// Ends the server without the protocol (after a failure); safe to call more than once.
    func kill() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// VmHWM (peak resident memory) and VmRSS of a live process in KiB, from /proc/PID/status.
    static func memory(pid: Int32) -> (peak: Int?, resident: Int?) {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return (nil, nil) }
        var peak: Int?
        var resident: Int?
        for line in status.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\t" })
            guard fields.count >= 2 else { continue }
            if fields[0] == "VmHWM" { peak = Int(fields[1]) }
            if fields[0] == "VmRSS" { resident = Int(fields[1]) }
        }
        return (peak, resident)
    }
}
