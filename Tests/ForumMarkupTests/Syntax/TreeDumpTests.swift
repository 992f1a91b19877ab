import Foundation
import Testing
@testable import ForumMarkup

/// Golden tree dumps: each `Tests/Fixtures/posts/NAME.bbcode` has `NAME.dump` beside it. Set
/// FORUMLS_UPDATE_DUMPS=1 to rewrite them after an intended change (and review the diff).
@Suite struct TreeDumpTests {
    @Test func fixtureDumpsMatch() throws {
        let folder = TestPaths.fixtures.appendingPathComponent("posts")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".bbcode") }.sorted()
        #expect(names.count >= 3)
        for name in names {
            let input = folder.appendingPathComponent(name)
            let golden = input.deletingPathExtension().appendingPathExtension("dump")
            let dump = Parser.parse(SourceText(bytes: try #require(TestPaths.bytes(input)))).dump()
            if ProcessInfo.processInfo.environment["FORUMLS_UPDATE_DUMPS"] == "1" {
                try dump.write(to: golden, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            #expect(dump == expected, "tree dump of \(name) changed; diff it against \(golden.lastPathComponent)")
        }
    }
}
