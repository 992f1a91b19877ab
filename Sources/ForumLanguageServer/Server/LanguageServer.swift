/// The language server core, independent of the transport: bytes in through `receive`, framed
/// messages out through the output sink.
///
/// Two roles share it. The reader (`receive`, `endOfInput`) frames and decodes messages, applies
/// `$/cancelRequest` on arrival (a queued request it names is answered `-32800` and never runs),
/// and queues everything else. The worker (`runWorker` or `drain`) takes messages in order,
/// enforces the lifecycle, runs handlers, and pushes diagnostics whenever the queue runs dry, so a
/// burst of edits is analysed once. When no message has arrived for `idleSeconds` after some work,
/// the worker returns the heap's free pages to the kernel (`HeapTuning.releaseFreedMemory`), so the
/// resident size of an idle server is the memory in use, not the high-water mark of its biggest
/// burst. The parser and the analysis know nothing of this.
public final class LanguageServer: @unchecked Sendable {
    /// The server's name in `serverInfo`.
    public static let name = "forumls"
    /// The server's version in `serverInfo` and `forumls --version`.
    public static let version = "0.1.0"

    private let queue = MessageQueue()
    private let output: OutputChannel
    private let terminate: @Sendable (Int32) -> Void
    // Reader-only state.
    private var reader = FrameReader()
    private let decoder = MessageDecoder()
    private let readerEncoder = MessageEncoder()
    // Worker-only state.
    let context: ServerContext
    private let workerEncoder = MessageEncoder()
    private var finished = false
    /// True when the worker has done work since it last released freed memory.
    private var workedSinceRelease = false
    /// How long (seconds) the worker waits without messages before releasing freed memory.
    private let idleSeconds: Double

    /// Makes a server writing framed messages to `output` (returning false when the client is
    /// gone) and calling `terminate` with the exit code when it ends (after `exit`, end of input,
    /// or a vanished client).
    /// `idleSeconds` is the quiet time after which `runWorker` releases freed heap memory.
    public init(output: @escaping @Sendable ([UInt8]) -> Bool, terminate: @escaping @Sendable (Int32) -> Void,
                idleSeconds: Double = 1) {
        self.terminate = terminate
        self.idleSeconds = idleSeconds
        let queue = self.queue
        self.output = OutputChannel(sink: output, onBroken: {
            Log.info("the client went away (write failed); stopping")
            queue.push(.endOfInput)
        })
        self.context = ServerContext(output: self.output)
    }

    // MARK: Reader

    /// Feeds bytes read from the client (any split: one byte, several messages).
    public func receive<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        reader.append(bytes)
        while let event = reader.next() {
            switch event {
            case .malformed(let reason):
                Log.warning("malformed header (\(reason)); resynchronising at the next Content-Length")
                output.send(readerEncoder.response(id: nil, error: .parseError("malformed header: \(reason)")))
            case .message(let body):
                switch decoder.decode(body) {
                case .failure(let error):
                    Log.warning("unreadable message body (\(body.count) bytes): \(error.message)")
                    output.send(readerEncoder.response(id: nil, error: error))
                case .success(let message):
                    arrived(message)
                }
            }
        }
    }

    /// Tells the server that the input has ended (stdin closed): it finishes the queued messages
    /// and terminates.
    public func endOfInput() {
        queue.push(.endOfInput)
    }

    private func arrived(_ message: IncomingMessage) {
        if case .notification(let entry, .decoded(let params)) = message.kind {
            if entry.method == CancelRequest.method, let params = params as? CancelParams {
                let removed = queue.removeRequests { id, _, _ in id == params.id }
                for id in removed {
                    Log.debug("cancelled queued request \(id)")
                    output.send(readerEncoder.response(id: id, error: .requestCancelled))
                }
                return
            }
            if entry.method == DidChangeTextDocument.method, let uri = entry.documentURI(params) {
                let removed = queue.removeRequests { _, queued, params in
                    queued.isStaleAfterEdit && paramsValue(params).flatMap { queued.documentURI($0) } == uri
                }
                for id in removed { output.send(readerEncoder.response(id: id, error: .contentModified)) }
            }
        }
        queue.push(.message(message))
    }

    // MARK: Worker

    /// Runs the worker loop on the calling thread until the server terminates.
    public func runWorker() {
        while !finished {
            step(wait: context.pendingDiagnostics.isEmpty)
        }
    }

    /// Processes everything queued (and pushes pending diagnostics) without waiting; for tests and
    /// in-process clients. Returns the exit code once the server has ended.
    @discardableResult
    public func drain() -> Int32? {
        while !finished && (!queue.isEmpty || !context.pendingDiagnostics.isEmpty) {
            step(wait: false)
        }
        return finished ? context.exitCode ?? 1 : nil
    }

    private func step(wait: Bool) {
        let timeout = wait && workedSinceRelease ? idleSeconds : nil
        guard let item = queue.pop(wait: wait, timeout: timeout) else {
            if wait {
                releaseFreedMemory()
            } else {
                publishOnePending()
            }
            return
        }
        workedSinceRelease = true
        switch item {
        case .endOfInput:
            let code: Int32 = context.phase == .shutDown ? 0 : 1
            Log.info("end of input; exiting with \(code)")
            finish(code)
        case .message(let message):
            process(message)
            if let code = context.exitCode {
                Log.info("exit (\(code == 0 ? "after shutdown" : "without shutdown")); exiting with \(code)")
                finish(code)
            }
        }
    }

    private func finish(_ code: Int32) {
        finished = true
        if context.exitCode == nil { context.exitCode = code }
        terminate(code)
    }

    private func process(_ message: IncomingMessage) {
        switch message.kind {
        case .request(let id, let entry, let params):
            reply(id, handle(entry, params))
        case .unknownRequest(let id, let method):
            if context.phase == .uninitialized {
                reply(id, .failure(.serverNotInitialized))
            } else if context.phase == .shutDown {
                reply(id, .failure(.invalidRequest("the server is shut down")))
            } else {
                Log.debug("unknown request \(method)")
                reply(id, .failure(.methodNotFound(method)))
            }
        case .notification(let entry, let params):
            let allowed: Bool
            switch context.phase {
            case .uninitialized, .shutDown: allowed = entry.method == Exit.method
            case .running: allowed = true
            }
            guard allowed else {
                Log.debug("dropped notification \(entry.method) (\(context.phase))")
                return
            }
            switch params {
            case .decoded(let value):
                _ = try? entry.run(value, context)
            case .invalid(let reason):
                context.log(.warning, "ignored \(entry.method): invalid params: \(reason)")
            }
        case .unknownNotification(let method):
            if !method.hasPrefix("$/") { Log.debug("ignored unknown notification \(method)") }
        case .response(let id):
            if !context.receiveResponse(id, message.responseResult) {
                Log.debug("ignored response \(id.map { "\($0)" } ?? "null")")
            }
        case .invalid(let id, let reason):
            Log.warning("invalid message: \(reason)")
            reply(id, .failure(.invalidRequest(reason)))
        }
    }

    private func handle(_ entry: MethodEntry, _ params: IncomingMessage.Params) -> Result<any Encodable, ResponseError> {
        switch context.phase {
        case .uninitialized where entry.method != Initialize.method:
            return .failure(.serverNotInitialized)
        case .running where entry.method == Initialize.method:
            return .failure(.invalidRequest("initialize may only be sent once"))
        case .shutDown:
            return .failure(.invalidRequest("the server is shut down"))
        default:
            break
        }
        let value: any Sendable
        switch params {
        case .decoded(let decoded): value = decoded
        case .invalid(let reason): return .failure(.invalidParams(reason))
        }
        do {
            let result = try entry.run(value, context)
            return .success(result ?? JSONNull())
        } catch let error as ResponseError {
            return .failure(error)
        } catch {
            return .failure(.internalError("\(error)"))
        }
    }

    private func reply(_ id: RequestID?, _ result: Result<any Encodable, ResponseError>) {
        switch result {
        case .success(let value):
            guard let id else { return }
            output.send(workerEncoder.response(id: id, result: value))
        case .failure(let error):
            output.send(workerEncoder.response(id: id, error: error))
        }
    }

    /// Called after `idleSeconds` without messages: the heap's free pages go back to the kernel.
    private func releaseFreedMemory() {
        workedSinceRelease = false
        let clock = ContinuousClock()
        let start = clock.now
        HeapTuning.releaseFreedMemory()
        Log.debug("idle: released freed heap memory in \(milliseconds(clock.now - start))")
    }

    /// Pushes the diagnostics of the oldest document waiting for them (its newest version).
    private func publishOnePending() {
        guard let uri = context.takePendingDiagnostics(), let document = context.documents[uri] else { return }
        PublishDiagnostics.publish(document, context)
    }
}

/// The decoded params value of a queued request, or nil when they did not decode.
private func paramsValue(_ params: IncomingMessage.Params) -> (any Sendable)? {
    if case .decoded(let value) = params { return value }
    return nil
}
