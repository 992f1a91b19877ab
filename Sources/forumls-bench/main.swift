// forumls-bench: the project's speed figures in one command.
//
//   swift build -c release && swift run -c release forumls-bench [--stages-only | --lsp-only] [options]
//
// 1. Stages (StageBench): MB/s of parse, structure, outline, rules and clean-up over a >= 50 MB corpus,
//    each next to a byte scan measured in the same run.
// 2. LSP (LSPBench): the release `forumls` binary over real pipes: spawn -> initialize, didOpen ->
//    diagnostics, documentSymbol, fix-all codeAction and VmHWM for 10 KB, 1 MB and 10 MB documents,
//    edit -> diagnostics p50/p95/max over 500 edits of the 1 MB document, and the cost per MB.
// `--help` lists the options; Tests/Bench/README.md says what each figure measures.
import Foundation
import ForumLanguageServer

#if canImport(Glibc)
import Glibc
#endif

signal(SIGPIPE, SIG_IGN)  // a server that dies must show up as a write error, not kill the bench
let options = BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
// Find the server before the minutes of the stage table, so a missing binary fails at once.
let server = options.runLSP ? LSPBench.serverPath(options) : ""
if options.runStages {
    // Same heap tuning as the forumls executable.
    HeapTuning.keepFreedMemory()
    StageBench.run(options)
}
if options.runLSP {
    if options.runStages { print("") }
    exit(LSPBench.run(options, server: server))
}
