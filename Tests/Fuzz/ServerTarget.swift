// libFuzzer target: the server's framing and JSON-RPC layer (`Tests/Fuzz/run.sh server SECONDS`): the
// input is what the client writes to stdin. The checks are
// Tests/ForumLanguageServerTests/Support/Fuzz/ServerInvariants.swift, shared with the regression tests.

/// Runs an in-process server over the input (whole, then in small reads) and checks its answers.
@_cdecl("LLVMFuzzerTestOneInput")
public func serverFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzReport.check(ServerInvariants.violations(bytes), input: bytes)
    return 0
}
