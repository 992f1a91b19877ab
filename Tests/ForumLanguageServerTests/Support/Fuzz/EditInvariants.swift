// Shared by the libFuzzer edits target (Tests/Fuzz/EditsTarget.swift, built by Tests/Fuzz/run.sh) and by
// the regression tests that replay saved fuzz inputs.
import Foundation
@testable import ForumLanguageServer
@testable import ForumMarkup

/// The invariants the incremental-edit fuzzer checks. The input is decoded into a session: a position
/// encoding, a starting text and a series of `didChange` notifications (each with 1-3 ranged or full
/// changes, positions possibly past line ends, inside characters or past the document). They go as
/// real JSON through an in-process server, which runs dry (and publishes) after the open and after
/// the notifications the input marks, so later changes take the incremental-diagnostics path.
/// Afterwards the document must equal the text a separately written model gets by applying the same
/// changes; the findings the edits kept up to date (read before any whole analysis) and the analysis
/// must equal a fresh analysis of that text; and every push must equal a fresh analysis of its
/// version's text, field by field, with ranges converted as the model converts them.
enum EditInvariants {
    /// Text pieces the session's inserted and initial text is made of (one input byte picks one).
    static let alphabet: [String] = [
        "a", "b", "x", " ", "\n", "\r\n", "\r", "\n\n", "[b]", "[/b]", "[i]", "[/i]", "[quote]", "[/quote]",
        "[code]", "[/code]", "[color=red]", "[/color]", "[*]", "[", "]", "/", "=", "\u{4E2D}", "\u{6587}",
        "\u{3000}", "🍰", "👨\u{200D}👩\u{200D}👧", "e\u{301}", "\u{E9}", "\u{200B}", "\u{A0}", "<br>", "&nbsp;",
        "楼主", "发表于 2024-01-01 12:00", "\t", "Rank: 8",
    ]

    /// One content change: a range in (line, column) of the session's encoding, or the whole text.
    struct Change {
        var range: (startLine: Int, startColumn: Int, endLine: Int, endColumn: Int)?
        var text: String
    }

    struct Session {
        var encoding: PositionEncoding
        var initialText: String
        var notifications: [[Change]]
        /// Per notification: the server runs dry after it (and publishes) before the next one arrives.
        /// Read from the first change's kind byte (`kind / 23` odd), so older inputs keep their changes.
        var publishAfter: [Bool] = []
    }

    /// Reads the input as a session; missing bytes read as 0, so every input is a session.
    static func session(_ bytes: [UInt8]) -> Session {
        var i = 0
        func next() -> Int {
            defer { i += 1 }
            return i < bytes.count ? Int(bytes[i]) : 0
        }
        func text(_ length: Int) -> String {
            var s = ""
            for _ in 0..<length { s += alphabet[next() % alphabet.count] }
            return s
        }
        let encoding = PositionEncoding.allCases[next() % 3]
        let initial = text(next() % 48)
        var notifications: [[Change]] = []
        var publishAfter: [Bool] = []
        while i < bytes.count && notifications.count < 48 {
            var changes: [Change] = []
            for index in 0...(next() % 3) {
                let kind = next()
                if index == 0 { publishAfter.append((kind / 23) % 2 == 1) }
                if kind % 23 == 0 {
                    changes.append(Change(range: nil, text: text(next() % 16)))
                } else {
                    // Lines 0-7 and columns 0-47 mostly; now and then far past the end.
                    func line() -> Int { let b = next(); return b >= 250 ? 1000 + b : b % 8 }
                    func column() -> Int { let b = next(); return b >= 250 ? 100_000 + b : b % 48 }
                    let range = (line(), column(), line(), column())
                    changes.append(Change(range: range, text: text(next() % 8)))
                }
            }
            notifications.append(changes)
        }
        return Session(encoding: encoding, initialText: initial, notifications: notifications, publishAfter: publishAfter)
    }

    // MARK: Model

    /// A plain model of an LSP text document: lines split at CR LF, CR and LF; a column counts code
    /// units of the encoding over Unicode scalars; a column past the line's end means the line's end,
    /// a column inside a character means its start, a line past the last means the document's end.
    struct Model {
        var bytes: [UInt8]

        /// (content start, content end) byte offsets of every line.
        var lines: [(start: Int, end: Int)] {
            var result: [(Int, Int)] = []
            var start = 0
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x0D || bytes[i] == 0x0A {
                    let end = i
                    i += bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                    result.append((start, end))
                    start = i
                } else {
                    i += 1
                }
            }
            result.append((start, bytes.count))
            return result
        }

        func units(_ scalar: Unicode.Scalar, _ encoding: PositionEncoding) -> Int {
            switch encoding {
            case .utf8: scalar.utf8.count
            case .utf16: scalar.utf16.count
            case .utf32: 1
            }
        }

        func offset(line: Int, column: Int, _ encoding: PositionEncoding) -> Int {
            let lines = self.lines
            if line < 0 { return 0 }
            if line >= lines.count { return bytes.count }
            let content = String(decoding: bytes[lines[line].start..<lines[line].end], as: UTF8.self)
            var offset = lines[line].start
            var used = 0
            for scalar in content.unicodeScalars {
                let width = units(scalar, encoding)
                if used + width > max(column, 0) { break }
                used += width
                offset += scalar.utf8.count
            }
            return offset
        }

        /// The position of a byte offset: a line's terminator counts as its end, an offset inside a
        /// character as that character's start.
        func position(of offset: Int, _ encoding: PositionEncoding) -> (line: Int, column: Int) {
            let lines = self.lines
            var line = 0
            while line + 1 < lines.count && lines[line + 1].start <= offset { line += 1 }
            let end = min(offset, lines[line].end)
            let content = String(decoding: bytes[lines[line].start..<lines[line].end], as: UTF8.self)
            var at = lines[line].start
            var column = 0
            for scalar in content.unicodeScalars {
                if at + scalar.utf8.count > end { break }
                at += scalar.utf8.count
                column += units(scalar, encoding)
            }
            return (line, column)
        }

        mutating func apply(_ change: Change, _ encoding: PositionEncoding) {
            guard let r = change.range else {
                bytes = Array(change.text.utf8)
                return
            }
            let a = offset(line: r.startLine, column: r.startColumn, encoding)
            let b = offset(line: r.endLine, column: r.endColumn, encoding)
            bytes.replaceSubrange(min(a, b)..<max(a, b), with: Array(change.text.utf8))
        }
    }

    // MARK: Run

    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes: [UInt8] = []
        func append(_ frame: [UInt8]) { lock.lock(); bytes += frame; lock.unlock() }
        var output: [UInt8] { lock.lock(); defer { lock.unlock() }; return bytes }
    }

    static let uri = "file:///fuzz/post.bbcode"

    static func frame(_ object: [String: Any]) -> [UInt8] {
        FrameWriter.frame(Array(try! JSONSerialization.data(withJSONObject: object)))
    }

    static func violations(_ bytes: [UInt8]) -> [String] {
        var failures: [String] = []
        let session = session(bytes)
        let recorder = Recorder()
        let server = LanguageServer(output: { recorder.append($0); return true }, terminate: { _ in })
        func send(_ object: [String: Any]) { server.receive(frame(object)) }
        send(["jsonrpc": "2.0", "id": 1, "method": "initialize",
              "params": ["processId": NSNull(), "rootUri": NSNull(),
                         "capabilities": ["general": ["positionEncodings": [session.encoding.rawValue]]]]])
        send(["jsonrpc": "2.0", "method": "initialized", "params": [String: Any]()])
        send(["jsonrpc": "2.0", "method": "textDocument/didOpen",
              "params": ["textDocument": ["uri": uri, "languageId": "bbcode", "version": 1, "text": session.initialText]]])
        // The server runs dry after the open, as it does before a user's first keystroke: it publishes,
        // so the changes after it update known findings (the incremental path) instead of starting cold.
        server.drain()
        var model = Model(bytes: Array(session.initialText.utf8))
        var version = 1
        var texts: [Int: [UInt8]] = [1: model.bytes]
        for (n, changes) in session.notifications.enumerated() {
            version += 1
            var events: [[String: Any]] = []
            for change in changes {
                model.apply(change, session.encoding)
                if let r = change.range {
                    events.append(["range": ["start": ["line": r.startLine, "character": r.startColumn],
                                             "end": ["line": r.endLine, "character": r.endColumn]],
                                   "text": change.text])
                } else {
                    events.append(["text": change.text])
                }
            }
            send(["jsonrpc": "2.0", "method": "textDocument/didChange",
                  "params": ["textDocument": ["uri": uri, "version": version], "contentChanges": events]])
            texts[version] = model.bytes
            if n < session.publishAfter.count && session.publishAfter[n] { server.drain() }
        }
        server.drain()

        guard let document = server.context.documents[uri] else { return ["the document is not open"] }
        if server.context.encoding != session.encoding {
            failures.append("negotiated \(server.context.encoding), asked for \(session.encoding)")
        }
        if document.version != version { failures.append("document version \(document.version), sent \(version)") }
        if document.source.bytes != model.bytes {
            failures.append("text: after \(session.notifications.count) changes the document is "
                + "\(document.source.string.debugDescription), the changes describe \(String(decoding: model.bytes, as: UTF8.self).debugDescription)")
            return failures
        }
        let options = document.analysisOptions
        let fresh = DocumentAnalysis(source: SourceText(bytes: model.bytes), options: options)
        // The findings the edits kept up to date, read before anything starts a whole analysis (which
        // would replace them): they must be a fresh analysis's as published (fixes come from a whole
        // analysis, since their safety depends on the whole document).
        if let known = document.knownFindings {
            let whole = fresh.ruleFindings.sorted.map(\.published)
            if known != whole { failures.append("incremental: " + describe(known, whole)) }
        }
        let analysis = document.analysis
        if analysis.tree.nodes != fresh.tree.nodes || analysis.tree.issues != fresh.tree.issues {
            failures.append("analysis: the tree differs from a fresh parse of the final text")
        }
        if analysis.diagnostics != fresh.diagnostics { failures.append("analysis: diagnostics differ from a fresh analysis") }
        if analysis.outline != fresh.outline { failures.append("analysis: outline differs from a fresh analysis") }

        // Every push: for a version sent, equal to a fresh analysis of that version's text; the last one
        // for the last version.
        var reader = FrameReader()
        reader.append(recorder.output)
        var pushes: [PublishedDiagnostics] = []
        while let event = reader.next() {
            guard case .message(let body) = event else { failures.append("the server wrote a malformed frame"); continue }
            if let published = try? JSONDecoder().decode(PublishedDiagnostics.self, from: Data(body)),
               published.method == "textDocument/publishDiagnostics", published.params.uri == uri {
                pushes.append(published)
            }
        }
        guard let last = pushes.last else { return failures + ["no diagnostics were pushed"] }
        if last.params.version != version { failures.append("last diagnostics are for version \(String(describing: last.params.version)), not \(version)") }
        for push in pushes {
            guard let pushedVersion = push.params.version, let text = texts[pushedVersion] else {
                failures.append("diagnostics pushed for version \(String(describing: push.params.version)), which was never sent")
                continue
            }
            let expected = pushedVersion == version ? fresh
                : DocumentAnalysis(source: SourceText(bytes: text), options: options)
            if let wrong = compare(push, expected.diagnostics, Model(bytes: text), session.encoding) {
                failures.append("pushed v\(pushedVersion): " + wrong)
                break
            }
        }
        return failures
    }

    /// Where two finding lists first differ (count, or the first differing finding and in what).
    static func describe(_ got: [Diagnostic], _ expected: [Diagnostic]) -> String {
        for (index, (a, b)) in zip(got, expected).enumerated() where a != b {
            var parts: [String] = []
            if a.code != b.code { parts.append("code") }
            if a.range != b.range { parts.append("range \(a.range) vs \(b.range)") }
            if a.severity != b.severity { parts.append("severity") }
            if a.message != b.message { parts.append("message") }
            if a.tags != b.tags { parts.append("tags") }
            if a.related != b.related { parts.append("related") }
            if a.fixes != b.fixes { parts.append("fixes") }
            return "finding \(index) (\(b.code) at \(b.range) fresh) differs in \(parts.joined(separator: ", ")) "
                + "(\(got.count) findings, fresh \(expected.count))"
        }
        return "\(got.count) findings, a fresh analysis has \(expected.count)"
    }

    /// Nil when the pushed diagnostics equal `expected` one by one: code, severity, message, source,
    /// tags, range (converted by `model`), related locations (uri, range, message); else the first
    /// difference (later ones usually follow from it).
    static func compare(_ push: PublishedDiagnostics, _ expected: [Diagnostic], _ model: Model,
                        _ encoding: PositionEncoding) -> String? {
        let pushed = push.params.diagnostics
        if pushed.count != expected.count {
            return "pushed \(pushed.count) diagnostics, a fresh analysis has \(expected.count)"
        }
        func converted(_ range: ByteRange) -> String {
            let start = model.position(of: range.start, encoding)
            let end = model.position(of: range.end, encoding)
            return "\(start.line):\(start.column)-\(end.line):\(end.column)"
        }
        for (index, (got, want)) in zip(pushed, expected).enumerated() {
            var wrong: [String] = []
            if got.code != want.code { wrong.append("code \(got.code.debugDescription)") }
            if got.severity != want.severity.rawValue { wrong.append("severity \(String(describing: got.severity))") }
            if got.message != want.message { wrong.append("message \(got.message.debugDescription)") }
            if got.source != "forumls" { wrong.append("source \(String(describing: got.source))") }
            let tags = want.tags.map(\.rawValue)
            if (got.tags ?? []) != tags { wrong.append("tags \(got.tags ?? []), expected \(tags)") }
            if got.range.text != converted(want.range) {
                wrong.append("range \(got.range.text), model says \(converted(want.range)) (\(encoding))")
            }
            let related = got.relatedInformation ?? []
            if related.count != want.related.count {
                wrong.append("\(related.count) related locations, expected \(want.related.count)")
            } else {
                for (r, w) in zip(related, want.related)
                where r.location.uri != uri || r.message != w.message || r.location.range.text != converted(w.range) {
                    wrong.append("related \(r.location.range.text) \(r.message.debugDescription), "
                        + "expected \(converted(w.range)) \(w.message.debugDescription)")
                    break
                }
            }
            if !wrong.isEmpty {
                return "diagnostic \(index) (fresh: \(want.code) at bytes \(want.range), "
                    + "\(want.message.debugDescription)) differs: \(wrong.joined(separator: "; "))"
            }
        }
        return nil
    }

    /// The parts of a `textDocument/publishDiagnostics` notification the checks read.
    struct PublishedDiagnostics: Decodable {
        struct Position: Decodable { var line: Int; var character: Int }
        struct Range: Decodable {
            var start: Position
            var end: Position
            var text: String { "\(start.line):\(start.character)-\(end.line):\(end.character)" }
        }
        struct Location: Decodable { var uri: String; var range: Range }
        struct Related: Decodable { var location: Location; var message: String }
        struct Item: Decodable {
            var range: Range
            var severity: Int?
            var code: String
            var source: String?
            var message: String
            var tags: [Int]?
            var relatedInformation: [Related]?
        }
        struct Params: Decodable { var uri: String; var version: Int?; var diagnostics: [Item] }
        var method: String
        var params: Params
    }
}
