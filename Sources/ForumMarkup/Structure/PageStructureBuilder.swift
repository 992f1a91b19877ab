/// Computes a `PageStructure`: title, posts, body spans and chrome roles (spec sections 4 and 6).
///
/// Order: classify every line with the catalog; find front matter and the title; find post headers
/// and each post's header block, profile tail, body and end-of-post run; then assign roles by zone.
struct PageStructureBuilder {
    let tree: SyntaxTree
    let source: SourceText
    let lines: [LineText]
    let match: [ChromeMatch?]
    /// Post header lines (sparse: few lines are headers).
    let header: [Int: PostHeaderMatch]
    var roles: [LineRole]
    let n: Int

    init(tree: SyntaxTree) {
        self.tree = tree
        self.source = tree.source
        let lines = LineTexts.build(tree)
        self.lines = lines
        self.n = lines.count
        var match = [ChromeMatch?](repeating: nil, count: lines.count)
        var header: [Int: PostHeaderMatch] = [:]
        for (i, line) in lines.enumerated() where !line.isBlank || line.isJammerOnly {
            if line.isJammerOnly {
                match[i] = ChromeMatch(kind: .jammerOnly, scope: .anywhere, endsPost: false)
                continue
            }
            if line.blocks.contains(.code) { continue }
            if let h = ChromeCatalog.postHeader(line.text) { header[i] = h } else { match[i] = ChromeCatalog.classify(line.text) }
        }
        self.match = match
        self.header = header
        self.roles = lines.map { $0.isBlank ? .blank : .content }
    }

    private static let u = Bytes.u
    /// Keys of the `- Key: value` lines a forum export puts under its `# Title`.
    static let exportKeys: Set<String> = ["author", "by", "poster", "game", "mod page", "forum", "board", "date", "posted",
                                          "source", "url", "link", "category", "tags", "version", "thread", "topic", "site"]
    static let labelEnds: [StaticString] = ["。", ".", "!", "！", "?", "？", ";", "；", ",", "，"]
    static let titleAnchors = [u("Thread: "), u("查看完整版本: "), u("查看完整版本:"), u("Post subject: ")]
    static let bulletPrefixes: [StaticString] = ["- ", "* ", "• ", "> "]
    static let titleEnds: [StaticString] = ["。", ".", ",", ";", ":", "，", "；", "："]

    func text(_ i: Int) -> ArraySlice<UInt8> { lines[i].text[...] }

    func nextNonBlank(_ i: Int, limit: Int? = nil) -> Int? {
        var j = i
        let end = limit ?? n
        while j < end { if !lines[j].isBlank { return j }; j += 1 }
        return nil
    }

    func previousNonBlank(_ i: Int, floor: Int = 0) -> Int? {
        var j = i
        while j >= floor { if !lines[j].isBlank { return j }; j -= 1 }
        return nil
    }

    /// A short line that is not prose: no sentence-final punctuation, no URL, at most `maxWidth` wide.
    func isShortLabel(_ i: Int, maxWidth: Int = 48) -> Bool {
        let t = text(i)
        guard !t.isEmpty, LineText.width(t) <= maxWidth, !Bytes.hasURL(t) else { return false }
        for end in Self.labelEnds where Bytes.hasSuffix(t, end) { return false }
        return true
    }

    mutating func build() -> PageStructure {
        var chrome = [ChromeKind?](repeating: nil, count: n)
        var bodyStart = 0
        var hasChrome = false

        // 1. Front matter: `---` / `key: value` / `---` at the top, or `# Title` + `- Key: value` lines.
        var title: String?
        var titleLine: Int?
        var exportMode = false
        var frontAuthor: (line: Int, name: String?)?
        if let first = nextNonBlank(0) {
            if text(first).elementsEqual([0x2D, 0x2D, 0x2D]) {
                var j = first + 1
                var closing: Int?
                while j < min(n, first + 40) {
                    let t = text(j)
                    if t.elementsEqual([0x2D, 0x2D, 0x2D]) { closing = j; break }
                    if !t.isEmpty && keyValue(t) == nil { break }
                    j += 1
                }
                if let close = closing {
                    exportMode = true
                    for k in first...close where !lines[k].isBlank {
                        if let (key, value) = keyValue(text(k)), key == "title" {
                            title = cleanTitle(unquote(value))
                            titleLine = k
                        } else {
                            chrome[k] = .frontMatter
                        }
                    }
                    bodyStart = close + 1
                }
            } else if Bytes.hasPrefix(text(first), [0x23, 0x20]) {
                var j = first + 1
                var count = 0
                var author: String?
                while j < n, Bytes.hasPrefix(text(j), [0x2D, 0x20]), let (key, value) = keyValue(text(j).dropFirst(2)),
                      Self.exportKeys.contains(key) {
                    if key == "author" || key == "by" || key == "poster" { author = value }
                    count += 1
                    j += 1
                }
                if count >= 2 {
                    exportMode = true
                    title = cleanTitle(String(decoding: text(first).dropFirst(2), as: UTF8.self))
                    titleLine = first
                    for k in (first + 1)..<j { chrome[k] = .frontMatter }
                    frontAuthor = (first + 1, author)
                    bodyStart = j
                }
            }
        }

        // 2. Title from page anchors: `[复制链接]` under it, `Thread: X`, `查看完整版本: X`, `Post subject: X`.
        var titleAnchored = false
        if titleLine == nil {
            // `[复制链接]` (Discuz) or `Thread starter X` (XenForo) right under the title.
            if let copy = (0..<n).first(where: { match[$0]?.kind == .copyLink || Bytes.hasPrefix(text($0), "Thread starter ") }),
               let t = previousNonBlank(copy - 1, floor: max(0, copy - 4)), match[t] == nil, header[t] == nil {
                title = cleanTitle(lines[t].string)
                titleLine = t
                titleAnchored = true
            }
        }
        if titleLine == nil {
            for i in 0..<min(n, 400) where !lines[i].isBlank {
                let t = text(i)
                // Anchors live in the page header: stop at the first paragraph of prose.
                if match[i] == nil && header[i] == nil && LineText.width(t) > 100 { break }
                var rest: ArraySlice<UInt8>?
                for p in Self.titleAnchors where Bytes.hasPrefix(t, p) { rest = t.dropFirst(p.count) }
                if let r = rest, !r.isEmpty, LineText.width(r) <= 200 {
                    title = cleanTitle(String(decoding: r, as: UTF8.self))
                    titleLine = i
                    titleAnchored = true
                    break
                }
            }
        }
        // 3. Fallback: the first line after the leading chrome run, when it reads like a title.
        var leadingRunEnd = 0
        if titleLine == nil, !exportMode {
            leadingRunEnd = leadingChromeRun()
            if let first = nextNonBlank(leadingRunEnd), isTitleLike(first) {
                let t = text(first)
                let body = Bytes.hasPrefix(t, [0x23, 0x20]) ? t.dropFirst(2) : t
                title = cleanTitle(String(decoding: body, as: UTF8.self))
                titleLine = first
            }
            if let tl = titleLine {
                for k in 0..<tl where !lines[k].isBlank { chrome[k] = match[k]?.kind ?? .navigation }
                if tl > 0 && (0..<tl).contains(where: { !lines[$0].isBlank }) { hasChrome = true }
            }
        }
        if let tl = titleLine, titleAnchored {
            for k in 0..<tl where !lines[k].isBlank { chrome[k] = match[k]?.kind ?? .siteHeader }
            hasChrome = true
        }
        if exportMode { hasChrome = true }
        let afterTitle = max(bodyStart, (titleLine ?? -1) + 1)
        let isArchiver = titleLine.map { Bytes.hasPrefix(text($0), "查看完整版本") } ?? false

        // 4. Posts from header lines.
        var posts: [Post] = []
        var anchors: [Int] = []
        anchors = header.keys.filter { $0 >= afterTitle }.sorted()
        var lowerBound = afterTitle
        var a = 0
        var lastEndRun: Int?
        while a < anchors.count {
            let meta = anchors[a]
            let h = header[meta]!
            hasChrome = true
            // Header block: walk back over profile lines to the previous post's end.
            let blockStart = withUnsafeMutablePointer(to: &chrome) { headerBlockStart(meta: meta, lowerBound: lowerBound, chrome: $0) }
            chrome[meta] = .postMeta
            // Profile tail (vBulletin/phpBB/XenForo panels follow the header).
            var start = meta + 1
            var author = h.author
            if h.profileFollows {
                let (tailEnd, avatarName) = profileTail(after: meta, chrome: &chrome)
                start = tailEnd
                if author == nil { author = avatarName }
            }
            // Body end: end-of-post buttons, the next strong header's block, the reply box, or the end.
            var next = a + 1
            var end = n
            var endRun: Int?
            var j = start
            while j < n {
                if let hm = header[j], j > meta {
                    // Archiver pages (`查看完整版本: …`) head every post with a bare `X 发表于 DATE`.
                    if hm.isStrong || isArchiver { end = j; break }
                }
                if let m = match[j], m.endsPost, isButtonRun(from: j, minimum: 1) {
                    end = trailingProfileStart(before: j, floor: start, chrome: &chrome)
                    endRun = j
                    break
                }
                if let m = match[j], m.kind == .pageFooter, Bytes.hasPrefix(text(j), "您需要登录后才可以回帖") { end = j; endRun = j; break }
                if exportMode, isExportSeparator(j) { end = j; chrome[j] = .frontMatter; break }
                j += 1
            }
            while next < anchors.count && anchors[next] < end { next += 1 }
            if endRun == nil, next < anchors.count, end == anchors[next] {
                // The next post's header block is not part of this body.
                let nb = headerBlockStart(meta: end, lowerBound: start, chrome: nil)
                end = max(start, nb)
            }
            if let run = endRun { lastEndRun = run }
            // XenForo prints name, user title and date above `#N`: take the name and date from that block.
            var date = h.date
            if h.profileFollows && blockStart < meta {
                let (name, shown) = nameAndDate(in: blockStart..<meta)
                if author == nil { author = name }
                if date == nil { date = shown }
            }
            var post = makePost(headerLine: meta, startLine: blockStart, bodyStart: start, bodyEnd: end, index: posts.count,
                                floorShown: h.floor ?? floorLabelBefore(meta).0, floorText: floorLabelBefore(meta).1,
                                author: author, date: date)
            post.editedBy = editor(in: post.bodyLines)
            posts.append(post)
            lowerBound = end
            a = next
        }

        // 5. No header lines: one post. A name line followed by a date or counter line just under the
        //    title is its header (`删一` / `6 天前`); export front matter may name the author.
        if posts.isEmpty {
            var start = afterTitle
            var headerLine: Int?
            var author: String?
            var date: String?
            if let fa = frontAuthor {
                headerLine = fa.line
                author = fa.name
            } else if titleLine != nil, let (nameLine, dateLine) = nameDateHeader(after: afterTitle) {
                headerLine = nameLine
                author = lines[nameLine].string
                if Bytes.containsDate(text(dateLine)) { date = lines[dateLine].string }
                chrome[nameLine] = .postMeta
                chrome[dateLine] = .postMeta
                start = dateLine + 1
                hasChrome = true
            }
            // Leading chrome right under the title (counters, `Recommended Posts`) is not body.
            if titleLine != nil {
                while start < n, lines[start].isBlank || (match[start] != nil && match[start]!.scope != .footerOnly) {
                    if let m = match[start] { chrome[start] = m.kind; hasChrome = true }
                    start += 1
                }
            }
            var end = n
            var j = start
            while j < n {
                if let m = match[j], m.endsPost, isButtonRun(from: j, minimum: 2, endCounts: false) { end = j; lastEndRun = j; break }
                if let m = match[j], m.kind == .pageFooter, Bytes.hasPrefix(text(j), "您需要登录后才可以回帖") { end = j; lastEndRun = j; break }
                j += 1
            }
            if start < end || n > 0 {
                var post = makePost(headerLine: headerLine, startLine: headerLine ?? min(start, max(0, n - 1)),
                                    bodyStart: min(start, end), bodyEnd: end, index: 0, floorShown: nil, floorText: nil,
                                    author: author, date: date)
                post.editedBy = editor(in: post.bodyLines)
                posts.append(post)
            }
        }

        // 6. Roles. Body lines: only system-inserted chrome. Elsewhere: catalog chrome by scope.
        var inBody = [Bool](repeating: false, count: n)
        for post in posts { for k in post.bodyLines { inBody[k] = true } }
        let footerStart = lastEndRun ?? n
        var previousChrome: ChromeKind?
        for i in 0..<n where !lines[i].isBlank || lines[i].isJammerOnly {
            if i == titleLine { roles[i] = .title; previousChrome = nil; continue }
            if let k = chrome[i] { roles[i] = .chrome(k); previousChrome = k; continue }
            var kind: ChromeKind?
            if let m = match[i] {
                switch m.scope {
                case .anywhere: kind = m.kind
                case .outsideBody: if !inBody[i] { kind = m.kind }
                case .footerOnly: if !inBody[i] && i >= footerStart { kind = m.kind }
                }
            } else if header[i] != nil && !inBody[i] {
                kind = .postMeta
            } else if previousChrome == .guestBanner, text(i).elementsEqual([0x78]) || Bytes.equals(text(i), "×") {
                kind = .guestBanner
            }
            if let k = kind { roles[i] = .chrome(k); hasChrome = true }
            previousChrome = kind
        }
        return PageStructure(lines: lines, roles: roles, title: title, titleLine: titleLine, posts: posts, hasChrome: hasChrome)
    }

    // MARK: Pieces

    /// Walks back from a post header over its header block (floor label, floor jump, profile panel).
    /// When the walk reaches `lowerBound`, the whole stretch is chrome; else only catalog lines are.
    func headerBlockStart(meta: Int, lowerBound: Int, chrome: UnsafeMutablePointer<[ChromeKind?]>?) -> Int {
        var j = meta - 1
        var start = meta
        while j >= lowerBound {
            if lines[j].isBlank { j -= 1; continue }
            if let m = match[j], m.scope != .footerOnly || m.kind == .pageFooter {
                // The previous post's end-of-post buttons: the block runs unbroken from there.
                if m.endsPost { j = lowerBound - 1; break }
                start = j; j -= 1; continue
            }
            if header[j] != nil { break }
            if isShortLabel(j) { start = j; j -= 1; continue }
            break
        }
        let reachedBound = j < lowerBound
        if start < meta, let chrome = chrome {
            for k in start..<meta where !lines[k].isBlank {
                if let m = match[k] { chrome.pointee[k] = m.kind } else if reachedBound { chrome.pointee[k] = .profile }
            }
        }
        if !reachedBound {
            // Only the catalog-backed part counts as the block.
            var s = start
            while s < meta && (lines[s].isBlank || match[s] == nil) { s += 1 }
            return s
        }
        return start
    }

    /// In a header block: the first non-catalog one-word line directly followed by a catalog profile line
    /// (the user name above a user title), and the last line that is only a date.
    func nameAndDate(in block: Range<Int>) -> (String?, String?) {
        var name: String?
        var date: String?
        for k in block where !lines[k].isBlank {
            let t = text(k)
            if name == nil, match[k] == nil, header[k] == nil, isShortLabel(k, maxWidth: 24), !Bytes.contains(t, [0x20]),
               let next = nextNonBlank(k + 1, limit: block.upperBound), match[next]?.kind == .profile {
                name = lines[k].string
            }
            if match[k] == nil, LineText.width(t) <= 24, Bytes.englishDate(t) || Bytes.dateEnd(t, t.startIndex) == t.endIndex {
                date = lines[k].string
            }
        }
        return (name, date)
    }

    /// A user panel printed between a body and its end-of-post buttons (phpBB prosilver: name, `Posts:`,
    /// `Joined:`): at least one catalog profile line, optionally preceded by a short name line. Returns the
    /// first line of the panel (or `end` when there is none) and marks the panel as chrome.
    func trailingProfileStart(before end: Int, floor: Int, chrome: inout [ChromeKind?]) -> Int {
        var j = end - 1
        var first = end
        while j >= floor {
            if lines[j].isBlank { j -= 1; continue }
            guard let m = match[j], m.kind == .profile, m.scope == .outsideBody else { break }
            first = j
            j -= 1
        }
        guard first < end else { return end }
        if let name = previousNonBlank(first - 1, floor: floor), name == first - 1, match[name] == nil, header[name] == nil,
           isShortLabel(name, maxWidth: 24), !Bytes.contains(text(name), [0x20]) {
            first = name
        }
        for k in first..<end where !lines[k].isBlank { chrome[k] = match[k]?.kind ?? .profile }
        return first
    }

    /// The user panel after a vBulletin/phpBB/XenForo header: returns the first body line and the
    /// name from an `X's Avatar` line.
    func profileTail(after meta: Int, chrome: inout [ChromeKind?]) -> (Int, String?) {
        var last = -1
        var keyPending = false
        var avatar: String?
        var j = meta + 1
        var seen = 0
        while j < n && seen < 14 {
            if lines[j].isBlank { j += 1; continue }
            seen += 1
            let t = text(j)
            let low = Bytes.lower(t)
            if header[j] != nil { break }
            if let m = match[j], m.scope == .outsideBody, !m.endsPost {
                last = j
                keyPending = ChromeCatalog.keyOnly.contains(low)
                if Bytes.hasSuffix(low[...], "'s avatar") {
                    let name = t.dropLast(9)
                    let token = name.split(separator: 0x20).last.map { String(decoding: $0, as: UTF8.self) }
                    avatar = token
                }
            } else if keyPending && LineText.width(t) <= 40 {
                last = j
                keyPending = false
            } else if isShortLabel(j, maxWidth: 40) {
                keyPending = false
            } else {
                break
            }
            j += 1
        }
        guard last > meta else { return (meta + 1, nil) }
        for k in (meta + 1)...last where !lines[k].isBlank { chrome[k] = match[k]?.kind ?? .profile }
        return (last + 1, avatar)
    }

    /// A run of end-of-post button lines starting at `i` (blank lines allowed between) holding at least `minimum` lines.
    /// The run must be followed by the end, more chrome, a header or a short line (the next post's panel),
    /// never by prose: a lone `回复` followed by paragraphs is a reply's text (spec 4.5).
    func isButtonRun(from i: Int, minimum: Int, endCounts: Bool = true) -> Bool {
        var count = 0
        var j = i
        while j < n && j < i + 12 {
            if lines[j].isBlank { j += 1; continue }
            guard let m = match[j], m.endsPost || m.scope == .footerOnly || m.kind == .pageFooter else { break }
            count += 1
            j += 1
        }
        guard let after = nextNonBlank(j) else { return count >= minimum || (endCounts && count >= 1) }
        guard count >= minimum else { return false }
        return match[after] != nil || header[after] != nil || isShortLabel(after)
    }

    /// A weak `X 发表于 DATE` line right after a quote start is a quote header, not a post (spec 4.5).
    func isQuoteHeaderPosition(_ j: Int) -> Bool {
        lines[j].blocks.contains(.quote)
    }

    /// `---` in an export, followed by the next `### Post by` header or the end.
    func isExportSeparator(_ j: Int) -> Bool {
        guard text(j).elementsEqual([0x2D, 0x2D, 0x2D]) else { return false }
        guard let next = nextNonBlank(j + 1) else { return true }
        return header[next] != nil
    }

    /// The floor label within three lines above a header: (number, label).
    func floorLabelBefore(_ meta: Int) -> (Int?, String?) {
        var j = meta - 1
        var seen = 0
        while j >= 0 && seen < 3 {
            if lines[j].isBlank { j -= 1; continue }
            seen += 1
            if match[j]?.kind == .floorLabel {
                let label = lines[j].string
                switch label {
                case "楼主": return (1, label)
                case "沙发": return (2, label)
                case "板凳": return (3, label)
                case "地板": return (4, label)
                default:
                    var digits = 0
                    var value = 0
                    for b in lines[j].text where Bytes.isDigit(b) { value = value * 10 + Int(b - 0x30); digits += 1 }
                    return (digits > 0 ? value : nil, label)
                }
            }
            j -= 1
        }
        return (nil, nil)
    }

    func makePost(headerLine: Int?, startLine: Int, bodyStart: Int, bodyEnd: Int, index: Int, floorShown: Int?, floorText: String?,
                  author: String?, date: String?) -> Post {
        let floor = floorShown ?? index + 1
        let label = floorText ?? (floor == 1 ? "楼主" : "\(floor)#")
        let bodyLines = bodyStart..<max(bodyStart, bodyEnd)
        let bodyByteStart = bodyStart < n ? source.lineStarts[bodyStart] : source.count
        let bodyByteEnd = bodyEnd < n ? source.lineStarts[bodyEnd] : source.count
        let start = startLine < n ? source.lineStarts[startLine] : source.count
        return Post(headerLine: headerLine, headerRange: headerLine.map { lines[$0].textRange }, startLine: startLine, floor: floor, floorLabel: label, author: author, date: date,
                    editedBy: nil, bodyLines: bodyLines, range: ByteRange(start, max(start, bodyByteEnd)),
                    bodyRange: ByteRange(bodyByteStart, max(bodyByteStart, bodyByteEnd)))
    }

    /// The editor named by an edit notice in the body's first lines.
    func editor(in body: Range<Int>) -> String? {
        for i in body.prefix(6) where match[i]?.kind == .editNotice {
            let t = text(i)
            if Bytes.hasPrefix(t, ChromeCatalog.editNoticeDiscuz), let yu = Bytes.find(t, " 于 ") {
                return String(decoding: t[(t.startIndex + ChromeCatalog.editNoticeDiscuz.count)..<yu], as: UTF8.self)
            }
            let low = Bytes.lower(t)
            if Bytes.hasPrefix(low[...], ChromeCatalog.lastEditedBy) {
                let rest = t.dropFirst(ChromeCatalog.lastEditedBy.count)
                let name = rest.prefix { $0 != 0x3B && $0 != 0x20 && $0 != 0x2C }
                return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
            }
            if let by = Bytes.find(low[...], " by ") {
                let rest = t[(by + 4)...].prefix { $0 != 0x20 && $0 != 0xC2 }
                return rest.isEmpty ? nil : String(decoding: rest, as: UTF8.self)
            }
        }
        return nil
    }

    /// The name line and date/counter line of a header that shows no `发表于` (within three lines of `from`).
    func nameDateHeader(after from: Int) -> (Int, Int)? {
        var j = from
        var seen = 0
        while j < n && seen < 3 {
            if lines[j].isBlank || match[j]?.kind == .copyLink { j += 1; continue }
            seen += 1
            if match[j] == nil, header[j] == nil, isShortLabel(j, maxWidth: 24), !Bytes.containsDate(text(j)),
               !Bytes.contains(text(j), [0x3A]), let next = nextNonBlank(j + 1), next <= j + 2 {
                let t = text(next)
                let isDate = (Bytes.dateEnd(t, t.startIndex) ?? Bytes.relativeDateEnd(t, t.startIndex)) == t.endIndex
                if isDate || Bytes.isNumbersOnly(t) { return (j, next) }
            }
            return nil
        }
        return nil
    }

    /// The end of the run of navigation at the top of a page: catalog lines, short bullet items
    /// (three or more) and bare counters. 0 when the document starts with text.
    func leadingChromeRun() -> Int {
        var j = 0
        var bullets = 0
        var catalogOnlyEnd = 0
        var catalogOnly = true
        while j < n {
            if lines[j].isBlank { j += 1; if catalogOnly { catalogOnlyEnd = j }; continue }
            let t = text(j)
            if let m = match[j], m.scope != .anywhere || m.kind == .jammerOnly {
                j += 1
                if catalogOnly { catalogOnlyEnd = j }
                continue
            }
            if (Bytes.hasPrefix(t, "• ") || Bytes.hasPrefix(t, "· ")) && LineText.width(t) <= 26 {
                bullets += 1; catalogOnly = false; j += 1; continue
            }
            if Bytes.isNumbersOnly(t) { catalogOnly = false; j += 1; continue }
            break
        }
        return bullets >= 3 ? j : catalogOnlyEnd
    }

    /// A first line that reads like a title: short, not a sentence, not a list item or URL.
    func isTitleLike(_ i: Int) -> Bool {
        let line = lines[i]
        let t = line.text[...]
        guard LineText.width(t) <= 160, !Bytes.hasURL(t), !line.isPartlyStyled, nextNonBlank(i + 1) != nil else { return false }
        if line.blocks.contains(.code) || line.blocks.contains(.quote) || line.blocks.contains(.list) { return false }
        for p in Self.bulletPrefixes where Bytes.hasPrefix(t, p) { return false }
        for end in Self.titleEnds
        where Bytes.hasSuffix(t, end) { return false }
        if Bytes.contains(t, "，") || Bytes.contains(t, "。") { return false }
        // A greeting opens a post; it is not its title.
        let low = Bytes.lowerIfNeeded(t)
        if OutlineBuilder.greetings.contains(where: { Bytes.hasPrefix(low, $0) }) || Bytes.equals(low, "hi") { return false }
        return true
    }

    /// `key: value` with a short ASCII key (lower-cased) and its value; nil otherwise.
    func keyValue(_ t: ArraySlice<UInt8>) -> (String, String)? {
        guard let colon = t.firstIndex(of: 0x3A), colon > t.startIndex, colon - t.startIndex <= 24 else { return nil }
        for b in t[t.startIndex..<colon] where !(Bytes.isLetter(b) || b == 0x5F || b == 0x20 || b == 0x2D) { return nil }
        let key = String(decoding: Bytes.lower(t[t.startIndex..<colon]), as: UTF8.self)
        return (key, ChromeCatalog.trimmedString(t[(colon + 1)...]))
    }

    func unquote(_ s: String) -> String {
        if s.count >= 2, let f = s.first, let l = s.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
            return String(s.dropFirst().dropLast())
        }
        return s
    }

    /// A title as displayed: entities decoded, a leading `Re:` dropped, trimmed.
    func cleanTitle(_ s: String) -> String {
        var bytes = Bytes.decodeEntities(Array(s.utf8))[...]
        while bytes.first == 0x20 { bytes = bytes.dropFirst() }
        let low = Bytes.lower(bytes)
        if Bytes.hasPrefix(low[...], "re: ") { bytes = bytes.dropFirst(4) } else if Bytes.hasPrefix(low[...], "re:") { bytes = bytes.dropFirst(3) }
        return ChromeCatalog.trimmedString(bytes)
    }
}
