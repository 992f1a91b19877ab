import Foundation
import Testing
@testable import ForumMarkup

/// Each `Tests/Fixtures/Outline/NAME.txt|.bbcode` has a `NAME.outline`: the outline dump, then `chrome:` and
/// the chrome runs (what `forumls outline FILE --chrome` prints).
@Suite struct OutlineFixtureTests {
    static let fixtures: [URL] = {
        let dir = TestPaths.fixtures.appendingPathComponent("Outline")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".bbcode") }.sorted().map { dir.appendingPathComponent($0) }
    }()

    @Test func fixturesExist() {
        #expect(Self.fixtures.count >= 4)
    }

    @Test(arguments: fixtures)
    func outlineMatchesExpected(_ url: URL) throws {
        let bytes = try #require(TestPaths.bytes(url))
        let expectedURL = url.deletingPathExtension().appendingPathExtension("outline")
        let expected = try #require(try? String(contentsOf: expectedURL, encoding: .utf8))
        let analysis = DocumentAnalysis(source: SourceText(bytes: bytes))
        let actual = analysis.outline.dump() + "chrome:\n" + analysis.structure.dumpChrome()
        #expect(actual == expected, "\(url.lastPathComponent):\n\(actual)")
    }
}
