// libFuzzer target: every clean-up rule, the runner, the page structure, the outline and the editor
// features (formatter, selection ranges, semantic tokens, links, completion, hover, tag partners)
// (`Tests/Fuzz/run.sh cleanup SECONDS`). The checks are
// Tests/ForumMarkupTests/Support/Fuzz/{Cleanup,Editing}Invariants.swift, shared with the regression tests.

/// Analyses the input with every rule on, cleans it up twice, and stops at the first broken invariant.
@_cdecl("LLVMFuzzerTestOneInput")
public func cleanupFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let failures = CleanupInvariants.violations(bytes)
    FuzzReport.check(failures, input: bytes)
    return 0
}
