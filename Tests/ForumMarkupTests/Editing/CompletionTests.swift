import Testing
@testable import ForumMarkup

@Suite struct CompletionTests {
    func complete(_ marked: String, dialect: Dialect = .discuz) -> (labels: [String], replaced: String, list: CompletionList?) {
        let (tree, offset) = parseMarked(marked, dialect: dialect)
        guard let list = CompletionProvider.complete(in: tree, at: offset) else { return ([], "", nil) }
        return (list.candidates.sorted { $0.rank < $1.rank }.map(\.label), text(tree, list.replaceRange), list)
    }

    @Test func tagNamesFromTheDialectOnly() {
        let discuz = complete("x [|").labels
        #expect(discuz.contains("b") && discuz.contains("backcolor") && discuz.contains("hide"))
        #expect(!discuz.contains("center") && !discuz.contains("spoiler") && !discuz.contains("strike"))
        let xenforo = complete("x [|", dialect: .xenforo).labels
        #expect(xenforo.contains("center") && xenforo.contains("spoiler") && !xenforo.contains("hide"))
        for dialect in Dialect.allCases {
            for label in complete("[|", dialect: dialect).labels {
                #expect(TagCatalog.lookup(label)?.isNative(in: dialect) == true)
            }
        }
    }

    @Test func prefixFiltersAndReplacesTypedNameAndAutoClosedBracket() {
        let result = complete("[co|]")
        #expect(result.labels == ["code", "color"])
        #expect(result.replaced == "co]")
        let color = result.list!.candidates.first { $0.label == "color" }!
        #expect(color.insertText == "color=")
        #expect(color.snippet == "color=${1}]$0[/color]")
        let code = result.list!.candidates.first { $0.label == "code" }!
        #expect(code.insertText == "code]" && code.snippet == "code]$0[/code]")
        let item = complete("[list][|").list!.candidates.first { $0.label == "*" }!
        #expect(item.insertText == "*]" && item.snippet == "*]$0")
        #expect(complete("[CO|").labels == ["code", "color"])
    }

    @Test func closeTagsInnermostFirst() {
        let result = complete("[quote][b]x[color=red]y[/|")
        #expect(result.labels == ["/color", "/b", "/quote"])
        #expect(result.list!.candidates[0].insertText == "color]")
        #expect(complete("[b]x[i]y[/i] z [/|").labels == ["/b"])
        #expect(complete("[B]x[/|").labels == ["/B"])
        #expect(complete("[b]x[/b] [/|").labels.isEmpty)
        #expect(complete("[b]x[/b|").labels == ["/b"])
    }

    @Test func argumentValuesFitTheDialectGrammar() {
        #expect(complete("[align=|").labels == ["left", "center", "right"])
        #expect(complete("[align=|", dialect: .mybb).labels == ["left", "center", "right", "justify"])
        #expect(complete("[list=|").labels == ["1", "a", "A"])
        #expect(complete("[color=re|").labels == ["red"])
        #expect(complete("[color=re|").replaced == "re")
        #expect(complete("[size=|").labels.contains("14px"))
        #expect(!complete("[size=|", dialect: .phpbb).labels.contains("14px"))
        #expect(complete("[size=|", dialect: .phpbb).labels.contains("150"))
        #expect(complete("[font=|").labels.contains("微软雅黑"))
        for dialect in Dialect.allCases {
            for name in ["color", "size", "align", "font", "list"] {
                let tag = TagCatalog.lookup(name)!
                for label in complete("[\(name)=|", dialect: dialect).labels {
                    #expect(ArgumentValidator.isValid(tag, ArraySlice(label.utf8), dialect: dialect))
                }
            }
        }
    }

    @Test func noCompletionOutsideTagsOrInsideRawContent() {
        #expect(complete("plain text|").list == nil)
        #expect(complete("[b]done[/b] after|").list == nil)
        #expect(complete("[code]x [|\n[/code]").list == nil)
        #expect(complete("[code]x [/|\n[/code]").labels == ["/code"])
    }

    @Test func worksAfterEmojiAndCJK() {
        let result = complete("😀中文[b]字[/|")
        #expect(result.labels == ["/b"])
    }
}
