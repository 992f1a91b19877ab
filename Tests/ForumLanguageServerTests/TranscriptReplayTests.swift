import Foundation
import Testing
@testable import ForumLanguageServer

/// `Protocol/transcripts/*.jsonl`, found from this file's path.
private let transcriptsFolder: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
    }
    return url.appendingPathComponent("Protocol/transcripts")
}()

private func transcriptNames() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: transcriptsFolder.path)) ?? [])
        .filter { $0.hasSuffix(".jsonl") }.sorted()
}

/// True when every field of `expected` is in `actual` with a matching value (objects: a subset of
/// the keys; arrays: same length, element by element; other values: equal). So a new capability or
/// a new optional field does not break a transcript, but a changed value does.
private func matches(_ expected: Any, _ actual: Any) -> Bool {
    switch (expected, actual) {
    case (let e as [String: Any], let a as [String: Any]):
        return e.allSatisfy { key, value in a[key].map { matches(value, $0) } ?? false }
    case (let e as [Any], let a as [Any]):
        return e.count == a.count && zip(e, a).allSatisfy { matches($0, $1) }
    case (is NSNull, is NSNull):
        return true
    case (let e as NSObject, let a as NSObject):
        return e.isEqual(a)
    default:
        return false
    }
}

@Suite struct TranscriptReplayTests {
    @Test func transcriptsExist() {
        #expect(transcriptNames().count >= 5)
    }

    /// Sends the `send`/`sendRaw` lines of each transcript to an in-process server and checks that
    /// every `recv` line is matched by one message the server wrote, and that nothing else was written.
    @Test(arguments: transcriptNames())
    func replay(_ name: String) throws {
        let text = try String(contentsOf: transcriptsFolder.appendingPathComponent(name), encoding: .utf8)
        let client = TestClient()
        var expected: [Any] = []
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let step = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? JSONObject)
            if let message = step["send"] {
                client.sendBody(Array(try JSONSerialization.data(withJSONObject: message)))
            } else if let raw = step["sendRaw"] as? String {
                client.sendRaw(Array(raw.utf8))
            } else if let message = step["recv"] {
                expected.append(message)
            }
        }
        var unused = client.received
        for message in expected {
            let index = unused.firstIndex { matches(message, $0) }
            #expect(index != nil, "\(name): no message matches \(message)")
            if let index { unused.remove(at: index) }
        }
        #expect(unused.isEmpty, "\(name): unexpected messages \(unused)")
    }
}
