#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the language server on stdin/stdout: the process's main thread reads, one worker thread
/// (with a large stack) processes. Never returns: the process exits with 0 after `shutdown` and
/// `exit`, 1 after `exit` without `shutdown` or when stdin ends first, 0 on SIGTERM.
public enum StdioServer {
    /// Linux's F_SETPIPE_SZ (not exported by the Glibc module).
    static let setPipeSize: Int32 = 1031

    /// When stdout is a pipe, asks for a 1 MB buffer (the default is 64 KB): a 3 MB diagnostics
    /// message then crosses in a few writes instead of dozens, each waking the client. Best effort:
    /// the call fails harmlessly on other files and systems.
    static func growOutputPipe() {
        #if os(Linux)
        _ = fcntl(1, setPipeSize, Int32(1 << 20))
        #endif
    }

    /// Serves LSP on stdin/stdout until the session ends, then exits the process.
    public static func run() -> Never {
        // A vanished client must not kill us with SIGPIPE: writes fail with EPIPE instead.
        signal(SIGPIPE, SIG_IGN)
        // SIGTERM (Neovim on quit, process managers): leave at once; there is nothing to save.
        signal(SIGTERM) { _ in _exit(0) }
        // A parent may have spawned us with SIGTERM blocked (the mask is inherited): unblock it.
        var termination = sigset_t()
        sigemptyset(&termination)
        sigaddset(&termination, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &termination, nil)
        HeapTuning.keepFreedMemory()
        growOutputPipe()

        let server = LanguageServer(output: OutputChannel.fileSink(1), terminate: { code in exit(code) })
        Log.debug("forumls \(LanguageServer.version) serving LSP on stdio")
        startThread(stackSize: 512 << 20) { server.runWorker() }

        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
            if n > 0 {
                server.receive(buffer[0..<n])
            } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                break
            }
        }
        server.endOfInput()
        // The worker finishes the queue and exits the process; wait for it.
        while true { pause() }
    }
}
