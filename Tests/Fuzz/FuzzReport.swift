// Shared by every fuzz target: how a broken invariant stops the run.
#if canImport(Glibc)
import Glibc
#endif

/// Reports broken invariants on stderr (with the input in hex) and aborts, so libFuzzer saves the input.
enum FuzzReport {
    static func fail(_ failures: [String], input: [UInt8]) -> Never {
        var message = "INVARIANT BROKEN (\(failures.count)):\n"
        for failure in failures.prefix(10) { message += "  \(failure)\n" }
        let hex = input.prefix(512).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        message += "  input (\(input.count) bytes, hex): \(hex)\(input.count > 512 ? "..." : "")\n"
        fputs(message, stderr)
        fatalError("fuzz invariant broken")
    }
}
