import Testing
@testable import ForumMarkup

@Suite struct OutlineBuilderTests {
    func outline(_ s: String) -> Outline { DocumentAnalysis(source: SourceText(s)).outline }
    func headingTexts(_ s: String) -> [String] { outline(s).headings.map(\.text) }

    static let long = "这里是一段足够长的正文内容,用来说明上面那个小标题下面到底讲了一些什么事情,而且还要更长一些才行。"

    @Test func explicitWrappersAndLevels() {
        let text = """
        \(Self.long)

        [size=5][b]第一部分[/b][/size]
        \(Self.long)

        [b]细节[/b]
        \(Self.long)

        [size=5][b]第二部分[/b][/size]
        \(Self.long)
        """
        let o = outline(text)
        #expect(o.headings.map(\.text) == ["第一部分", "细节", "第二部分"])
        #expect(o.headings.map(\.level) == [1, 2, 1])
        // A level-1 section runs to the next level-1 heading.
        let source = SourceText(text)
        #expect(source.line(containing: o.headings[0].range.end) == 8)
        #expect(source.text(o.headings[0].selectionRange) == "第一部分")
    }

    @Test func implicitHeadingsInScrapedText() {
        let text = """
        标题行
        [复制链接]
        发表于 2021-6-9 09:33:43 | 只看该作者

        \(Self.long)

        [backcolor=transparent !important]这件事背后的原因是什么?

        [backcolor=transparent !important]小事里的大学问

        [backcolor=transparent !important]\(Self.long)
        """
        #expect(headingTexts(text) == ["小事里的大学问"])
    }

    @Test func numberedHeadingsAndLists() {
        let text = """
        \(Self.long)
        一、总体思路
        \(Self.long)
        1. 第一步
        2. 第二步
        3. 第三步

        二、具体做法
        \(Self.long)
        """
        #expect(headingTexts(text) == ["一、总体思路", "二、具体做法"])
    }

    @Test func falsePositivesAreSuppressed() {
        let text = """
        Guide

        作者:张三

        原文链接:https://example.com/a

        [quote][b]Quoted heading[/b]
        \(Self.long)[/quote]

        [code]
        Not a heading
        [/code]

        - List entry
        \(Self.long)

        Thanks everyone!
        \(Self.long)
        """
        #expect(headingTexts(text).isEmpty)
    }

    @Test func firstLineOfARawPostIsItsTitleNotAHeading() {
        let o = outline("[size=5][b]My Mod[/b][/size]\n\(Self.long)\n")
        #expect(o.title == "My Mod")
        #expect(o.titleLine == 0)
        #expect(o.headings.isEmpty)
    }

    @Test func oneLinePostsHaveNoHeadings() {
        #expect(headingTexts("[b]顶[/b]\n").isEmpty)
    }

    @Test func markdownAndSetextHeadings() {
        let text = """
        Intro line that is long enough to be a paragraph of its own, really.

        ## Setup
        Install the thing and then configure it the way you like, with care.

        Usage
        -----
        Run it every night from cron and read the log file in the morning.
        """
        let o = outline(text)
        #expect(o.headings.map(\.text) == ["Setup", "Usage"])
    }

    @Test func itemsNestAndRangesNest() {
        let text = """
        \(Self.long)
        [size=6]Top[/size]
        \(Self.long)
        [size=4]Sub[/size]
        \(Self.long)
        """
        let o = outline(text)
        let items = o.items(documentLength: SourceText(text).count)
        #expect(items.count == 1)
        let post = items[0]
        #expect(post.kind == .post)
        #expect(post.children.map(\.name) == ["Top"])
        #expect(post.children[0].children.map(\.name) == ["Sub"])
        #expect(post.range.contains(post.children[0].range))
        #expect(post.children[0].range.contains(post.children[0].children[0].range))
    }
}

@Suite struct BlockLimitTests {
    /// An unclosed `[quote]` in one post must not swallow the next post: the analysis re-parses with the
    /// post body ends as block limits.
    @Test func unclosedQuoteStopsAtItsPost() {
        let long = OutlineBuilderTests.long
        let text = """
        标题
        [复制链接]
        发表于 2022-1-1 10:00:00 | 只看该作者
        [quote]引用了别人的话却忘了关上
        \(long)
        回复
        使用道具 举报
        沙发
        发表于 2022-1-2 10:00:00 | 只看该作者
        \(long)

        二、第二部分
        \(long)
        回复
        使用道具 举报
        """
        let analysis = DocumentAnalysis(source: SourceText(text))
        #expect(analysis.outline.posts.count == 2)
        #expect(analysis.outline.posts[1].headings.map(\.text) == ["二、第二部分"])
        let quote = analysis.tree.nodes.first { $0.kind == .element && $0.tag?.name == "quote" }
        #expect(quote.map { analysis.source.line(containing: $0.range.end) } == 5)
    }
}

@Suite struct HeadingFalsePositiveTests {
    @Test func bylinesAndCaptionsAreNotHeadings() {
        let long = OutlineBuilderTests.long
        let text = "\(long)\n\n记者 王小明\n\n\(long)\n\n图1 实验装置示意\n\n\(long)\n\nWritten by Sam\n\n\(long)\n"
        #expect(DocumentAnalysis(source: SourceText(text)).outline.headings.isEmpty)
    }
}

@Suite struct GreetingTests {
    @Test func greetingsAreNotHeadings() {
        let long = OutlineBuilderTests.long
        let text = "\(long)\n\n大家好\n\n\(long)\n\nHi everyone\n\nThis is a long paragraph that follows the greeting and says a lot of things.\n"
        #expect(DocumentAnalysis(source: SourceText(text)).outline.headings.isEmpty)
    }
}

@Suite struct OutlineInvariantTests {
    /// On every fixture and corpus document: selection ranges lie inside ranges, children inside parents,
    /// names are non-empty, heading levels are 1-6 (what LSP clients require of DocumentSymbols).
    @Test func itemsNestOnAllDocuments() {
        for url in TestPaths.fixtureFiles + TestPaths.corpusDocuments {
            guard let bytes = TestPaths.bytes(url) else { continue }
            let analysis = DocumentAnalysis(source: SourceText(bytes: bytes))
            var stack = analysis.outline.items(documentLength: bytes.count).map { ($0, ByteRange(0, bytes.count)) }
            while let (item, parent) = stack.popLast() {
                #expect(!item.name.isEmpty, "\(url.lastPathComponent)")
                #expect(item.range.contains(item.selectionRange), "\(url.lastPathComponent): \(item.name)")
                #expect(parent.contains(item.range), "\(url.lastPathComponent): \(item.name)")
                if item.kind == .heading { #expect((1...6).contains(item.level)) }
                stack += item.children.map { ($0, item.range) }
            }
        }
    }
}
