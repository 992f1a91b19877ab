// libFuzzer target: the parser and the line index (`Tests/Fuzz/run.sh parser SECONDS`). The checks are
// Tests/ForumMarkupTests/Support/Fuzz/ParserInvariants.swift, shared with the regression tests.

/// Parses the input in every dialect and stops the run at the first broken invariant.
@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let failures = ParserInvariants.violations(bytes)
    FuzzReport.check(failures, input: bytes)
    return 0
}
