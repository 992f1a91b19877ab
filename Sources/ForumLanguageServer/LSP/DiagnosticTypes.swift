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
    /// every diagnostic that is unchanged since the last call: after a small edit nearly all are.
    /// Both lists are in document order, so they are aligned by walking them side by side.
    public func encodedLSPDiagnostics(_ encoding: PositionEncoding) -> (count: Int, json: PreEncodedJSON) {
        let diagnostics = lspDiagnostics(encoding)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let previous = sentDiagnostics
        var sent: [(diagnostic: LSPDiagnostic, json: [UInt8])] = []
        sent.reserveCapacity(diagnostics.count)
        var fragments: [[UInt8]] = []
        fragments.reserveCapacity(diagnostics.count)
        var j = 0
        for diagnostic in diagnostics {
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
            let json = bytes ?? (try? Array(encoder.encode(diagnostic))) ?? []
            sent.append((diagnostic, json))
            fragments.append(json)
        }
        sentDiagnostics = sent
        return (diagnostics.count, .array(fragments))
    }

    /// The current version's diagnostics as LSP objects, positions in `encoding`.
    public func lspDiagnostics(_ encoding: PositionEncoding) -> [LSPDiagnostic] {
        let converter = PositionConverter(positionIndex(encoding))
        // Only ranges, codes and messages are sent: the unchecked findings do (fixes are not needed).
        let findings = analysis.ruleFindings
        return findings.order.map { LSPDiagnostic(findings.unguarded[$0], uri: uri, converter: converter) }
    }
}
