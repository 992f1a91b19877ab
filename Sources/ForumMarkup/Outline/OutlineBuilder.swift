/// Finds the section headings inside the post bodies `PageStructure` found (spec section 5) and
/// builds the outline: thread title > posts > headings.
///
/// Signals, strongest first: `[h1]`-`[h3]` / `[heading=N]` / whole-line `[size>=4]` and bold wrappers,
/// Markdown `#` and setext underlines, numbering (`一、`, `（一）`, `第N章`, `1.`, `1.1`, `0x01`), and in
/// scraped text a short line after a break, without sentence-final punctuation, followed by a longer
/// paragraph. Suppressed: chrome, the title line, field labels (`作者:`, `Label: value`), list items and
/// runs of numbered lines, one-line posts, URLs, code-like lines, lines inside quote/code/list/table/hide.
/// Levels are ranked per document: the top kind found is level 1.
public enum OutlineBuilder {
    /// Builds the outline of a document from its tree and structure. Linear in the number of lines.
    public static func build(tree: SyntaxTree, structure: PageStructure) -> Outline {
        let lines = structure.lines
        var candidates: [[(line: Int, rank: Int, text: String)]] = []
        for post in structure.posts {
            candidates.append(headings(in: post, structure: structure))
        }
        // Rank -> level, per document.
        let ranks = Array(Set(candidates.flatMap { $0.map(\.rank) })).sorted()
        var levelOf: [Int: Int] = [:]
        for (i, r) in ranks.enumerated() { levelOf[r] = min(i + 1, 6) }
        var posts: [OutlinePost] = []
        let source = tree.source
        for (p, post) in structure.posts.enumerated() {
            let found = candidates[p]
            var result: [OutlineHeading] = []
            let bodyEnd = post.bodyRange.end
            // A section runs to the next heading of the same or a higher level: close open ones with a stack.
            var open: [Int] = []
            for c in found {
                let level = levelOf[c.rank] ?? 1
                let start = source.lineStarts[c.line]
                while let top = open.last, result[top].level >= level {
                    result[top].range = ByteRange(result[top].range.start, max(result[top].range.start, start))
                    open.removeLast()
                }
                open.append(result.count)
                result.append(OutlineHeading(line: c.line, level: level, text: c.text, selectionRange: lines[c.line].textRange,
                                             range: ByteRange(start, max(start, bodyEnd))))
            }
            posts.append(OutlinePost(post: post, headings: result))
        }
        let titleRange = structure.titleLine.map { lines[$0].textRange }
        return Outline(title: structure.title, titleLine: structure.titleLine, titleRange: titleRange, posts: posts)
    }

    private static let u = Bytes.u
    static let excludedPrefixes: [StaticString] = ["- ", "* ", "• ", "· ", "+ ", "? ", "> ", "——", "-- ", "!["]
    /// Bylines, credits and captions (spec 5, false positive 5).
    static let bylinePrefixes: [StaticString] = ["记者", "文/", "文 /", "图/", "图 /", "来源", "责编", "责任编辑", "撰文", "摄影",
                                                 "通讯员", "转自", "by ", "written by", "posted by", "source:", "photo:", "image:",
                                                 "figure ", "fig. "]
    /// Greetings, thanks and quote attributions (implicit headings only).
    static let greetings: [StaticString] = ["大家好", "各位", "楼主", "谢谢", "感谢", "多谢", "hi ", "hi,", "hello", "hey ", "dear ",
                                            "thanks", "thank you", "cheers", "regards", "p.s", "ps ", "originally posted by",
                                            "quote from", "quoting "]
    static let sentenceEnds: [StaticString] = ["。", ".", "!", "！", ";", "；", ",", "，", "、", "…"]

    /// Heading candidates of one post body: (line, rank, text); lower rank = higher level.
    static func headings(in post: Post, structure: PageStructure) -> [(line: Int, rank: Int, text: String)] {
        let lines = structure.lines
        let body = post.bodyLines
        var contentLines: [Int] = []
        for i in body where structure.roles[i] == .content { contentLines.append(i) }
        guard contentLines.count >= 2 else { return [] }
        var result: [(line: Int, rank: Int, text: String)] = []
        // Numbering of each body line, indexed by line (body-relative storage, no hashing).
        struct Numberings {
            let base: Int
            var values: [Numbering?]
            subscript(line: Int) -> Numbering? { values[line - base] }
        }
        var numbering = Numberings(base: body.lowerBound, values: [Numbering?](repeating: nil, count: body.count))
        for i in contentLines where Numbering.mayStart(lines[i].text) { numbering.values[i - body.lowerBound] = Numbering.parse(lines[i].text) }
        var previousWasHeading = false
        for (index, i) in contentLines.enumerated() {
            let line = lines[i]
            let prev = i - 1
            let breakBefore = prev < body.lowerBound || structure.roles[prev] != .content || previousWasHeading
            let nextLine = index + 1 < contentLines.count ? contentLines[index + 1] : nil
            let prevContent = index > 0 ? contentLines[index - 1] : nil
            previousWasHeading = false
            if !line.blocks.isDisjoint(with: [.quote, .code, .list, .hidden, .table]) { continue }
            // Dense text: a line with no break before it can only be a numbered, sized or underlined heading.
            if !breakBefore && numbering[i] == nil && line.wrappedSize < 4 && line.wrappedHeading == 0 && line.text.first != 0x23
                && !(nextLine == i + 1 && setext(lines[i + 1].text[...]) != nil) { continue }
            var t = line.text
            guard !isExcluded(t) else { continue }
            var rank = Int.max
            var explicit = false
            // Markdown `#`.
            var hashes = 0
            while hashes < t.count && t[t.startIndex + hashes] == 0x23 { hashes += 1 }
            if hashes >= 1 && hashes <= 6 && t.count > hashes + 1 && t[t.startIndex + hashes] == 0x20 {
                rank = hashes * 10
                explicit = true
                t = t.dropFirst(hashes + 1)
            }
            // Tag wrappers.
            if line.wrappedHeading > 0 { rank = min(rank, line.wrappedHeading * 10); explicit = true }
            if line.wrappedSize >= 4 { rank = min(rank, sizeRank(line.wrappedSize)); explicit = true }
            let mdBold = markdownBold(t)
            if line.isAllBold || mdBold != nil { rank = min(rank, 45); explicit = true }
            if let inner = mdBold { t = inner }
            // Setext underline (`-----` / `=====` on the next line).
            if let next = nextLine, next == i + 1, let under = setext(lines[next].text[...]) { rank = min(rank, under); explicit = true }
            let nameBytes = cleanName(t)
            guard !nameBytes.isEmpty, nameBytes.contains(where: { $0 >= 0x80 || Bytes.isDigit($0) || Bytes.isLetter($0) }) else { continue }
            var name: String { String(decoding: nameBytes, as: UTF8.self) }
            let width = LineText.width(Numbering.dropEmoji(nameBytes))
            let cjk = LineText.hasCJK(nameBytes)
            if line.hasColumnGap { continue }
            guard let next = nextLine else {
                // A styled heading may close an excerpt; other kinds need text of their own below.
                if explicit && breakBefore && width <= (cjk ? 50 : 70) && !endsSentence(nameBytes, allowColon: true) {
                    result.append((i, rank, name))
                }
                continue
            }
            let nextWidth = lines[next].width
            if let num = numbering[i] {
                // Numbered: short, followed by its own text, not part of a run of same-style lines.
                // Neighbours count only when short enough to be items themselves (`第一节的正文…` is prose).
                func sameStyle(_ n: Int?) -> Bool {
                    guard let n = n, let other = numbering[n] else { return false }
                    return other.style == num.style && abs(n - i) <= 2 && !lines[n].blocks.contains(.list) && lines[n].width <= 60
                }
                let sameStyleNeighbour = sameStyle(prevContent) || sameStyle(nextLine)
                let limit = cjk ? 60 : 70
                if !sameStyleNeighbour && width <= limit && !isFieldLabel(num.rest) && !hasMidSentenceBreak(nameBytes)
                    && (numbering[next] == nil || numbering[next]!.style != num.style || lines[next].width > 60) {
                    rank = min(rank, num.rank)
                    result.append((i, rank, name))
                    previousWasHeading = true
                    continue
                }
                if !explicit { continue }
            }
            if explicit {
                // Size and heading tags speak for themselves; a bold-only line needs a break before it.
                guard breakBefore || rank < 45, width <= (cjk ? 50 : 70), !endsSentence(nameBytes, allowColon: true),
                      !isFieldLabel(nameBytes) else { continue }
                if Bytes.isNumbersOnly(nameBytes) { continue }
                result.append((i, rank, name))
                previousWasHeading = true
                continue
            }
            // Implicit (scraped text): short, after a break, no sentence punctuation, followed by a longer paragraph.
            guard breakBefore, !line.isPartlyStyled, width <= (cjk ? 50 : 60), width >= 2 else { continue }
            guard !endsSentence(nameBytes, allowColon: false), !Bytes.contains(nameBytes, [0x21]), !Bytes.contains(nameBytes, "！") else { continue }
            guard !isFieldLabel(nameBytes), !Bytes.containsDate(nameBytes), !Bytes.isNumbersOnly(nameBytes) else { continue }
            // Greetings and sign-offs open or close a post; they head nothing.
            if greetings.contains(where: { Bytes.hasPrefixIgnoringCase(nameBytes, $0) }) || Bytes.equalsIgnoringCase(nameBytes, "hi") {
                continue
            }
            // `生命力(HP):表达式:now/max` is a definition line, not a heading.
            if nameBytes.lazy.filter({ $0 == 0x3A }).count >= 2 { continue }
            if Bytes.hasSuffix(nameBytes, "?") || Bytes.hasSuffix(nameBytes, "？") {
                // A question heads a section only when an answer paragraph follows directly.
                guard nextWidth >= 40 else { continue }
            }
            let nextIsNumbered = numbering[next] != nil
            // A post's opening line may head the numbered sections below it.
            guard (nextIsNumbered && prevContent == nil) || (nextWidth * 2 >= width * 3 && nextWidth >= 30) else { continue }
            rank = min(rank, 25)
            result.append((i, rank, name))
            previousWasHeading = true
        }
        return result
    }

    static func sizeRank(_ size: Int) -> Int {
        switch size {
        case 6...: 10
        case 5: 20
        default: 30
        }
    }

    /// `**text**` with an optional trailing colon: the inner text.
    static func markdownBold(_ t: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard Bytes.hasPrefix(t, [0x2A, 0x2A]) else { return nil }
        let inner = t.dropFirst(2)
        guard let close = Bytes.find(inner, [0x2A, 0x2A]) else { return nil }
        let after = t[(close + 2)...]
        guard after.isEmpty || after.elementsEqual([0x3A]) || Bytes.equals(after, "：") else { return nil }
        return t[inner.startIndex..<close]
    }

    /// Rank of a setext underline line, or nil.
    static func setext(_ t: ArraySlice<UInt8>) -> Int? {
        guard t.count >= 3, let f = t.first, f == 0x2D || f == 0x3D, t.allSatisfy({ $0 == f }) else { return nil }
        return f == 0x3D ? 15 : 35
    }

    /// The heading text: markdown markers and surrounding spaces trimmed.
    static func cleanName(_ t: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = t
        while let f = s.first, f == 0x2A || f == 0x23 || f == 0x20 { s = s.dropFirst() }
        while let l = s.last, l == 0x2A || l == 0x20 { s = s.dropLast() }
        return s
    }

    /// Lines that are never headings: URLs, code-like text, bracketed names, list bullets, sign-offs.
    static func isExcluded(_ t: ArraySlice<UInt8>) -> Bool {
        // One pass for URLs (`http://`, `https://`, `www.`) and code-like bytes (`= { } < > |`).
        var i = t.startIndex
        while i < t.endIndex {
            switch t[i] {
            case 0x3D, 0x7B, 0x7D, 0x3C, 0x3E, 0x7C: return true
            case 0x68: if Bytes.hasPrefix(t[i...], "http://") || Bytes.hasPrefix(t[i...], "https://") { return true }
            case 0x77: if Bytes.hasPrefix(t[i...], "www.") { return true }
            default: break
            }
            i += 1
        }
        if t.first == 0x5B && t.last == 0x5D && !Bytes.contains(t.dropFirst(), [0x5B]) { return true }
        for p in excludedPrefixes
        where Bytes.hasPrefix(t, p) { return true }
        for p in bylinePrefixes where Bytes.hasPrefixIgnoringCase(t, p) { return true }
        // Captions: `图1 …`, `图 2：…`, `表3 …`.
        if Bytes.hasPrefix(t, "图") || Bytes.hasPrefix(t, "表") {
            let rest = t.dropFirst(3).drop { $0 == 0x20 }
            if let f = rest.first, Bytes.isDigit(f) { return true }
        }
        return false
    }

    /// `作者:value`, `Label: value`, `Post made by : X`: a short label and a value after a colon.
    static func isFieldLabel(_ t: ArraySlice<UInt8>) -> Bool {
        guard let colon = Bytes.find(t, [0x3A]) ?? Bytes.find(t, "：") else { return false }
        let width = colon == Bytes.find(t, [0x3A]) ? 1 : 3
        let after = t[(colon + width)...].drop { $0 == 0x20 }
        if after.isEmpty { return false }
        // `定义:(注释)` is a heading with a remark, not a field.
        if after.first == 0x28 || Bytes.hasPrefix(after, "（") { return false }
        // A time (`10:32`) is not a label.
        if colon > t.startIndex && Bytes.isDigit(t[colon - 1]) && after.first.map(Bytes.isDigit) == true { return false }
        var label = t[t.startIndex..<colon]
        while label.last == 0x20 { label = label.dropLast() }
        return LineText.width(label) <= (LineText.hasCJK(label) ? 8 : 12)
    }

    /// Ends with sentence-final punctuation (`。` `.` `!` `;` `,` and, unless allowed, `:`).
    static func endsSentence(_ t: ArraySlice<UInt8>, allowColon: Bool) -> Bool {
        for e in sentenceEnds where Bytes.hasSuffix(t, e) { return true }
        if !allowColon && (Bytes.hasSuffix(t, ":") || Bytes.hasSuffix(t, "：")) { return true }
        return false
    }

    /// A numbered line that carries two sentences (`1.xxx。yyy`) is a paragraph, not a heading.
    static func hasMidSentenceBreak(_ t: ArraySlice<UInt8>) -> Bool {
        guard let stop = Bytes.find(t, "。") else { return false }
        return stop + 3 < t.endIndex
    }
}

/// A numbering prefix at the start of a line.
struct Numbering {
    /// Identifies lines numbered the same way (for list-run detection).
    var style: String
    /// Lower = higher level.
    var rank: Int
    /// The text after the number.
    var rest: ArraySlice<UInt8>

    static let cjkDigitList: [[UInt8]] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇", "两"].map(Bytes.u)

    /// True when `s` starts with a CJK numeral (一 … 十, 百, 零, 〇, 两).
    static func startsWithCJKDigit(_ s: ArraySlice<UInt8>) -> Bool {
        guard s.count >= 3, s[s.startIndex] >= 0xE3 else { return false }
        for d in cjkDigitList where Bytes.hasPrefix(s, d) { return true }
        return false
    }
    static let u = Bytes.u
    /// `第N<unit>` units: (unit bytes, style, rank).
    static let chapterUnits: [([UInt8], String, Int)] = [("章", 22), ("部分", 22), ("篇", 22), ("节", 32), ("讲", 32), ("课", 32), ("回", 32)]
        .map { (u($0.0), "第" + $0.0, $0.1) }
    static let cjkSeparators = [u("、"), u(","), u("，"), u("．"), u("."), u(" ")]
    static let digitSeparators = [u("."), u("、"), u(")"), u("）"), u(","), u("，"), u("．")]

    /// A cheap test before `parse`: the first byte (after emoji) can start a numbering.
    static func mayStart(_ text: ArraySlice<UInt8>) -> Bool {
        guard let f = text.first else { return false }
        return Bytes.isDigit(f) || f == 0x28 || f >= 0xE3
    }

    /// Parses `一、`, `（一）`, `第N章`, `1.`, `1、`, `1)`, `1,`, `1.1`, `1.2.1`, `0x01` at the start
    /// (after emoji and spaces); nil when the line is not numbered.
    static func parse(_ text: ArraySlice<UInt8>) -> Numbering? {
        let t = dropEmoji(text)
        guard let first = t.first else { return nil }
        // 第N章 / 第N节
        if Bytes.hasPrefix(t, "第") {
            var s = t.dropFirst(3)
            var count = 0
            while true {
                if let f = s.first, Bytes.isDigit(f) { s = s.dropFirst(); count += 1; continue }
                if startsWithCJKDigit(s) { s = s.dropFirst(3); count += 1; continue }
                break
            }
            for (unit, style, rank) in chapterUnits where count > 0 && Bytes.hasPrefix(s, unit) {
                return Numbering(style: style, rank: rank, rest: s.dropFirst(unit.count).drop { $0 == 0x20 })
            }
            return nil
        }
        // （一） / (一) / (1)
        if Bytes.hasPrefix(t, "（") || first == 0x28 {
            var s = Bytes.hasPrefix(t, "（") ? t.dropFirst(3) : t.dropFirst()
            var count = 0
            var cjk = false
            while true {
                if let f = s.first, Bytes.isDigit(f) { s = s.dropFirst(); count += 1; continue }
                if startsWithCJKDigit(s) { s = s.dropFirst(3); count += 1; cjk = true; continue }
                break
            }
            guard count > 0, count <= 3 else { return nil }
            if Bytes.hasPrefix(s, "）") { s = s.dropFirst(3) } else if s.first == 0x29 { s = s.dropFirst() } else { return nil }
            guard !s.isEmpty else { return nil }
            return Numbering(style: cjk ? "(一)" : "(1)", rank: cjk ? 40 : 55, rest: s.drop { $0 == 0x20 })
        }
        // 一、 / 一, / 一．
        if startsWithCJKDigit(t) {
            var s = t
            var count = 0
            while startsWithCJKDigit(s) { s = s.dropFirst(3); count += 1 }
            guard count <= 3 else { return nil }
            for sep in cjkSeparators where Bytes.hasPrefix(s, sep) {
                let rest = s.dropFirst(sep.count)
                guard !rest.isEmpty else { return nil }
                return Numbering(style: "一、", rank: 30, rest: rest.drop { $0 == 0x20 })
            }
            return nil
        }
        // 0x01
        if Bytes.hasPrefix(t, "0x") {
            let (end, n) = hexDigits(t, t.startIndex + 2)
            if n >= 1 && n <= 4 && end < t.endIndex && t[end] == 0x20 { return Numbering(style: "0x", rank: 30, rest: t[(end + 1)...]) }
            return nil
        }
        // 1. / 1、 / 1) / 1, / 1.1 / 1.2.1
        guard Bytes.isDigit(first) else { return nil }
        var depth = 0
        var i = t.startIndex
        while true {
            let (end, n) = Bytes.digits(t, i)
            guard n >= 1 && n <= 2 else { return nil }
            depth += 1
            i = end
            if i + 1 < t.endIndex && t[i] == 0x2E && Bytes.isDigit(t[i + 1]) && depth < 4 { i += 1; continue }
            break
        }
        guard i < t.endIndex else { return nil }
        let rest = t[i...]
        if depth >= 2 {
            // `1.1 Title`, `1.2.1 人物`, `1.1.` — the number ends at a space, a dot or a CJK character.
            var r = rest
            if r.first == 0x2E { r = r.dropFirst() }
            guard let f = r.first, f == 0x20 || f >= 0xE0 else { return nil }
            return Numbering(style: "1.1" + String(depth), rank: 50 + 10 * (depth - 1), rest: r.drop { $0 == 0x20 })
        }
        for sep in digitSeparators where Bytes.hasPrefix(rest, sep) {
            let after = rest.dropFirst(sep.count)
            // `1.5` (decimal) and `1,000` are numbers, not numbering.
            if let f = after.first, Bytes.isDigit(f) { return nil }
            guard !after.drop(while: { $0 == 0x20 }).isEmpty else { return nil }
            return Numbering(style: "1" + String(decoding: sep, as: UTF8.self), rank: 50, rest: after.drop { $0 == 0x20 })
        }
        return nil
    }

    /// Drops leading emoji (4-byte scalars), variation selectors and spaces.
    static func dropEmoji(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var t = text
        while let f = t.first {
            if f >= 0xF0, t.count >= 4 { t = t.dropFirst(4); continue }
            if Bytes.hasPrefix(t, [0xEF, 0xB8, 0x8F]) { t = t.dropFirst(3); continue }
            if f == 0x20 { t = t.dropFirst(); continue }
            break
        }
        return t
    }

    static func hexDigits(_ t: ArraySlice<UInt8>, _ i: Int) -> (Int, Int) {
        var j = i
        while j < t.endIndex, Bytes.isDigit(t[j]) || ((t[j] | 0x20) >= 0x61 && (t[j] | 0x20) <= 0x66) { j += 1 }
        return (j, j - i)
    }
}
