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

/// When a `publishDiagnostics` notification arrived and how far the client got with it.
struct DiagnosticsArrival {
    /// The read(2) that completed the message returned (before any decoding).
    var readAt: ContinuousClock.Instant
    /// Its method, uri and version were checked with `JSONPeek`.
    var checkedAt: ContinuousClock.Instant
    /// The whole message was decoded with JSONDecoder (when asked for).
    var decodedAt: ContinuousClock.Instant?
    /// The number of diagnostics.
    var count: Int
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

    /// Spawns `path` (no arguments: the server on stdio); its stderr goes to /dev/null, or is appended
    /// to `log` (with `FORUMLS_LOG=debug` in the environment the server logs each publish's stages).
    init(path: String, log: String? = nil) throws {
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = []
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        if let log, FileManager.default.fileExists(atPath: log) || FileManager.default.createFile(atPath: log, contents: nil),
           let handle = FileHandle(forWritingAtPath: log) {
            handle.seekToEndOfFile()
            process.standardError = handle
        } else {
            process.standardError = FileHandle.nullDevice
        }
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

    /// Waits for the diagnostics of `uri` at `version`, reading and skipping other messages. Each
    /// message is stamped when read, then checked with `JSONPeek`; with `decode` the matching one is
    /// also decoded in full with JSONDecoder, as an editor would.
    func waitForDiagnostics(uri: String, version: Int, decode: Bool) throws -> DiagnosticsArrival {
        let marker = Array(LSPClient.publishDiagnostics.utf8)
        while true {
            let message = try readMessage()
            // A cheap pre-check on the first bytes, then the scanner; a full decode only when asked.
            guard message.body.prefix(256).firstRange(of: marker) != nil else { continue }
            guard let peek = JSONPeek.scan(message.body) else {
                throw LSPClientError(description: "the server sent malformed JSON: \(String(decoding: message.body.prefix(200), as: UTF8.self))")
            }
            guard peek.method == LSPClient.publishDiagnostics, peek.uri == uri, peek.version == version else { continue }
            var arrival = DiagnosticsArrival(readAt: message.readAt, checkedAt: clock.now, count: peek.diagnosticsCount ?? 0)
            if decode {
                let decoded = try JSONDecoder().decode(PublishMessage.self, from: Data(message.body))
                arrival.decodedAt = clock.now
                guard decoded.params.diagnostics.count == arrival.count, decoded.params.version == version else {
                    throw LSPClientError(description: "JSONPeek and JSONDecoder disagree on a publishDiagnostics message")
                }
            }
            return arrival
        }
    }

    /// The notification as JSONDecoder sees it.
    private struct PublishMessage: Decodable { var params: PublishedDiagnostics }

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
