import Testing
import ForumMarkup

@Suite struct ForumChromeTests {
    static let page = "查看: 120|回复: 3\n\n湖边看日落\n\n[复制链接]\n\n楼主\n发表于 2023-4-2 18:20:11 | 只看该作者\n本帖最后由 湖边散步 于 2023-4-2 18:25 编辑\n今天傍晚去湖边看了日落,风很轻。\n\n回复\n\n使用道具 举报\n"

    @Test func cleanInputIsQuiet() {
        #expect(findings("forum-chrome", "今天傍晚去湖边看了日落,风很轻。\n\n晚上回家吃饭。\n").isEmpty)
    }
    @Test func flagsChromeLinesWithKindAndUnnecessaryTag() {
        let d = findings("forum-chrome", Self.page)
        let source = SourceText(Self.page)
        #expect(d.map { source.line(containing: $0.range.start) + 1 } == [1, 5, 7, 8, 9, 12, 14])
        #expect(d.allSatisfy { $0.tags.contains(.unnecessary) })
        #expect(d.contains { $0.message.contains("edit notice") })
        #expect(d.first?.range == source.lineFullRange(0))
    }
    @Test func fixDeletesLinesAndTheirBlankLines() {
        #expect(fixed("forum-chrome", Self.page) == "湖边看日落\n\n今天傍晚去湖边看了日落,风很轻。\n\n")
        let runFix = findings("forum-chrome", Self.page).first { $0.fixes.count > 1 }
        #expect(runFix?.fixes[1].title.hasPrefix("Delete the chrome run") == true)
    }
    @Test func nearMissProseAboutReportingAndBylines() {
        #expect(findings("forum-chrome", "这篇文章讲怎样举报垃圾帖:点击回复下面的举报按钮。\n\n人民日报客户端2021-06-08 12:06浏览量146万\n").isEmpty)
    }
    /// The fuzz finding: `回复` twice is a button run, once a reply; deleting one line alone would make
    /// the other body text, so that fix is not safe, and clean-up deletes the run whole.
    @Test func oneLineOfAContextualRunIsNotSafe() {
        let d = findings("forum-chrome", "回复\n回复")
        #expect(d.count == 2)
        #expect(d.allSatisfy { $0.fixes.count == 2 && !$0.fixes[0].isSafe && $0.fixes[1].isSafe })
        #expect(CleanupRunner.cleanUp(SourceText("回复\n回复")).text == "")
    }
    /// Near miss: lines that are chrome anywhere (edit notices) keep their safe one-line fix.
    @Test func runOfContextFreeLinesKeepsOneLineFixes() {
        let text = "正文第一段。\n本帖最后由 甲 于 2023-4-2 18:25 编辑\nLast edited by bob; 2023-04-02 at 18:25.\n正文第二段。\n"
        let d = findings("forum-chrome", text)
        #expect(d.count == 2)
        #expect(d.allSatisfy { $0.fixes.first?.isSafe == true })
    }

    /// Fuzz finding: deleting the `举报` run alone leaves `回复` reading as body text; that run
    /// deletion is not safe, and no safe fix changes the body text.
    @Test func runDeletionThatTurnsOtherChromeIntoBodyTextIsNotSafe() {
        let checked = readingChecked("forum-chrome", "a\na\n回复\na\n举报\n\n发表于2024-3-0")
        #expect(checked.losing.isEmpty)
        #expect(!checked.notSafe.isEmpty)
    }
}
