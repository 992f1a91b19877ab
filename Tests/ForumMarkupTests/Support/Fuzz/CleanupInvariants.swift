// Shared by the libFuzzer clean-up target (Tests/Fuzz/CleanupTarget.swift, built by Tests/Fuzz/run.sh)
// and by the regression tests that replay saved fuzz inputs. Standard library only.
@testable import ForumMarkup

/// The invariants the clean-up fuzzer checks on every input, with every rule enabled: findings and
/// fixes stay inside the document, a fix's edits never overlap, merged edits never overlap, clean-up
/// is idempotent, its edits give its text, the result parses losslessly, and the body text survives;
/// the page structure and outline it rests on keep their ranges inside the document and nested.
enum CleanupInvariants {
    /// Every rule code in the registry (rules off by default included).
    static let allCodes = Set(RuleRegistry.rules.map { $0.code })

    /// The dialect an input is checked in: a cheap hash of its bytes, so every dialect gets inputs.
    static func dialect(for bytes: [UInt8]) -> Dialect {
        var sum = 0
        for b in bytes { sum &+= Int(b) }
        return Dialect.allCases[sum % Dialect.allCases.count]
    }

    static func options(_ dialect: Dialect) -> AnalysisOptions {
        AnalysisOptions(cleanup: CleanupConfiguration(dialect: dialect, only: allCodes))
    }

    /// True when two edits cannot both be applied (same rule as the runner's, written again here):
    /// they share a byte, both insert at one offset, or an insertion falls strictly inside the other.
    static func conflict(_ a: ByteRange, _ b: ByteRange) -> Bool {
        if a.overlaps(b) { return true }
        if a.isEmpty && b.isEmpty { return a.start == b.start }
        if a.isEmpty { return a.start > b.start && a.start < b.end }
        if b.isEmpty { return b.start > a.start && b.start < a.end }
        return false
    }

    /// The rule context of an analysis, built as `DocumentAnalysis` builds it (tree and chrome lines).
    static func context(_ analysis: DocumentAnalysis) -> RuleContext {
        var chromeLines: [Int: String] = [:]
        for line in analysis.structure.roles.indices {
            if let kind = analysis.structure.chromeKind(ofLine: line) { chromeLines[line] = kind.rawValue }
        }
        return RuleContext(source: analysis.source, tree: analysis.tree, dialect: analysis.options.dialect,
                           chromeLines: chromeLines)
    }

    /// The visible body text of `bytes` as the clean-up module defines it (`BodyText.of`).
    static func bodyText(_ bytes: [UInt8], _ options: AnalysisOptions) -> [UInt8] {
        BodyText.of(context(DocumentAnalysis(source: SourceText(bytes: bytes), options: options)))
    }

    /// Checks `bytes`; returns a description of every broken invariant (empty when all hold).
    static func violations(_ bytes: [UInt8]) -> [String] {
        var failures: [String] = []
        let dialect = dialect(for: bytes)
        let options = options(dialect)
        let count = bytes.count
        let analysis = DocumentAnalysis(source: SourceText(bytes: bytes), options: options)
        let body = BodyText.of(context(analysis))
        func within(_ r: ByteRange) -> Bool { r.start >= 0 && r.start <= r.end && r.end <= count }
        checkOutline(analysis, &failures)
        failures += EditingInvariants.violations(analysis)
        var checkedFixes = 0
        var fixLosesBodyText = false
        for d in analysis.diagnostics {
            if !within(d.range) { failures.append("\(d.code): range \(d.range) outside 0..<\(count)") }
            for related in d.related where !within(related.range) {
                failures.append("\(d.code): related \(related.range) outside 0..<\(count)")
            }
            for fix in d.fixes {
                for e in fix.edits where !within(e.range) { failures.append("\(d.code): edit \(e) outside 0..<\(count)") }
                for (i, e) in fix.edits.enumerated() {
                    for f in fix.edits[(i + 1)...] where conflict(e.range, f.range) {
                        failures.append("\(d.code): fix '\(fix.title)' has overlapping edits \(e) and \(f)")
                    }
                }
                // A safe fix alone keeps the document's body text (bounded: each check re-analyses).
                if fix.isSafe && checkedFixes < 6 {
                    checkedFixes += 1
                    let fixed = TextEdit.apply(fix.edits, to: bytes)
                    if bodyText(fixed, options) != body {
                        fixLosesBodyText = true
                        failures.append("fix-body-text/\(d.code): safe fix '\(fix.title)' \(fix.edits) changes the body text: "
                            + "\(show(body)) -> \(show(bodyText(fixed, options)))")
                    }
                }
            }
        }
        let merged = CleanupRunner.merge(CleanupRunner.safeFixes(analysis.diagnostics))
        for (i, e) in merged.enumerated() {
            if !within(e.range) { failures.append("merged edit \(e) outside 0..<\(count)") }
            for f in merged[(i + 1)...] where conflict(e.range, f.range) {
                failures.append("merged edits overlap: \(e) and \(f)")
            }
        }
        if !failures.isEmpty { return failures }

        let result = CleanupRunner.cleanUp(analysis)
        for e in result.edits where !within(e.range) { failures.append("clean-up edit \(e) outside 0..<\(count)") }
        for (a, b) in zip(result.edits, result.edits.dropFirst()) where conflict(a.range, b.range) || b.range.start < a.range.start {
            failures.append("clean-up edits overlap or are unordered: \(a) and \(b)")
        }
        if TextEdit.apply(result.edits, to: bytes) != result.bytes {
            // Tagged apart: a `TextEdit` replacement is a String, so it cannot carry invalid UTF-8.
            let valid = String(validating: bytes, as: UTF8.self) != nil
            failures.append("\(valid ? "cleanup-edits" : "cleanup-edits-invalid-utf8"): clean-up edits do not "
                + "produce the clean-up text (\(result.passes) passes): \(result.edits.prefix(4))")
        }
        let again = CleanupRunner.cleanUp(SourceText(bytes: result.bytes), options: options)
        if again.bytes != result.bytes {
            // Tagged apart: a clean-up that used all its passes did not converge (a known limit), one
            // that stopped early should have been finished.
            let kind = result.passes >= CleanupRunner.maxPasses ? "not-converged" : "not-idempotent"
            failures.append("\(kind): clean-up is not idempotent: \(show(result.bytes)) -> \(show(again.bytes)) "
                + "(edits \(again.edits), \(result.passes) passes before)")
        }
        let tree = Parser.parse(SourceText(bytes: result.bytes), dialect: dialect)
        ParserInvariants.checkTree(tree, result.bytes, label: "cleaned \(dialect)", &failures)
        let cleanedBody = bodyText(result.bytes, options)
        if cleanedBody != body && !fixLosesBodyText {
            // (When a single fix already loses body text, that is the finding; this would repeat it.)
            failures.append("cleanup-body-text: clean-up changes the body text: \(show(body)) -> \(show(cleanedBody))")
        }
        return failures
    }

    /// Posts in order inside the document, body inside post; outline items nested, selection inside range.
    static func checkOutline(_ analysis: DocumentAnalysis, _ failures: inout [String]) {
        let count = analysis.source.count
        let structure = analysis.structure
        if structure.roles.count != analysis.source.lineCount {
            failures.append("structure has \(structure.roles.count) line roles for \(analysis.source.lineCount) lines")
        }
        var previousEnd = 0
        for (i, post) in structure.posts.enumerated() {
            if !(post.range.start >= 0 && post.range.end <= count) { failures.append("post \(i) range \(post.range) outside 0..<\(count)") }
            if !post.range.contains(post.bodyRange) { failures.append("post \(i) body \(post.bodyRange) outside its range \(post.range)") }
            if post.range.start < previousEnd { failures.append("post \(i) \(post.range) overlaps the previous post (ends \(previousEnd))") }
            previousEnd = post.range.end
        }
        var stack: [(item: OutlineItem, parent: ByteRange?)] = analysis.outline.items(documentLength: count).map { ($0, nil) }
        while let (item, parent) = stack.popLast() {
            if !(item.range.start >= 0 && item.range.end <= count) { failures.append("outline \(item.kind) '\(item.name)' range \(item.range) outside 0..<\(count)") }
            if !item.range.contains(item.selectionRange) { failures.append("outline \(item.kind) '\(item.name)' selection \(item.selectionRange) outside \(item.range)") }
            if let parent, !parent.contains(item.range) { failures.append("outline \(item.kind) '\(item.name)' range \(item.range) outside its parent \(parent)") }
            if item.name.isEmpty { failures.append("outline \(item.kind) with an empty name at \(item.range)") }
            stack += item.children.map { ($0, item.range) }
        }
    }

    static func show(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(200), as: UTF8.self)
        return text.debugDescription + (bytes.count > 200 ? "..." : "")
    }
}
