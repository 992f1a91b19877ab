#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Diagnostic logging to stderr (never stdout, which carries the protocol).
///
/// Set `FORUMLS_LOG=debug` for per-message lines; the default logs lifecycle events and problems.
public enum Log {
    /// How much is logged.
    public enum Level: Int, Sendable { case error = 0, warning, info, debug }

    /// The active level, read once from `FORUMLS_LOG` (`error`, `warning`, `info`, `debug`).
    public static let level: Level = {
        guard let raw = getenv("FORUMLS_LOG") else { return .info }
        switch String(cString: raw).lowercased() {
        case "error": return .error
        case "warning", "warn": return .warning
        case "debug", "trace": return .debug
        case "off", "none": return .error
        default: return .info
        }
    }()

    /// Writes one line `forumls: <message>` to stderr when `level` is enabled.
    public static func emit(_ level: Level, _ message: @autoclosure () -> String) {
        guard level.rawValue <= Log.level.rawValue else { return }
        let line = "forumls: \(message())\n"
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(2, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { if n < 0 && errno == EINTR { continue }; return }
                offset += n
            }
        }
    }

    public static func error(_ message: @autoclosure () -> String) { emit(.error, message()) }
    public static func warning(_ message: @autoclosure () -> String) { emit(.warning, message()) }
    public static func info(_ message: @autoclosure () -> String) { emit(.info, message()) }
    public static func debug(_ message: @autoclosure () -> String) { emit(.debug, message()) }
}

/// The C `write`, reachable from inside types that have a `write` of their own.
@inline(__always)
func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
