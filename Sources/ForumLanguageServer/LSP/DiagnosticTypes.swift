#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ForumMarkup

/// An LSP `Diagnostic`.
public struct LSPDiagnostic: Codable, Hashable, Sendable {
    public var range: LSPRange
    /// 1 error, 2 warning, 3 information, 4 hint (always set: clients show a missing one as an error).
    public var severity: Int
    /// The rule code, e.g. `unclosed-tag`.
    public var code: String
    /// Always `forumls`.
    public var source: String
    public var message: String
    /// 1 unnecessary (faded), 2 deprecated; absent when empty.
    public var tags: [Int]?
    /// Partner tags and other places the finding points at; absent when empty.
    public var relatedInformation: [DiagnosticRelatedInformation]?

    public init(range: LSPRange, severity: Int, code: String, source: String = "forumls", message: String,
                tags: [Int]? = nil, relatedInformation: [DiagnosticRelatedInformation]? = nil) {
        self.range = range
        self.severity = severity
        self.code = code
        self.source = source
        self.message = message
        self.tags = tags
        self.relatedInformation = relatedInformation
    }

    /// Converts a finding of `document`, positions in the converter's encoding.
    public init(_ diagnostic: Diagnostic, uri: String, converter: PositionConverter) {
        self.init(range: converter.range(diagnostic.range),
                  severity: diagnostic.severity.rawValue,
                  code: diagnostic.code,
                  message: diagnostic.message,
                  tags: diagnostic.tags.isEmpty ? nil : diagnostic.tags.map(\.rawValue),
                  relatedInformation: diagnostic.related.isEmpty ? nil : diagnostic.related.map {
                      DiagnosticRelatedInformation(location: Location(uri: uri, range: converter.range($0.range)),
                                                   message: $0.message)
                  })
    }
}

/// A second location of a diagnostic.
public struct DiagnosticRelatedInformation: Codable, Hashable, Sendable {
    public var location: Location
    public var message: String
}

/// `textDocument/publishDiagnostics` params.
public struct PublishDiagnosticsParams: Codable, Hashable, Sendable {
    public var uri: String
    /// The document version the diagnostics were computed for (absent when clearing on close).
    public var version: Int?
    public var diagnostics: [LSPDiagnostic]
}

extension OpenDocument {
    /// The current version's diagnostics as a JSON array (and how many), reusing the encoding of
    /// every diagnostic that is unchanged since the last call (see `appendEncodedLSPDiagnostics`).
    public func encodedLSPDiagnostics(_ encoding: PositionEncoding) -> (count: Int, json: PreEncodedJSON) {
        var bytes: [UInt8] = []
        let count = appendEncodedLSPDiagnostics(encoding, to: &bytes)
        return (count, PreEncodedJSON(bytes: bytes))
    }

    /// Appends the current version's diagnostics as a JSON array to `out` and returns how many.
    /// After an incremental update only the re-analysed paragraphs are converted and encoded (later
    /// ones only get their line numbers moved), in place; otherwise both lists, in document order, are
    /// aligned by walking them side by side and unchanged encodings are reused.
    @discardableResult
    public func appendEncodedLSPDiagnostics(_ encoding: PositionEncoding, to out: inout [UInt8]) -> Int {
        let findings = self.findings
        let converter = PositionConverter(positionIndex(encoding))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Taken out so that it is uniquely referenced and changes in place.
        var sent = sentDiagnostics
        sentDiagnostics = []
        if let update = lastUpdate, lastUpdateBase == sentGeneration, sentEncoding == encoding,
           update.unchangedPrefix + update.shiftedSuffix <= sent.count,
           update.findings.count == findings.count {
            let middle = findings[update.unchangedPrefix..<(findings.count - update.shiftedSuffix)].map { d in
                let diagnostic = LSPDiagnostic(d, uri: uri, converter: converter)
                return (diagnostic: diagnostic, json: (try? Array(encoder.encode(diagnostic))) ?? [])
            }
            sent.replaceSubrange(update.unchangedPrefix..<(sent.count - update.shiftedSuffix), with: middle)
            if update.lineDelta != 0 {
                for i in (sent.count - update.shiftedSuffix)..<sent.count {
                    sent[i] = (sent[i].diagnostic.movingLines(by: update.lineDelta), LineShift.apply(update.lineDelta, to: sent[i].json))
                }
            }
        } else {
            let previous = sent
            sent = []
            sent.reserveCapacity(findings.count)
            var j = 0
            for d in findings {
                let diagnostic = LSPDiagnostic(d, uri: uri, converter: converter)
                var bytes: [UInt8]?
                // Look a few entries ahead in the old list, so that an inserted or removed finding does
                // not make every later one miss.
                var k = j
                while k < min(previous.count, j + 8) {
                    if previous[k].diagnostic == diagnostic {
                        bytes = previous[k].json
                        j = k + 1
                        break
                    }
                    k += 1
                }
                sent.append((diagnostic, bytes ?? (try? Array(encoder.encode(diagnostic))) ?? []))
            }
        }
        // Through the buffer, so that only each `json` is touched (copying whole entries retains their strings).
        sent.withUnsafeBufferPointer { entries in
            var total = 2
            for i in entries.indices { total += entries[i].json.count + 1 }
            out.reserveCapacity(out.count + total)
            out.append(UInt8(ascii: "["))
            for i in entries.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: entries[i].json)
            }
            out.append(UInt8(ascii: "]"))
        }
        sentDiagnostics = sent
        sentGeneration = generation
        sentEncoding = encoding
        return sent.count
    }

    /// The current version's diagnostics as LSP objects, positions in `encoding`.
    public func lspDiagnostics(_ encoding: PositionEncoding) -> [LSPDiagnostic] {
        let converter = PositionConverter(positionIndex(encoding))
        // Only ranges, codes and messages are sent: the unchecked findings do (fixes are not needed).
        return findings.map { LSPDiagnostic($0, uri: uri, converter: converter) }
    }
}

extension LSPDiagnostic {
    /// The same diagnostic with every line number moved by `delta`.
    func movingLines(by delta: Int) -> LSPDiagnostic {
        var moved = self
        moved.range = range.movingLines(by: delta)
        moved.relatedInformation = relatedInformation?.map {
            DiagnosticRelatedInformation(location: Location(uri: $0.location.uri, range: $0.location.range.movingLines(by: delta)),
                                         message: $0.message)
        }
        return moved
    }
}

extension LSPRange {
    func movingLines(by delta: Int) -> LSPRange {
        LSPRange(start: Position(line: start.line + delta, character: start.character),
                 end: Position(line: end.line + delta, character: end.character))
    }
}

/// Moves the line numbers of an encoded diagnostic without decoding it: every `"line":N` member gets
/// `N + delta`. The sequence `"line":` cannot occur inside a JSON string (a quote there is escaped).
enum LineShift {
    static let key = Array(#""line":"#.utf8)

    static func apply(_ delta: Int, to json: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(json.count + 8)
        var i = 0
        let n = json.count
        while i < n {
            if json[i] == 0x22, i + key.count <= n, json[i..<(i + key.count)].elementsEqual(key) {
                out.append(contentsOf: key)
                i += key.count
                var value = 0
                while i < n, json[i] >= 0x30, json[i] <= 0x39 {
                    value = value * 10 + Int(json[i] - 0x30)
                    i += 1
                }
                out.append(contentsOf: String(value + delta).utf8)
                continue
            }
            out.append(json[i])
            i += 1
        }
        return out
    }
}
