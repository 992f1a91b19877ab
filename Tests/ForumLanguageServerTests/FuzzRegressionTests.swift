import Foundation
import Testing
@testable import ForumLanguageServer

/// Replays the inputs the server fuzzers found (`Tests/Fuzz/regressions/{server,edits}/`) and their seed
/// corpora (`Tests/Fuzz/corpus/{server,edits}/`) through the checks the fuzzers run: `ServerInvariants`
/// (framing + JSON-RPC: every request answered once, split reads change nothing) and `EditInvariants`
/// (ranged edits give the text they describe; the analysis equals a fresh one).
///
/// A saved input whose name starts with `open-` is a reported bug not fixed yet: it is replayed as a
/// known issue. When its fix lands, drop the `open-` prefix so that it guards the fix.
@Suite struct ServerFuzzRegressionTests {
    static let fuzzFolder: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.appendingPathComponent("Tests/Fuzz")
    }()

    static func inputs(_ folder: String) -> [(name: String, bytes: [UInt8])] {
        let dir = fuzzFolder.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().compactMap { name in
            (try? Data(contentsOf: dir.appendingPathComponent(name))).map { (name, [UInt8]($0)) }
        }
    }

    static func replay(_ folder: String, minimum: Int = 0, _ check: ([UInt8]) -> [String]) {
        let inputs = inputs(folder)
        #expect(inputs.count >= minimum, "\(folder) holds \(inputs.count) inputs")
        for input in inputs {
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

    @Test func savedServerFindings() { Self.replay("regressions/server", ServerInvariants.violations) }
    @Test func serverSeedCorpus() { Self.replay("corpus/server", minimum: 5, ServerInvariants.violations) }
    @Test func savedEditFindings() { Self.replay("regressions/edits", EditInvariants.violations) }
    @Test func editSeedCorpus() { Self.replay("corpus/edits", minimum: 5, EditInvariants.violations) }

    /// The edit model itself: UTF-16 columns over an emoji, a column inside it, past the line end.
    @Test func editModelConvertsPositions() {
        let model = EditInvariants.Model(bytes: Array("a🍰b\r\nxy".utf8))
        #expect(model.offset(line: 0, column: 3, .utf16) == 5)
        #expect(model.offset(line: 0, column: 2, .utf16) == 1)
        #expect(model.offset(line: 0, column: 99, .utf16) == 6)
        #expect(model.offset(line: 5, column: 0, .utf16) == 10)
        let insideTerminator = model.position(of: 7, .utf16)
        #expect(insideTerminator.line == 0 && insideTerminator.column == 4)
        let secondLine = model.position(of: 9, .utf32)
        #expect(secondLine.line == 1 && secondLine.column == 1)
    }
}
