import Testing
@testable import ForumMarkup

/// Compact shape of a tree for assertions: one line per node, `kind[name]` indented by depth,
/// text leaves as their text.
func shape(_ text: String, dialect: Dialect = .discuz) -> String {
    let tree = Parser.parse(SourceText(text), dialect: dialect)
    var depth = [Int](repeating: 0, count: tree.nodes.count)
    var lines: [String] = []
    for (i, node) in tree.nodes.enumerated() where i > 0 {
        depth[i] = node.parent > 0 ? depth[node.parent] + 1 : 0
        let pad = String(repeating: " ", count: depth[i] * 2)
        switch node.kind {
        case .text: lines.append(pad + "'" + tree.source.text(node.range) + "'")
        case .newline: lines.append(pad + "NL")
        default: lines.append(pad + node.kind.rawValue + (node.nameRange.isEmpty ? "" : "[\(tree.name(of: i))]")
                              + (node.argumentIsValid ? "" : "!"))
        }
    }
    return lines.joined(separator: "\n")
}

func issueKinds(_ text: String, dialect: Dialect = .discuz) -> [String] {
    Parser.parse(SourceText(text), dialect: dialect).issues.map { "\($0.kind.rawValue) \($0.tagName)" }
}

@Suite struct ParserTests {
    @Test func pairedTagsNest() {
        #expect(shape("a[b]x[i]y[/i][/b]") == """
        'a'
        element[b]
          openTag[b]
          'x'
          element[i]
            openTag[i]
            'y'
            closeTag[i]
          closeTag[b]
        """)
    }

    @Test func bracketTextThatIsNoTagStaysText() {
        let text = "see [1] and [126], [复制链接] [ 56 posts ] [Python] x[i y]"
        #expect(shape(text) == "'\(text)'")
        #expect(issueKinds(text).isEmpty)
    }

    @Test func unknownNameIsTagOnlyWhenPaired() {
        #expect(shape("[h]t[/h]") == """
        element[h]
          openTag[h]
          't'
          closeTag[h]
        """)
        #expect(shape("[zz] alone") == "'[zz] alone'")
    }

    @Test func unclosedStyleTagEndsAtParagraphEnd() {
        let text = "[b]bold\nsame paragraph\n\nnext"
        #expect(shape(text) == """
        element[b]
          openTag[b]
          'bold'
          NL
          'same paragraph'
          missingCloseTag[b]
        NL
        NL
        'next'
        """)
        #expect(issueKinds(text) == ["unclosed-tag b"])
    }

    @Test func whitespaceOnlyLineEndsAParagraph() {
        let text = "[color=red]x\n \u{3000}\ny"
        let tree = Parser.parse(SourceText(text))
        let element = tree.nodes[1]
        #expect(element.kind == .element)
        #expect(element.range == ByteRange(0, 12))
    }

    @Test func styleTagSpanningParagraphsWithLaterCloserStaysOpen() {
        let text = "[b]one\n\ntwo[/b]"
        #expect(issueKinds(text).isEmpty)
        #expect(Parser.parse(SourceText(text)).nodes[1].range == ByteRange(0, text.utf8.count))
    }

    @Test func closerIsMatchedToTheNearestOpenerOfItsName() {
        // The later `[/b]` belongs to the second `[b]`; the first is unclosed and ends with its paragraph.
        let text = "[b]never closed\n\nnext [b]x[/b] y"
        let tree = Parser.parse(SourceText(text))
        #expect(tree.nodes[1].range == ByteRange(0, 15))
        #expect(issueKinds(text) == ["unclosed-tag b"])
    }

    @Test func unclosedBlockTagRunsToItsLimit() {
        let text = "[quote]q\n\nstill quoted\nPOST2"
        let limit = text.utf8.count - 5
        let tree = Parser.parse(SourceText(text), blockLimits: [limit])
        #expect(tree.nodes[1].kind == .element)
        #expect(tree.nodes[1].range == ByteRange(0, limit))
        #expect(tree.issues.map(\.kind) == [.unclosedTag])
        #expect(Parser.parse(SourceText(text)).nodes[1].range.end == text.utf8.count)
    }

    @Test func strayCloseIsRecorded() {
        #expect(shape("x[/b]") == "'x'\nstrayCloseTag[b]")
        #expect(issueKinds("x[/b]") == ["stray-close-tag b"])
        // An unknown closer with no opener is text, not a stray tag.
        #expect(shape("x[/zz]") == "'x[/zz]'")
    }

    @Test func misnestingClosesAndReopensTheInnerTag() {
        let text = "[b][i]x[/b]y[/i]"
        #expect(shape(text) == """
        element[b]
          openTag[b]
          element[i]
            openTag[i]
            'x'
            missingCloseTag[i]
          closeTag[b]
        element[i]
          missingOpenTag[i]
          'y'
          closeTag[i]
        """)
        let issues = Parser.parse(SourceText(text)).issues
        #expect(issues.count == 1)
        #expect(issues[0].kind == .misnestedTags)
        #expect(issues[0].range == ByteRange(7, 11))
        #expect(issues[0].related == ByteRange(3, 6))
    }

    @Test func innerTagWithoutAnyCloserIsUnclosedNotMisnested() {
        #expect(issueKinds("[b][backcolor=transparent !important]x[/b]") == ["unclosed-tag backcolor"])
    }

    @Test func truncatedTagAtEndOfLine() {
        let text = "text\n[backcolor=transparent !im\n\nafter"
        #expect(shape(text) == """
        'text'
        NL
        truncatedTag[backcolor]
        NL
        NL
        'after'
        """)
        #expect(issueKinds(text) == ["truncated-tag backcolor"])
        // Cut mid-name: a prefix of a known name.
        #expect(issueKinds("x [backcol") == ["truncated-tag backcol"])
        // Not a tag name at all, or too short to tell: text.
        #expect(issueKinds("array[i").isEmpty)
        #expect(issueKinds("[foo=bar").isEmpty)
    }

    @Test func rawContentIsNotTokenised() {
        #expect(shape("[code]a[b]c[/code]") == """
        element[code]
          openTag[code]
          'a[b]c'
          closeTag[code]
        """)
        #expect(shape("[noparse][i]x[/NOPARSE]") == """
        element[noparse]
          openTag[noparse]
          '[i]x'
          closeTag[NOPARSE]
        """)
    }

    @Test func namesAreCaseInsensitive() {
        #expect(shape("[COLOR=Red]x[/color]") == """
        element[COLOR]
          openTag[COLOR]
          'x'
          closeTag[color]
        """)
    }

    @Test func voidTagsHaveNoCloser() {
        #expect(shape("[list][*]a[*]b[/list][hr]") == """
        element[list]
          openTag[list]
          voidTag[*]
          'a'
          voidTag[*]
          'b'
          closeTag[list]
        voidTag[hr]
        """)
        #expect(shape("[hr/]") == "voidTag[hr]")
        #expect(shape("[br/]") == "'[br/]'")
    }

    @Test func indexEntriesAreTagsOnlyInsideIndex() {
        #expect(shape("[index][#1]One[/index] [#2]x") == """
        element[index]
          openTag[index]
          voidTag[#1]
          'One'
          closeTag[index]
        ' [#2]x'
        """)
    }

    @Test func argumentsAreCheckedAgainstTheDialect() {
        #expect(shape("[size=0.85em]x[/size]") == "element[size]!\n  openTag[size]!\n  'x'\n  closeTag[size]")
        #expect(shape("[size=14px]x[/size]").hasPrefix("element[size]\n"))
        #expect(shape("[list=i][*]x[/list]").hasPrefix("element[list]!"))
        #expect(shape("[list=i][*]x[/list]", dialect: .phpbb).hasPrefix("element[list]\n"))
        #expect(shape("[color=rgba(0, 0, 0, 0.9)]x[/color]").hasPrefix("element[color]!"))
        #expect(shape("[color=rgb(51, 51, 51)]x[/color]").hasPrefix("element[color]\n"))
        #expect(shape("[backcolor=transparent !important]x").hasPrefix("element[backcolor]!"))
        #expect(shape("[p=30, 2, left]x[/p]").hasPrefix("element[p]\n"))
        #expect(shape("[p=30,2,left]x[/p]").hasPrefix("element[p]!"))
        #expect(shape("[quote=Name]x[/quote]").hasPrefix("element[quote]!"))
        #expect(shape("[quote=\"Name\" post_id=1]x[/quote]", dialect: .phpbb).hasPrefix("element[quote]\n"))
        #expect(shape("[font=&quot;]x[/font]", dialect: .vbulletin).hasPrefix("element[font]!"))
        #expect(shape("[align=justify]x[/align]").hasPrefix("element[align]!"))
    }

    @Test func argumentWithBracketOrNewlineIsNoTag() {
        // `[color=` has a `[` before its `]`: text; the `[b]` after it is a tag.
        #expect(issueKinds("[color=[b]x") == ["unclosed-tag b"])
        #expect(shape("[color=red\n]x").hasPrefix("truncatedTag[color]\nNL"))
    }

    @Test func depthIsCappedAndExcessOpenersStayText() {
        let text = String(repeating: "[quote]", count: 12) + "x" + String(repeating: "[/quote]", count: 12)
        let tree = Parser.parse(SourceText(text))
        #expect(tree.issues.filter { $0.kind == .nestingTooDeep }.count == 2)
        #expect(tree.issues.filter { $0.kind == .strayCloseTag }.count == 2)
        #expect(tree.printedBytes() == Array(text.utf8))
    }

    @Test func hundredThousandNestedQuotesDoNotOverflow() {
        let n = 100_000
        let text = String(repeating: "[quote]", count: n) + String(repeating: "[/quote]", count: n)
        let tree = Parser.parse(SourceText(text))
        #expect(tree.printedBytes() == Array(text.utf8))
        #expect(tree.nodes.count < 4 * n)
        _ = tree.dump()
    }

    @Test func millionOpenBracketsParseInLinearTime() {
        let text = String(repeating: "[", count: 1_000_000) + "]\n" + String(repeating: "[color=", count: 100_000)
        let tree = Parser.parse(SourceText(text))
        #expect(tree.printedBytes() == Array(text.utf8))
    }

    @Test func everyNodeLiesInsideItsParentAndLeavesTile() {
        for text in ["[b][i]x[/b]y[/i]", "[quote][b]a\n\nb[/quote][/b]", "[list][*]a[code]b[/list]"] {
            let tree = Parser.parse(SourceText(text))
            var cursor = 0
            for (i, node) in tree.nodes.enumerated() where i > 0 {
                #expect(tree.nodes[node.parent].range.contains(node.range))
                #expect(node.subtreeEnd > i && node.subtreeEnd <= tree.nodes[node.parent].subtreeEnd)
                if node.isLeaf {
                    #expect(node.range.start == cursor)
                    cursor = node.range.end
                }
            }
            #expect(cursor == text.utf8.count)
        }
    }
}
