import Testing
@testable import ForumMarkup

@Suite struct PageStructureTests {
    func structure(_ s: String) -> PageStructure { PageStructure(tree: Parser.parse(SourceText(s))) }

    let page = """
    论坛|示例论坛
    查看: 10|回复: 1

    测试标题

    [复制链接]
    12
    主题
    跳转到指定楼层
    楼主
    发表于 2022-1-1 10:00:00 | 只看该作者
    回复
    正文第一段,写得很长很长很长很长很长很长很长很长很长很长很长。
    Powered by Discuz! 是我最早用的论坛程序,我很喜欢它。
    回复

    使用道具 举报

    本版积分规则
    Powered by Discuz! X3.4
    """

    @Test func titlePostAndZones() {
        let s = structure(page)
        #expect(s.title == "测试标题")
        #expect(s.titleLine == 3)
        #expect(s.posts.count == 1)
        #expect(s.posts[0].headerLine == 10)
        #expect(s.posts[0].floorLabel == "楼主")
        #expect(s.chromeKind(ofLine: 0) == .siteHeader)
        #expect(s.chromeKind(ofLine: 1) == .counters)
        #expect(s.roles[3] == .title)
        #expect(s.chromeKind(ofLine: 7) == .profile)
        #expect(s.chromeKind(ofLine: 10) == .postMeta)
        #expect(s.hasChrome)
    }

    @Test func bodyRulesOfSpec45() {
        let s = structure(page)
        // A lone 回复 right after the header is a one-line reply body, not chrome (spec 4.5)...
        let roles = s.roles
        #expect(roles[11] == .content)
        // ... footer words quoted in a body stay content; the real footer after the last post is chrome.
        #expect(roles[13] == .content)
        #expect(s.chromeKind(ofLine: 14) == .postButtons)
        #expect(s.chromeKind(ofLine: 18) == .pageFooter)
        #expect(s.chromeKind(ofLine: 19) == .pageFooter)
        #expect(s.posts[0].bodyLines == 11..<14)
    }

    @Test func rawPostHasNoChrome() {
        let s = structure("[b]My guide[/b]\nSome text that explains things at length, with more words.\nReply\n")
        #expect(s.posts.count == 1)
        #expect(s.posts[0].headerLine == nil)
        let hasChrome = s.hasChrome
        let runs = s.chromeRuns
        #expect(!hasChrome)
        #expect(runs.isEmpty)
        #expect(s.title == "My guide")
    }

    @Test func editNoticeIsChromeAndNamesTheEditorNotTheAuthor() {
        let s = structure("标题\n[复制链接]\n发表于 2021-6-9 09:33:43 | 只看该作者\n本帖最后由 某人 于 2021-6-9 09:34 编辑\n正文。\n")
        #expect(s.chromeKind(ofLine: 3) == .editNotice)
        #expect(s.posts[0].editedBy == "某人")
        #expect(s.posts[0].author == nil)
    }

    @Test func quoteHeaderInsideABodyIsNotAPost() {
        let s = structure("标题\n[复制链接]\n发表于 2021-6-9 09:33:43 | 只看该作者\n小王 发表于 2021-6-8 10:00\n引用的内容\n我的回答。\n")
        #expect(s.posts.count == 1)
        #expect(!s.isChrome(line: 3))
    }

    @Test func chromeRunsJoinAcrossBlankLines() {
        let s = structure(page)
        #expect(s.chromeRuns.first == 0...1)
    }

    @Test func emptyDocument() {
        let s = structure("")
        #expect(s.title == nil)
        #expect(s.posts.count == 1)
        #expect(s.chromeRuns.isEmpty)
    }
}

@Suite struct PageStructureSafetyTests {
    func structure(_ s: String) -> PageStructure { PageStructure(tree: Parser.parse(SourceText(s))) }

    @Test func markdownListUnderATitleIsNotFrontMatter() {
        let s = structure("# My notes\n- Tip: use a fan\n- Note: keep it cool\n\nSome text that goes on for a while and says things.\n")
        #expect(s.title == "My notes")
        #expect(s.chromeRuns.isEmpty)
    }

    @Test func exportFrontMatterIsChrome() {
        let s = structure("# Mod name\n- Author: someone\n- Game: skyrim\n\nThe description of the mod, long enough to be a paragraph.\n")
        #expect(s.chromeKind(ofLine: 1) == .frontMatter)
        #expect(s.posts.first?.author == "someone")
    }

    @Test func titleAnchorsAfterProseAreIgnored() {
        let prose = String(repeating: "This is a long line of ordinary prose in a raw post. ", count: 3)
        let s = structure("\(prose)\nThread: not a title here\n\(prose)\n")
        #expect(s.titleLine != 1)
        #expect(s.chromeRuns.isEmpty)
    }

    @Test func greetingIsNotATitle() {
        let s = structure("大家好\n我最近遇到一个问题,想请教一下各位前辈到底应该怎么处理才好呢。\n")
        #expect(s.title == nil)
    }
}

@Suite struct ArchiverPageTests {
    @Test func archiverPostsAreSplitAtBareHeaders() {
        let text = "查看完整版本: 关于养花的一些心得\n\n花匠老王 发表于 2009-4-1 10:20\n\n我养了十几年的花,今天把一些心得分享出来。\n\n小李 发表于 2009-4-1 11:02\n\n谢谢分享。\n"
        let s = PageStructure(tree: Parser.parse(SourceText(text)))
        #expect(s.title == "关于养花的一些心得")
        #expect(s.posts.map(\.headerLine) == [2, 6])
        #expect(s.posts.map(\.author) == ["花匠老王", "小李"])
    }
}
