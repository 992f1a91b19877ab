#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The way out to the client: frames each body and hands header and body to the sink in one piece.
/// Thread-safe (the reader answers parse errors and cancellations, the worker everything else).
final class OutputChannel: @unchecked Sendable {
    private let condition = Condition()
    private let sink: @Sendable ([UInt8]) -> Bool
    private var broken = false
    /// Called once when the sink first fails (the client went away).
    private let onBroken: @Sendable () -> Void

    /// `sink` writes one framed message and returns false when the client is gone.
    init(sink: @escaping @Sendable ([UInt8]) -> Bool, onBroken: @escaping @Sendable () -> Void = {}) {
        self.sink = sink
        self.onBroken = onBroken
    }

    /// Frames and sends one message body.
    func send(_ body: [UInt8]) {
        sendFramed(FrameWriter.frame(body))
    }

    /// Sends one message already framed (header and body).
    func sendFramed(_ frame: [UInt8]) {
        let failed: Bool = condition.locked {
            guard !broken else { return false }
            if !sink(frame) {
                broken = true
                return true
            }
            return false
        }
        if failed { onBroken() }
    }

    /// A sink that writes to a file descriptor (stdout), retrying partial writes; false on EPIPE or
    /// any other write error.
    static func fileSink(_ fd: Int32) -> @Sendable ([UInt8]) -> Bool {
        { frame in
            frame.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR || errno == EAGAIN { continue }
                        return false
                    }
                    if n == 0 { return false }
                    offset += n
                }
                return true
            }
        }
    }
}
