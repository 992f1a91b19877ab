import Testing
@testable import ForumMarkup

/// Posts longer than a window: a block tag left open early in a post runs to the post's end, past the
/// window, and may change how lines there are read (chrome inside a quote is quoted text).
@Suite struct IncrementalLongPostTests {
    static func page(lateLine: String) -> String {
        var page = "[标题] 长帖测试 - 测试版块 - Example Forum\n返回列表 发新帖\n\n"
        for n in 1...30 {
            page += "\(n)#\n发表于 2024-3-\(n % 28 + 1) 12:00:08 | 只看该作者\n"
            page += "第\(n)帖的第一段。\n\n"
            for k in 0..<8 {
                page += String(repeating: "长帖正文第\(k)段，讨论论坛标记。", count: 12) + "\n\n"
            }
            page += "\(lateLine)\n末段 [b]粗体[/b]\n\n"
            page += "回复 举报\n\n"
        }
        return page
    }

    @Test(arguments: ["2", "Rank: 8Rank: 8", "只看该作者", "回复", "/", "6", "[/quote]", "[/b]", "[b]"])
    func blockOpenedEarlyInALongPost(lateLine: String) {
        var incremental = 0
        for opener in ["[quote]", "[b]", "[list=1]", "[code]", "[color=red]"] {
            let text = Self.page(lateLine: lateLine)
            let source = SourceText(text)
            let options = AnalysisOptions()
            var findings = DocumentAnalysis(source: source, options: options).ruleFindings.sorted.map(\.published)
            var tags = TagIndex(source.bytes)
            // The first paragraph of the 15th post.
            let marker = Array("第15帖的第一段".utf8)
            var at = 0
            while !source.bytes[at..<(at + marker.count)].elementsEqual(marker) { at += 1 }
            let edit = TextEdit(range: ByteRange(at, at), replacement: opener)
            let next = source.applying(edit)
            let fresh = DocumentAnalysis(source: next, options: options).ruleFindings.sorted.map(\.published)
            if IncrementalFindings.update(&findings, tags: &tags, oldSource: source, edit: edit, newSource: next, options: options) != nil {
                incremental += 1
                #expect(findings == fresh, "late line \(lateLine.debugDescription), opener \(opener)")
            }
        }
        // All but the raw-content opener (`[code]`, never local) take the incremental path: the check above bites.
        #expect(incremental == 4, "late line \(lateLine.debugDescription): incremental \(incremental) of 5")
    }
}
