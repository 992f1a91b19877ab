import Testing
@testable import ForumMarkup

/// The accuracy the issue makes mandatory on the seed page (skipped when ../shared is absent).
@Suite struct SeedOutlineTests {
    @Test func seedOutline() throws {
        guard let corpus = TestPaths.sharedCorpus,
              let bytes = TestPaths.bytes(corpus.appendingPathComponent("docs/seed-liangxi.txt")) else { return }
        let analysis = DocumentAnalysis(source: SourceText(bytes: bytes))
        let outline = analysis.outline
        #expect(outline.title == "一见·到地方考察,总书记为什么常去看看社区?")
        #expect(outline.posts.count == 1)
        let post = try #require(outline.posts.first)
        #expect(post.post.floorLabel == "楼主")
        #expect(post.post.date == "2021-6-9 09:33:43")
        #expect(post.post.author == nil)
        // The editor named in the edit notice is shown as "edited by", never as the author.
        let editor = try #require(post.post.editedBy)
        #expect(!editor.isEmpty && editor.utf8.count <= 30)
        #expect(post.headings.map(\.text) == ["一枝一叶总关情", "只有基础坚固,国家大厦才能稳固", "推动治理重心向基层下沉"])
        #expect(!post.headings.contains { $0.text.hasPrefix("关注民生小事") })
        for h in post.headings { #expect(!analysis.structure.isChrome(line: h.line)) }
    }
}
