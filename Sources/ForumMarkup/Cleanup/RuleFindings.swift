/// What the clean-up rules found in one document, before the body-text guard has checked any fix.
///
/// Publishing diagnostics needs only ranges, codes and messages; the guard (`BodyText.preserves`, run
/// once per fix) is only needed by code actions and clean-up, so `DocumentAnalysis` applies it on
/// demand. `guarded(in:)` checks the fixes in rule order, exactly as the rules produced them, so the
/// result is the same as checking each rule's fixes right after it ran.
public struct RuleFindings: Sendable {
    /// The findings in rule order (registry order, then each rule's order), severities configured,
    /// fixes not yet checked.
    public let unguarded: [Diagnostic]
    /// Indices into `unguarded` in document order (range, then rule code).
    public let order: [Int]

    /// Makes findings from a rule-order list and its document-order permutation.
    public init(unguarded: [Diagnostic], order: [Int]) {
        self.unguarded = unguarded
        self.order = order
    }

    /// The number of findings.
    public var count: Int { unguarded.count }

    /// The findings in document order, fixes not yet checked (use only where fixes do not matter).
    public var sorted: [Diagnostic] { order.map { unguarded[$0] } }

    /// The findings in document order with every fix that would change the body text of the lines it
    /// touches removed (`BodyText.preserves`), and every fix that changes how other lines read (chrome or
    /// body) kept as not safe (`PageReadingGuard`, within its budget).
    public func guarded(in context: RuleContext) -> [Diagnostic] {
        var checked = unguarded
        // nil: dropped (changes the body text it touches); else whether the fix stays safe.
        func verdict(_ fix: Fix) -> Bool? {
            guard BodyText.preserves(fix, in: context) else { return nil }
            return fix.isSafe && PageReadingGuard.check(fix, in: context) != .changesBody
        }
        // Several diagnostics may share a fix (a chrome run): check each distinct deletion once.
        var verdicts: [ByteRange: Bool?] = [:]
        for i in checked.indices where !checked[i].fixes.isEmpty {
            var index = -1
            checked[i].fixes = checked[i].fixes.compactMap { fix in
                index += 1
                var result: Bool?
                // Alternative fixes (a chrome run) are often shared by several findings: check each once.
                if index > 0, fix.edits.count == 1, fix.edits[0].replacement.isEmpty {
                    let key = fix.edits[0].range
                    if let known = verdicts[key] {
                        result = known
                    } else {
                        result = verdict(fix)
                        verdicts[key] = .some(result)
                    }
                } else {
                    result = verdict(fix)
                }
                guard let safe = result else { return nil }
                var kept = fix
                kept.isSafe = safe
                return kept
            }
        }
        return order.map { checked[$0] }
    }
}
