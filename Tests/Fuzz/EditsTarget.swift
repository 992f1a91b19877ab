// libFuzzer target: sequences of incremental edits through the server (`Tests/Fuzz/run.sh edits SECONDS`).
// The checks are Tests/ForumLanguageServerTests/Support/Fuzz/EditInvariants.swift, shared with the
// regression tests.

/// Plays the input as a didOpen + didChange session and compares the result with the model.
@_cdecl("LLVMFuzzerTestOneInput")
public func editsFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzReport.check(EditInvariants.violations(bytes), input: bytes)
    return 0
}
