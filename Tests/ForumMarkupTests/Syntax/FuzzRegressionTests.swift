import Foundation
import Testing
@testable import ForumMarkup

/// Replays the inputs the fuzzers found (`Tests/Fuzz/regressions/<target>/`) and their seed corpora
/// (`Tests/Fuzz/corpus/<target>/`) through the same invariants the fuzzers check: `ParserInvariants`
/// (lossless well-formed tree in every dialect, post limits respected, offset <-> position exact) and
/// `CleanupInvariants` (every rule: ranges inside, no overlapping edits, idempotent, body text kept).
///
/// A saved input whose name starts with `open-` is a reported bug not fixed yet: it is replayed as a
/// known issue. When its fix lands, drop the `open-` prefix so that it guards the fix.
@Suite struct FuzzRegressionTests {
    static func inputs(_ folder: String) -> [(name: String, bytes: [UInt8])] {
        let dir = TestPaths.packageRoot.appendingPathComponent("Tests/Fuzz").appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().compactMap { name in
            TestPaths.bytes(dir.appendingPathComponent(name)).map { (name, $0) }
        }
    }

    static func replay(_ folder: String, _ check: ([UInt8]) -> [String]) {
        for input in inputs(folder) {
            if input.name.hasPrefix("open-") {
                withKnownIssue("reported fuzz finding \(input.name)", isIntermittent: true) {
                    let failures = check(input.bytes)
                    #expect(failures.isEmpty, "\(input.name): \(failures.joined(separator: "; "))")
                }
            } else {
                let failures = check(input.bytes)
                #expect(failures.isEmpty, "\(input.name): \(failures.joined(separator: "; "))")
            }
        }
    }

    @Test func savedParserFindingsHoldTheInvariants() {
        FuzzRegressionTests.replay("regressions/parser", ParserInvariants.violations)
    }

    @Test func savedCleanupFindingsHoldTheInvariants() {
        FuzzRegressionTests.replay("regressions/cleanup", CleanupInvariants.violations)
    }

    @Test func parserSeedCorpusHoldsTheInvariants() {
        let seeds = FuzzRegressionTests.inputs("corpus/parser")
        #expect(seeds.count >= 10)
        for input in seeds {
            let failures = ParserInvariants.violations(input.bytes)
            #expect(failures.isEmpty, "\(input.name): \(failures.joined(separator: "; "))")
        }
    }

    @Test func cleanupSeedCorpusHoldsTheInvariants() {
        let seeds = FuzzRegressionTests.inputs("corpus/cleanup")
        #expect(seeds.count >= 10)
        for input in seeds {
            let failures = CleanupInvariants.violations(input.bytes)
            #expect(failures.isEmpty, "\(input.name): \(failures.joined(separator: "; "))")
        }
    }

    /// The position model itself, on a line with every kind of character.
    @Test func positionModelCountsUnits() {
        let bytes = Array("a\u{4E2D}🍰e\u{301}\r\nx".utf8) + [0xFF, 0xE4, 0xB8]
        let model = PositionModel(bytes)
        #expect(model.lineStarts == [0, 13])
        #expect(model.width(ofLine: 0, .utf8) == 11)
        #expect(model.width(ofLine: 0, .utf16) == 6)
        #expect(model.width(ofLine: 0, .utf32) == 5)
        #expect(model.width(ofLine: 1, .utf16) == 4)
        // Inside the emoji: clamps back to its start (byte 4, UTF-16 column 2).
        let inside = model.table(.utf16)[6]
        #expect(inside.clamped == 4 && inside.column == 2)
    }
}
