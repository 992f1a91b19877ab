import Testing
@testable import ForumLanguageServer

private func frame(_ body: String) -> [UInt8] { FrameWriter.frame(Array(body.utf8)) }

private func events(_ chunks: [[UInt8]]) -> [FrameReader.Event] {
    var reader = FrameReader()
    var out: [FrameReader.Event] = []
    for chunk in chunks {
        reader.append(chunk)
        while let event = reader.next() { out.append(event) }
    }
    return out
}

private func bodies(_ events: [FrameReader.Event]) -> [String] {
    events.compactMap { if case .message(let b) = $0 { String(decoding: b, as: UTF8.self) } else { nil } }
}

private func malformedCount(_ events: [FrameReader.Event]) -> Int {
    events.filter { if case .malformed = $0 { true } else { false } }.count
}

@Suite struct FramingTests {
    @Test func writerPutsHeaderAndBodyInOneBuffer() {
        #expect(String(decoding: frame("{\"a\":\"é\"}"), as: UTF8.self) == "Content-Length: 10\r\n\r\n{\"a\":\"é\"}")
    }

    @Test func oneByteAtATime() {
        let bytes = frame("{\"x\":1}") + frame("{\"y\":\"😀\"}")
        let result = events(bytes.map { [$0] })
        #expect(bodies(result) == ["{\"x\":1}", "{\"y\":\"😀\"}"])
        #expect(malformedCount(result) == 0)
    }

    @Test func twoMessagesInOneChunk() {
        #expect(bodies(events([frame("[1]") + frame("[2]")])) == ["[1]", "[2]"])
    }

    @Test func headersInAnyCaseWithContentType() {
        let raw = "content-LENGTH: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"
        #expect(bodies(events([Array(raw.utf8)])) == ["{}"])
        let typeFirst = "Content-Type: application/vscode-jsonrpc\r\nContent-Length:3\r\n\r\n[1]"
        #expect(bodies(events([Array(typeFirst.utf8)])) == ["[1]"])
    }

    @Test func largeBodySplitOverManyReads() {
        let text = String(repeating: "[b]文字😀[/b]\\n", count: 200_000)
        let bytes = frame("{\"t\":\"\(text)\"}")
        let chunks = stride(from: 0, to: bytes.count, by: 65_536).map { Array(bytes[$0..<min($0 + 65_536, bytes.count)]) }
        let result = events(chunks)
        #expect(bodies(result).count == 1)
        #expect(bodies(result).first?.utf8.count == bytes.count - "Content-Length: \(bytes.count - 24)\r\n\r\n".utf8.count)
    }

    @Test func headerWithoutContentLengthIsSkipped() {
        let raw = Array("Content-Type: text/plain\r\n\r\n".utf8) + frame("{\"ok\":1}")
        let result = events([raw])
        #expect(malformedCount(result) == 1)
        #expect(bodies(result) == ["{\"ok\":1}"])
    }

    @Test func garbageBeforeAHeaderIsSkipped() {
        let raw = Array("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}".utf8) + frame("{\"ok\":2}")
        let result = events([raw])
        #expect(malformedCount(result) == 1)
        #expect(bodies(result) == ["{\"ok\":2}"])
    }

    @Test func invalidContentLengthValue() {
        for bad in ["Content-Length: abc", "Content-Length: -5", "Content-Length: 99999999999999", "Content-Length:"] {
            let raw = Array("\(bad)\r\n\r\n".utf8) + frame("{\"ok\":3}")
            let result = events([raw])
            #expect(malformedCount(result) >= 1, "\(bad)")
            #expect(bodies(result).last == "{\"ok\":3}", "\(bad)")
        }
    }

    @Test func headerLineWithoutColon() {
        let raw = Array("Content-Length 5\r\n\r\nhello".utf8) + frame("{}")
        let result = events([raw])
        #expect(malformedCount(result) >= 1)
        #expect(bodies(result).last == "{}")
    }

    @Test func contentLengthTooShortYieldsATruncatedBodyThenResyncs() {
        let body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}"
        let raw = Array("Content-Length: \(body.utf8.count - 7)\r\n\r\n\(body)".utf8) + frame("{\"next\":true}")
        let result = events([raw])
        let got = bodies(result)
        #expect(got.first == String(body.dropLast(7)))
        #expect(got.last == "{\"next\":true}")
        #expect(malformedCount(result) == 1)
    }

    @Test func contentLengthTooLongStopsAtTheNextHeader() {
        let body = "{\"a\":1}"
        let raw = Array("Content-Length: \(body.utf8.count + 40)\r\n\r\n\(body)".utf8) + frame("{\"next\":true}")
        // The bytes may come in one piece or one at a time: the too-long body must not swallow the next message.
        for chunks in [[raw], raw.map { [$0] }] {
            let got = bodies(events(chunks))
            #expect(got == [body, "{\"next\":true}"])
        }
    }

    /// The fuzz finding: a too-long body that holds the whole next message in one read used to swallow
    /// it, while small reads cut the body at the next header. Now the bytes decide, not the reads: every
    /// split into two reads, and one byte at a time, gives what one read gives.
    @Test func tooLongBodyIsCutTheSameWhateverTheReads() {
        let first = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}"
        let second = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"y\"}"
        // Declared lengths: covering part of the next frame, all of it, and ending inside its header line.
        for declared in [80, 96, 45, 60] {
            let raw = Array("Content-Length: \(declared)\r\n\r\n\(first)".utf8) + frame(second)
            let whole = events([raw])
            #expect(bodies(whole) == [first, second], "declared \(declared)")
            #expect(events(raw.map { [$0] }) == whole, "declared \(declared), byte reads")
            for cut in 1..<raw.count {
                #expect(events([Array(raw[..<cut]), Array(raw[cut...])]) == whole, "declared \(declared), cut at \(cut)")
            }
        }
    }

    /// Near miss: `Content-Length: 5` inside a JSON string (escaped line break, no raw CR LF) is body text.
    @Test func headerTextInsideAStringStaysInTheBody() {
        let body = "{\"t\":\"Content-Length: 5\\r\\nContent-Length: 7\"}"
        let raw = frame(body) + frame("[]")
        #expect(bodies(events([raw])) == [body, "[]"])
        #expect(bodies(events(raw.map { [$0] })) == [body, "[]"])
    }

    @Test func bareLineFeedsAndBlankLinesBetweenMessagesAreTolerated() {
        let raw = Array("Content-Length: 2\n\n{}\r\n".utf8) + frame("[]")
        #expect(bodies(events([raw])) == ["{}", "[]"])
    }

    @Test func emptyBody() {
        #expect(bodies(events([Array("Content-Length: 0\r\n\r\n".utf8)])) == [""])
    }
}
