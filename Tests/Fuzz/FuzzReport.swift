// Shared by every fuzz target: how a broken invariant stops the run.
#if canImport(Glibc)
import Glibc
#endif

/// Reports broken invariants on stderr (with the input in hex) and aborts, so libFuzzer saves the input.
enum FuzzReport {
    /// Failure kinds to ignore while they are known and reported: the comma-separated prefixes in
    /// `FUZZ_ALLOW` (e.g. `FUZZ_ALLOW=not-converged`), so a run can look past them for new bugs.
    static let allowed: [String] = {
        guard let raw = getenv("FUZZ_ALLOW") else { return [] }
        return String(cString: raw).split(separator: ",").map { String($0) + ":" }
    }()

    /// Stops the run when `failures` holds a failure that is not allowed.
    static func check(_ failures: [String], input: [UInt8]) {
        let remaining = failures.filter { failure in !allowed.contains { failure.hasPrefix($0) } }
        if !remaining.isEmpty { fail(remaining, input: input) }
    }

    static func fail(_ failures: [String], input: [UInt8]) -> Never {
        var message = "INVARIANT BROKEN (\(failures.count)):\n"
        for failure in failures.prefix(10) { message += "  \(failure)\n" }
        let hex = input.prefix(512).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        message += "  input (\(input.count) bytes, hex): \(hex)\(input.count > 512 ? "..." : "")\n"
        fputs(message, stderr)
        fatalError("fuzz invariant broken")
    }
}
