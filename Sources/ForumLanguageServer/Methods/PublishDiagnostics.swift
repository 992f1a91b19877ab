import ForumMarkup

/// `textDocument/publishDiagnostics` (server to client): pushed after open and change when the
/// client does not pull. The dispatcher calls `publish` once the queue is empty, so a burst of
/// edits is analysed once, at its newest version; the notification carries that `version`.
public enum PublishDiagnostics {
    public static let method = "textDocument/publishDiagnostics"

    /// Analyses (or reuses the analysis of) the document's current version and pushes the result.
    /// With `FORUMLS_LOG=debug` the time of each stage is logged.
    static func publish(_ document: OpenDocument, _ context: ServerContext) {
        let clock = ContinuousClock()
        let start = clock.now
        let analysed = document.isAnalysed || document.knownFindings != nil
        // Known findings (kept up to date by small edits) need no analysis; otherwise this analyses.
        _ = document.findings
        let afterAnalysis = clock.now
        let encoded = document.encodedDiagnostics(context.encoding)
        // The whole frame in one reused buffer, its length known before it is written: the diagnostics
        // of a large page are megabytes of JSON, each copy of which costs.
        var head = Array(#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#.utf8)
        JSONBytes.appendString(document.uri, to: &head)
        head.append(contentsOf: #","version":"#.utf8)
        JSONBytes.appendInteger(document.version, to: &head)
        head.append(contentsOf: #","diagnostics":"#.utf8)
        let bodyLength = head.count + encoded.jsonLength + 2
        var frame = context.takeFrameBuffer()
        frame.reserveCapacity(bodyLength + 32)
        frame.append(contentsOf: "Content-Length: \(bodyLength)\r\n\r\n".utf8)
        frame.append(contentsOf: head)
        encoded.write(to: &frame)
        frame.append(contentsOf: "}}".utf8)
        let count = encoded.count
        let afterConversion = clock.now
        context.sendFramed(frame)
        context.giveBack(frameBuffer: frame)
        let end = clock.now
        Log.debug("published \(count) diagnostics for \(document.uri) v\(document.version): "
                  + "analysis \(analysed ? "cached" : milliseconds(afterAnalysis - start)), "
                  + "conversion and encoding \(milliseconds(afterConversion - afterAnalysis)), "
                  + "writing \(milliseconds(end - afterConversion)) (\(bodyLength) bytes); incremental fallbacks so far: \(IncrementalFindings.refusals)")
    }
}

/// A duration as "1.23 ms".
func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    return "\((ms * 100).rounded() / 100) ms"
}
