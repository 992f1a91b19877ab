// libFuzzer target: the parser and the line index. Built by Tests/Fuzz/run.sh parser SECONDS, in one
// module with Sources/ForumMarkup and Tests/ForumMarkupTests/Support/Fuzz/ParserInvariants.swift.

/// Parses the input in every dialect and stops the run at the first broken invariant.
@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let failures = ParserInvariants.violations(bytes)
    if !failures.isEmpty {
        FuzzReport.fail(failures, input: bytes)
    }
    return 0
}
