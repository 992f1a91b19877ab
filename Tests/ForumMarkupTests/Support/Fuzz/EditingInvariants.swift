// Shared by the libFuzzer clean-up target (Tests/Fuzz/CleanupTarget.swift) and by the regression tests.
// Standard library only.
@testable import ForumMarkup

/// The invariants of the editor features over arbitrary text (checked by the clean-up fuzz target on the
/// same analysis): every range they return lies inside the document; selection ranges nest strictly
/// out to the whole document; semantic tokens are sorted, disjoint and on one line; formatter edits are
/// disjoint, keep the text parseable and formatting is idempotent; rename edits are disjoint.
enum EditingInvariants {
    /// A handful of cursor offsets spread over the document, tag boundaries included.
    static func cursors(_ tree: SyntaxTree) -> [Int] {
        let count = tree.source.count
        var result = [0, count, count / 2, count / 3, min(1, count), max(count - 1, 0)]
        var taken = 0
        for node in tree.nodes where node.kind == .openTag || node.kind == .closeTag || node.kind == .truncatedTag {
            result.append(node.range.start + min(1, node.range.count))
            result.append(node.range.end)
            taken += 1
            if taken >= 4 { break }
        }
        return Array(Set(result)).sorted()
    }

    static func violations(_ analysis: DocumentAnalysis) -> [String] {
        var failures: [String] = []
        let tree = analysis.tree
        let count = analysis.source.count
        let bytes = analysis.source.bytes
        func within(_ r: ByteRange) -> Bool { r.start >= 0 && r.start <= r.end && r.end <= count }

        // Formatter.
        let edits = DocumentFormatter.edits(for: tree)
        for e in edits where !within(e.range) { failures.append("format: edit \(e) outside 0..<\(count)") }
        for (a, b) in zip(edits, edits.dropFirst()) where CleanupInvariants.conflict(a.range, b.range) || b.range < a.range {
            failures.append("format: edits overlap or are unordered: \(a), \(b)")
        }
        if !edits.isEmpty && failures.isEmpty {
            let formatted = TextEdit.apply(edits, to: bytes)
            let again = Parser.parse(SourceText(bytes: formatted), dialect: tree.dialect)
            ParserInvariants.checkTree(again, formatted, label: "formatted", &failures)
            let second = DocumentFormatter.edits(for: again)
            if !second.isEmpty {
                failures.append("format-idempotent: formatting formatted text gives edits \(second.prefix(4)) "
                    + "on \(CleanupInvariants.show(formatted))")
            }
        }

        // Semantic tokens.
        let tokens = SemanticTokenClassifier.tokens(in: analysis)
        for t in tokens {
            if !within(t.range) || t.range.isEmpty { failures.append("semantic: token \(t.kind) \(t.range) empty or outside") ; continue }
            if bytes[t.range.start..<t.range.end].contains(where: { $0 == 0x0A || $0 == 0x0D }) {
                failures.append("semantic: token \(t.kind) \(t.range) crosses a line")
            }
        }
        for (a, b) in zip(tokens, tokens.dropFirst()) where b.range.start < a.range.end {
            failures.append("semantic: tokens overlap or are unordered: \(a.range) \(a.kind), \(b.range) \(b.kind)")
            break
        }

        // Links.
        let scan = DocumentLinkScanner.scan(tree)
        for link in scan.links where !within(link.range) { failures.append("links: \(link.range) outside") }
        for unsafe in scan.unsafe where !within(unsafe.range) { failures.append("links: unsafe \(unsafe.range) outside") }

        // Cursor features.
        for offset in cursors(tree) {
            let chain = SelectionRanges.ranges(in: analysis, at: offset)
            if chain.isEmpty {
                failures.append("selection at \(offset): empty chain")
            } else {
                if chain.last != ByteRange(0, count) { failures.append("selection at \(offset): last \(chain.last!) is not the document") }
                for r in chain where !within(r) { failures.append("selection at \(offset): \(r) outside") }
                for (inner, outer) in zip(chain, chain.dropFirst()) where !(outer.contains(inner) && outer != inner) {
                    failures.append("selection at \(offset): \(outer) does not strictly contain \(inner) (chain \(chain))")
                }
            }
            if let list = CompletionProvider.complete(in: tree, at: offset), !within(list.replaceRange) {
                failures.append("completion at \(offset): replace range \(list.replaceRange) outside")
            }
            if let hover = TagHover.hover(in: tree, at: offset, diagnostics: analysis.diagnostics), !within(hover.range) {
                failures.append("hover at \(offset): \(hover.range) outside")
            }
            if let pair = TagPartner.pair(in: tree, at: offset) {
                for r in [pair.open, pair.close, pair.openName, pair.closeName] where !within(r) {
                    failures.append("tag pair at \(offset): \(r) outside")
                }
                if !pair.open.contains(pair.openName) || !pair.close.contains(pair.closeName) {
                    failures.append("tag pair at \(offset): names \(pair.openName) \(pair.closeName) outside tags \(pair.open) \(pair.close)")
                }
            }
            if let renames = TagPartner.renameEdits(in: tree, at: offset, to: "quote") {
                for e in renames where !within(e.range) { failures.append("rename at \(offset): \(e) outside") }
                let sorted = renames.sorted { $0.range < $1.range }
                for (a, b) in zip(sorted, sorted.dropFirst()) where CleanupInvariants.conflict(a.range, b.range) {
                    failures.append("rename at \(offset): edits overlap \(a), \(b)")
                }
            }
        }
        return failures
    }
}
