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
    /// every diagnostic that is unchanged since the last call. After an incremental update only the
    /// re-analysed paragraphs are converted and encoded (later ones only get their line numbers moved);
    /// otherwise both lists, in document order, are aligned by walking them side by side.
    public func encodedLSPDiagnostics(_ encoding: PositionEncoding) -> (count: Int, json: PreEncodedJSON) {
        let findings = self.findings
        let converter = PositionConverter(positionIndex(encoding))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let previous = sentDiagnostics
        var sent: [(diagnostic: LSPDiagnostic, json: [UInt8])] = []
        sent.reserveCapacity(findings.count)
        if let update = lastUpdate, lastUpdateBase == sentGeneration, sentEncoding == encoding,
           update.unchangedPrefix + update.shiftedSuffix <= previous.count,
           update.findings.count == findings.count {
            sent.append(contentsOf: previous[..<update.unchangedPrefix])
            for d in findings[update.unchangedPrefix..<(findings.count - update.shiftedSuffix)] {
                let diagnostic = LSPDiagnostic(d, uri: uri, converter: converter)
                sent.append((diagnostic, (try? Array(encoder.encode(diagnostic))) ?? []))
            }
            for old in previous[(previous.count - update.shiftedSuffix)...] {
                sent.append(update.lineDelta == 0 ? old
                            : (old.diagnostic.movingLines(by: update.lineDelta), LineShift.apply(update.lineDelta, to: old.json)))
            }
        } else {
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
        sentDiagnostics = sent
        sentGeneration = generation
        sentEncoding = encoding
        return (sent.count, .array(sent.map(\.json)))
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
