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
    /// every diagnostic that is unchanged since the last call (see `encodedDiagnostics`).
    public func encodedLSPDiagnostics(_ encoding: PositionEncoding) -> (count: Int, json: PreEncodedJSON) {
        let encoded = encodedDiagnostics(encoding)
        var bytes: [UInt8] = []
        encoded.write(to: &bytes)
        return (encoded.count, PreEncodedJSON(bytes: bytes))
    }

    /// The current version's diagnostics encoded (`EncodedDiagnostics`), in `encoding`. After one
    /// incremental update of the version last encoded, only the re-analysed paragraphs' diagnostics
    /// are converted and encoded; the others are kept, their line numbers moved.
    func encodedDiagnostics(_ encoding: PositionEncoding) -> EncodedDiagnostics {
        if sentGeneration == generation && sentEncoding == encoding { return sentDiagnostics }
        let findings = self.findings
        let converter = PositionConverter(positionIndex(encoding))
        // Taken out so that it is uniquely referenced and changes in place.
        var sent = sentDiagnostics
        sentDiagnostics = EncodedDiagnostics()
        if let update = lastUpdate, lastUpdateBase == sentGeneration, sentEncoding == encoding,
           update.unchangedPrefix + update.shiftedSuffix <= sent.count,
           update.unchangedPrefix + update.middleCount + update.shiftedSuffix == findings.count {
            var middle = EncodedDiagnostics()
            for d in findings[update.unchangedPrefix..<(update.unchangedPrefix + update.middleCount)] {
                middle.append(d, uri: uri, converter: converter)
            }
            sent.replace(update.unchangedPrefix..<(sent.count - update.shiftedSuffix), with: middle, lineDelta: update.lineDelta)
        } else {
            sent = EncodedDiagnostics()
            for d in findings { sent.append(d, uri: uri, converter: converter) }
        }
        sentDiagnostics = sent
        sentGeneration = generation
        sentEncoding = encoding
        return sent
    }

    /// The current version's diagnostics as LSP objects, positions in `encoding`.
    public func lspDiagnostics(_ encoding: PositionEncoding) -> [LSPDiagnostic] {
        let converter = PositionConverter(positionIndex(encoding))
        // Only ranges, codes and messages are sent: the unchecked findings do (fixes are not needed).
        return findings.map { LSPDiagnostic($0, uri: uri, converter: converter) }
    }
}
