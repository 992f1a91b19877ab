// Shared by the libFuzzer server target (Tests/Fuzz/ServerTarget.swift, built by Tests/Fuzz/run.sh) and
// by the regression tests that replay saved fuzz inputs.
import Foundation
@testable import ForumLanguageServer
@testable import ForumMarkup

/// The invariants the framing + JSON-RPC fuzzer checks: arbitrary bytes go into an in-process server
/// (as stdin would bring them), then end of input. The server must not crash, must terminate, must
/// write only well-formed frames holding JSON-RPC 2.0 objects, must answer every complete request it
/// was sent before `exit` (every message with an id that is not a response) exactly once, and nothing
/// it was not sent, and must answer the same however the input is split into reads.
enum ServerInvariants {
    /// What one in-process server run wrote.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes: [UInt8] = []
        private var code: Int32?
        func append(_ frame: [UInt8]) { lock.lock(); bytes += frame; lock.unlock() }
        func terminated(_ c: Int32) { lock.lock(); code = c; lock.unlock() }
        var output: [UInt8] { lock.lock(); defer { lock.unlock() }; return bytes }
        var exitCode: Int32? { lock.lock(); defer { lock.unlock() }; return code }
    }

    /// Feeds `chunks` to a fresh server, ends the input, and runs its worker until it stops.
    static func run(_ chunks: [ArraySlice<UInt8>]) -> (output: [UInt8], exitCode: Int32?) {
        let recorder = Recorder()
        let server = LanguageServer(output: { recorder.append($0); return true }, terminate: { recorder.terminated($0) })
        for chunk in chunks { server.receive(chunk) }
        server.endOfInput()
        server.drain()
        return (recorder.output, recorder.exitCode)
    }

    /// The input cut into reads of 1-9 bytes (a fixed pattern, so a failure replays).
    static func splitReads(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var chunks: [ArraySlice<UInt8>] = []
        var i = 0
        var k = bytes.count
        while i < bytes.count {
            k = (k &* 1_103_515_245 &+ 12345) & 0x7FFF_FFFF
            let size = 1 + k % 9
            chunks.append(bytes[i..<min(i + size, bytes.count)])
            i += size
        }
        return chunks
    }

    /// What the checks need to know of one JSON-RPC message body.
    struct Probe: Decodable {
        enum Key: String, CodingKey { case jsonrpc, id, method, result, error }
        /// The id as a comparable key (`n5`, `s"x"`), nil when absent, null or not an integer or string.
        var id: String?
        var hasID: Bool
        var hasJSONRPC: Bool
        var hasMethod: Bool
        var method: String?
        var hasResult: Bool
        var hasError: Bool
        var jsonrpc: String?

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            if let n = try? c.decode(Int.self, forKey: .id) {
                id = "n\(n)"
            } else if let s = try? c.decode(String.self, forKey: .id) {
                id = "s\(s.debugDescription)"
            }
            hasID = c.contains(.id)
            hasJSONRPC = c.contains(.jsonrpc)
            hasMethod = c.contains(.method)
            method = try? c.decode(String.self, forKey: .method)
            hasResult = c.contains(.result)
            hasError = c.contains(.error)
            jsonrpc = try? c.decode(String.self, forKey: .jsonrpc)
        }
    }

    /// The body's probe, nil when it is not JSON (strictly: `JSONDecoder` alone takes trailing commas).
    static func probe(_ body: [UInt8]) -> Probe? {
        guard JSONSyntax.violation(in: body) == nil else { return nil }
        return try? JSONDecoder().decode(Probe.self, from: Data(body))
    }

    /// The message bodies a `FrameReader` finds in `bytes`.
    static func bodies(_ bytes: [UInt8]) -> (bodies: [[UInt8]], malformed: Int) {
        var reader = FrameReader()
        reader.append(bytes)
        var bodies: [[UInt8]] = []
        var malformed = 0
        while let event = reader.next() {
            switch event {
            case .message(let body): bodies.append(body)
            case .malformed: malformed += 1
            }
        }
        return (bodies, malformed)
    }

    /// The strictly well-formed frames at the start of `bytes` (`Content-Length: N` CRLF CRLF, N bytes),
    /// read by a deliberately simple reader: the `FrameReader` must find exactly these first.
    static func strictPrefixFrames(_ bytes: [UInt8]) -> [[UInt8]] {
        let prefix = Array("Content-Length: ".utf8)
        var frames: [[UInt8]] = []
        var i = 0
        while bytes.count - i > prefix.count, Array(bytes[i..<i + prefix.count]) == prefix {
            var j = i + prefix.count
            var length = 0
            var digits = 0
            while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39, digits < 9 {
                length = length * 10 + Int(bytes[j] - 0x30)
                j += 1
                digits += 1
            }
            guard digits > 0, bytes.count - j >= 4, Array(bytes[j..<j + 4]) == [0x0D, 0x0A, 0x0D, 0x0A] else { break }
            j += 4
            guard bytes.count - j >= length else { break }
            // A header line (`Content-Length:`, spaces, digits, raw CR LF) starting inside the body means
            // the length was wrong: the server cuts the body there (Protocol/README.md,
            // "Resynchronisation"), so the frame is not well formed.
            let body = Array(bytes[j..<j + length])
            let needle = Array("content-length:".utf8)
            let smuggled = (j..<(j + length)).contains { s in
                guard bytes.count - s >= needle.count,
                      zip(bytes[s..<s + needle.count], needle).allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 })
                else { return false }
                var k = s + needle.count
                while k < bytes.count, bytes[k] == 0x20 { k += 1 }
                let digitsStart = k
                while k < bytes.count, bytes[k] >= 0x30, bytes[k] <= 0x39 { k += 1 }
                return k > digitsStart && k + 1 < bytes.count && bytes[k] == 0x0D && bytes[k + 1] == 0x0A
            }
            if smuggled { break }
            frames.append(body)
            i = j + length
        }
        return frames
    }

    static func violations(_ bytes: [UInt8]) -> [String] {
        var failures: [String] = []
        let whole = run([bytes[...]])
        if whole.exitCode == nil { failures.append("the server did not terminate after end of input") }
        let split = run(splitReads(bytes))
        // Compared as JSON values (the order of keys carries no meaning), leaving out the id-less error
        // replies to unreadable bytes: how garbage is cut up for those reports may depend on the reads
        // (a known, reported limit of the resynchronisation); everything else must not.
        if split.output != whole.output {
            func values(_ output: [UInt8]) -> [NSObject] {
                bodies(output).bodies.compactMap { body in
                    let value = (try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])) as? NSObject
                    if let object = value as? [String: Any], object["error"] != nil, object["id"] is NSNull { return nil }
                    return value
                }
            }
            let a = values(whole.output)
            let b = values(split.output)
            let k = (0..<min(a.count, b.count)).first { !a[$0].isEqual(b[$0]) } ?? (a.count == b.count ? nil : min(a.count, b.count))
            if let k {
                let show = { (x: [NSObject]) in k < x.count ? "\(x[k])".prefix(300) : "(none)" }
                failures.append("split-reads: output differs when the input arrives in small reads: message \(k) is "
                    + "\(show(a)) in one read, \(show(b)) in small reads")
            }
        }

        // What was asked: requests (an id and a method) before and after the first `exit`.
        let input = bodies(bytes)
        let strict = strictPrefixFrames(bytes)
        if Array(input.bodies.prefix(strict.count)) != strict {
            failures.append("framing: FrameReader does not return the \(strict.count) well-formed leading frames")
        }
        var before: [String: Int] = [:]
        var after: [String: Int] = [:]
        var exited = false
        for body in input.bodies {
            guard let message = probe(body) else { continue }
            if message.method == "exit" && !message.hasID && (message.jsonrpc.map { $0 == "2.0" } ?? true) { exited = true }
            // Answered: anything with a usable id that is not a response (JSON-RPC answers an invalid
            // request with an error carrying its id); a wrong `jsonrpc` makes even a response invalid.
            guard let id = message.id else { continue }
            let wrongVersion = message.jsonrpc.map { $0 != "2.0" } ?? false
            if !wrongVersion && !message.hasMethod && (message.hasResult || message.hasError) { continue }
            if exited { after[id, default: 0] += 1 } else { before[id, default: 0] += 1 }
        }

        // What was answered, in one read and in small reads.
        for (label, run) in [("", whole), ("small reads: ", split)] {
            let output = bodies(run.output)
            if output.malformed > 0 { failures.append("\(label)the server wrote \(output.malformed) malformed frames") }
            var answered: [String: Int] = [:]
            for body in output.bodies {
                let text = String(decoding: body.prefix(160), as: UTF8.self)
                guard let message = probe(body) else {
                    failures.append("\(label)the server wrote a body that is not a JSON object: \(text)")
                    continue
                }
                if message.jsonrpc != "2.0" { failures.append("\(label)a message without jsonrpc 2.0: \(text)") }
                if message.hasMethod { continue }
                if message.hasResult == message.hasError { failures.append("\(label)a response needs exactly one of result and error: \(text)") }
                if let id = message.id { answered[id, default: 0] += 1 }
            }
            for (id, count) in before where (answered[id] ?? 0) < count {
                failures.append("\(label)unanswered: request \(id) sent \(count)x before exit, answered \(answered[id] ?? 0)x")
            }
            for (id, count) in answered where count > (before[id] ?? 0) + (after[id] ?? 0) {
                failures.append("\(label)over-answered: \(id) answered \(count)x, sent \((before[id] ?? 0) + (after[id] ?? 0))x")
            }
        }
        return failures
    }
}
