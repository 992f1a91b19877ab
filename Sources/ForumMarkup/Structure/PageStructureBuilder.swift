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
    let header: SparseLines<PostHeaderMatch>
    var roles: [LineRole]
    let n: Int

    init(tree: SyntaxTree) {
        self.tree = tree
        self.source = tree.source
        let lines = LineTexts.build(tree)
        self.lines = lines
        self.n = lines.count
        var match = [ChromeMatch?](repeating: nil, count: lines.count)
        var header = SparseLines<PostHeaderMatch>(count: lines.count)
        var scratch: [UInt8] = []
        // Index the lines in place (no copy of each `LineText`, so no reference counting per line).
        for i in lines.indices where !lines[i].text.isEmpty || lines[i].isJammerOnly {
            if lines[i].isJammerOnly {
                match[i] = ChromeMatch(kind: .jammerOnly, scope: .anywhere, endsPost: false)
                continue
            }
            if lines[i].blocks.contains(.code) { continue }
            if let h = ChromeCatalog.postHeader(lines[i].text) {
                header[i] = h
            } else {
                match[i] = ChromeCatalog.classify(lines[i].text, scratch: &scratch)
            }
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
    /// The XenForo line under a title (like Discuz's `[复制链接]`).
    static let threadStarter = u("Thread starter ")

    /// What a line is as a *landmark*: a line whose role reaches past its own paragraph in the rules
    /// below (chrome a post or the page ends at, chrome only counted in the page footer, the line under
    /// a title, a title anchor); nil for any other line. Post headers are not landmarks: where they
    /// move post ends, the post ends show it. `IncrementalFindings` re-analyses an edit locally only
    /// when no line of the edited paragraphs changes its landmark: a new document-wide rule here must
    /// name its lines in this function.
    static func landmark(_ text: ArraySlice<UInt8>) -> String? {
        if ChromeCatalog.postHeader(text) != nil { return nil }
        if let match = ChromeCatalog.classify(text), match.endsPost || match.scope == .footerOnly || match.kind == .copyLink {
            return "chrome \(match.kind) \(match.scope) \(match.endsPost)"
        }
        if Bytes.hasPrefix(text, threadStarter) || titleAnchors.contains(where: { Bytes.hasPrefix(text, $0) }) { return "anchor" }
        return nil
    }
    static let bulletPrefixes: [StaticString] = ["- ", "* ", "• ", "> "]
    static let titleEnds: [StaticString] = ["。", ".", ",", ";", ":", "，", "；", "："]

    func text(_ i: Int) -> ArraySlice<UInt8> { lines[i].text }

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
            if let copy = (0..<n).first(where: { match[$0]?.kind == .copyLink || Bytes.hasPrefix(text($0), Self.threadStarter) }),
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
        anchors = header.lines.filter { $0 >= afterTitle }
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
}
