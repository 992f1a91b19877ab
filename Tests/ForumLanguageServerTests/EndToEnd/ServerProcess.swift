import Foundation
import ForumLanguageServer
#if canImport(Glibc)
import Glibc
#endif

/// The built `forumls` executable next to the test bundle, or nil (the end-to-end tests then skip).
enum ServerBinary {
    static let url: URL? = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let candidate = URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("forumls")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }()
}

/// A `forumls` process driven over real pipes.
final class ServerProcess {
    let process = Process()
    private let stdinPipe = Pipe()
    private let stdoutPipe = Pipe()
    private let stderrPipe = Pipe()
    private var reader = FrameReader()
    private var pending: [JSONObject] = []
    private var nextID = 1

    init(arguments: [String] = []) throws {
        process.executableURL = ServerBinary.url
        process.arguments = arguments
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        var environment = ProcessInfo.processInfo.environment
        environment["FORUMLS_LOG"] = "error"
        process.environment = environment
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Writes raw bytes to the server's stdin.
    func write(_ bytes: [UInt8]) {
        stdinPipe.fileHandleForWriting.write(Data(bytes))
    }

    /// Frames and writes a JSON object.
    func send(_ object: JSONObject) {
        write(FrameWriter.frame(Array(try! JSONSerialization.data(withJSONObject: object))))
    }

    /// Sends a request and waits for its response.
    func request(_ method: String, _ params: Any? = nil, timeout: Double = 20) -> JSONObject? {
        let id = nextID
        nextID += 1
        var message: JSONObject = ["jsonrpc": "2.0", "id": id, "method": method]
        if let params { message["params"] = params }
        send(message)
        return waitFor(timeout: timeout) { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    /// Sends a notification.
    func notify(_ method: String, _ params: Any? = nil) {
        var message: JSONObject = ["jsonrpc": "2.0", "method": method]
        if let params { message["params"] = params }
        send(message)
    }

    /// Closes our end of the server's stdout (the client vanishes; the server's next write fails).
    func closeOutput() {
        try? stdoutPipe.fileHandleForReading.close()
    }

    /// Closes the server's stdin.
    func closeInput() {
        try? stdinPipe.fileHandleForWriting.close()
    }

    /// Waits for the first message (already received or arriving within `timeout` s) that matches.
    func waitFor(timeout: Double = 20, _ predicate: (JSONObject) -> Bool) -> JSONObject? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let index = pending.firstIndex(where: predicate) { return pending.remove(at: index) }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 || !readMore(timeout: remaining) { return nil }
        }
    }

    /// Reads what is available within `timeout` s; false on timeout or end of output.
    private func readMore(timeout: Double) -> Bool {
        let fd = stdoutPipe.fileHandleForReading.fileDescriptor
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(max(1, timeout * 1000))) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return false }
        reader.append(buffer[0..<n])
        while let event = reader.next() {
            if case .message(let body) = event,
               let object = try? JSONSerialization.jsonObject(with: Data(body)) as? JSONObject {
                pending.append(object)
            }
        }
        return true
    }

    /// Waits up to `timeout` s for the process to end; its exit status, or nil if it is still running.
    func waitForExit(timeout: Double = 5) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { return nil }
        return process.terminationStatus
    }

    /// `initialize` + `initialized`; returns the result.
    @discardableResult
    func initialize(capabilities: JSONObject = [:]) -> JSONObject? {
        let response = request("initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": capabilities])
        notify("initialized", [:] as JSONObject)
        return response?["result"] as? JSONObject
    }
}
