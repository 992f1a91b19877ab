// The bench's own arithmetic and wire code: percentiles, frame splitting, JSON escaping and the
// generated documents (which must stay byte for byte what earlier published figures used).
import Testing
@testable import forumls_bench

@Test func nearestRankPercentiles() {
    let values = (1...20).map(Double.init).shuffled()
    #expect(nearestRankPercentile(values, 50) == 10)
    #expect(nearestRankPercentile(values, 95) == 19)
    #expect(nearestRankPercentile(values, 100) == 20)
    #expect(nearestRankPercentile(values, 0) == 1)
    #expect(nearestRankPercentile([7, 3, 5], 50) == 5)
    #expect(nearestRankPercentile([3.5], 95) == 3.5)
    #expect(nearestRankPercentile([], 50) == nil)
    // 500 values: p95 is the 475th smallest, p50 the 250th.
    let many = (1...500).map(Double.init).reversed().map { $0 }
    #expect(nearestRankPercentile(many, 95) == 475)
    #expect(nearestRankPercentile(many, 50) == 250)
}

@Test func framesSplitAcrossReadsAndJoinedInOne() throws {
    let first = JSONText.frame(Array("{\"a\":\"字😀\"}".utf8))
    let second = Array("content-length:  2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8)
    let all = first + second + first
    // Byte by byte.
    var frames = FrameBuffer()
    var bodies: [[UInt8]] = []
    for b in all {
        [b].withUnsafeBytes { frames.append($0) }
        while let body = try frames.next() { bodies.append(body) }
    }
    #expect(bodies.map { String(decoding: $0, as: UTF8.self) } == ["{\"a\":\"字😀\"}", "{}", "{\"a\":\"字😀\"}"])
    #expect(frames.bufferedCount == 0)
    // All at once.
    var whole = FrameBuffer()
    all.withUnsafeBytes { whole.append($0) }
    var count = 0
    while try whole.next() != nil { count += 1 }
    #expect(count == 3)
    // A header without a length is an error.
    var bad = FrameBuffer()
    Array("Content-Type: x\r\n\r\n{}".utf8).withUnsafeBytes { bad.append($0) }
    #expect(throws: FrameBuffer.BadHeader.self) { try bad.next() }
}

@Test func jsonStringsEscapeQuotesBackslashesAndControls() {
    #expect(JSONText.string("a\"b\\c\r\n\t\u{1}字") == "\"a\\\"b\\\\c\\r\\n\\t\\u0001字\"")
}

/// FNV-1a, 64 bits: a fingerprint of the generated documents.
func fnv1a(_ bytes: String.UTF8View) -> UInt64 {
    bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
}

@Test func generatedDocumentsAreTheOnesThePublishedFiguresUsed() {
    // Size and fingerprint of the former lsp_bench.py's make_document(megabytes, clean).
    let expected: [(bytes: Int, clean: Bool, size: Int, hash: UInt64, endLine: Int)] = [
        (10 << 10, false, 10_648, 0x812f_68e8_d98f_eab5, 279),
        (10 << 10, true, 10_392, 0xfa49_4346_bdb2_57bd, 176),
        (1 << 20, false, 1_048_777, 0x6b4e_fb45_7704_d49b, 26_967),
        (1 << 20, true, 1_048_582, 0x7bc5_0e1e_0470_56e9, 17_192),
    ]
    for e in expected {
        let text = BenchDocument.make(bytes: e.bytes, clean: e.clean)
        #expect(text.utf8.count == e.size)
        #expect(fnv1a(text.utf8) == e.hash)
        #expect(BenchDocument.endPosition(text) == (e.endLine, 0))
        #expect(BenchDocument.lines(text).count == e.endLine + 1)
    }
    #expect(BenchDocument.endPosition("a\r\nb\rc\n字😀") == (3, 3))
}

@Test func editsStayInsideTheEditedText() {
    let text = "ab\r\n字😀x\n\n"
    var generator = EditGenerator(text: text, seed: 7)
    var lines = BenchDocument.lines(text).map { String(String.UnicodeScalarView($0)) }
    for _ in 0..<200 {
        let edit = generator.next()
        let line = lines[edit.line]
        #expect(edit.character <= line.utf16.count)
        let index = String.Index(utf16Offset: edit.character, in: line)
        #expect(index.samePosition(in: line.unicodeScalars) != nil)  // never inside a surrogate pair
        lines[edit.line] = String(line[..<index]) + edit.text + String(line[index...])
    }
    #expect(lines.count == 4)
}

@Test func peekReadsMethodUriVersionAndCountsDiagnostics() {
    let body = #"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"diagnostics":["#
        + #"{"range":{"start":{"line":0,"character":1},"end":{"line":0,"character":2}},"message":"a ] } \" [ {","data":[[1],{}]},"#
        + #"{"message":"字\u5b57😀","tags":[]}],"uri":"file:\/\/\/bench\/a b.bbcode","version":12}}"#
    let peek = JSONPeek.scan(Array(body.utf8))
    #expect(peek == JSONPeek(method: "textDocument/publishDiagnostics", uri: "file:///bench/a b.bbcode", version: 12, diagnosticsCount: 2))
    let other = JSONPeek.scan(Array(#"{"id":3,"result":null}"#.utf8))
    #expect(other == JSONPeek())
    let nullVersion = JSONPeek.scan(Array(#"{"method":"m","params":{"uri":"\ud83d\ude00","version":null,"diagnostics":[]}}"#.utf8))
    #expect(nullVersion == JSONPeek(method: "m", uri: "😀", version: nil, diagnosticsCount: 0))
    #expect(JSONPeek.scan(Array(#"{"method":"m","params":{"diagnostics":[{"a":1}"#.utf8)) == nil)
    #expect(JSONPeek.scan(Array("[".utf8)) == nil)
}
