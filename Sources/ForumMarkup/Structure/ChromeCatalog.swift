/// What a chrome line is: the page furniture of a scraped thread page (spec section 4).
public enum ChromeKind: String, Sendable, CaseIterable {
    /// Site name, slogan, `<title>` residue and everything above the thread title.
    case siteHeader = "site-header"
    /// Login/register/search links, breadcrumbs, menus, pagination.
    case navigation
    /// View and reply counters (`查看: 39987|回复: 0`, `Results 1 to 8 of 8`).
    case counters
    /// `[复制链接]` under the title.
    case copyLink = "copy-link"
    /// The user panel: stats, labels, group titles, medals, sign-in info, avatars.
    case profile
    /// Star alt text `Rank: 8Rank: 8`.
    case rankLine = "rank-line"
    /// `跳转到指定楼层`, `电梯直达`.
    case floorJump = "floor-jump"
    /// A floor label alone on a line (`楼主`, `沙发`, `5#`).
    case floorLabel = "floor-label"
    /// A post header line (`发表于 <date> | 只看该作者`, `Posted: <date>`, `### Post by X`).
    case postMeta = "post-meta"
    /// A system edit notice (`本帖最后由 X 于 DATE 编辑`, `Last edited by …`).
    case editNotice = "edit-notice"
    /// The guest banner and login wall at the top of a post (`马上注册…`, lone `x`).
    case guestBanner = "guest-banner"
    /// End-of-post buttons (`回复`, `使用道具 举报`, `Reply With Quote`, reactions).
    case postButtons = "post-buttons"
    /// The page footer after the last post (`本版积分规则`, `Powered by …`, ICP numbers).
    case pageFooter = "page-footer"
    /// Attachment and image residue (`a.png (60.54 KB, 下载次数: 0)`, `下载附件`).
    case attachment
    /// A line of nothing but Discuz anti-scrape jammer text.
    case jammerOnly = "jammer-only"
    /// Text rendered from markup by the engine (`复制代码`, hidden-content and moderation notices).
    case blockResidue = "block-residue"
    /// Login walls and reading-time banners inside a post (`部分链接隐藏,注册或登陆后显示`).
    case notice
    /// Forum-export front matter (`---`, `date:`, `forum:`) and export post separators.
    case frontMatter = "front-matter"
}

/// Where a catalog pattern may be trusted.
public enum ChromeScope: Sendable {
    /// Chrome wherever it appears, post bodies included (edit notices, attachments, jammer-only lines).
    case anywhere
    /// Chrome only outside post bodies (a lone `回复` inside a body is a reply, spec 4.5).
    case outsideBody
    /// Chrome only in the page footer zone, after the last end-of-post marker (`Powered by`, `ICP备`).
    case footerOnly
}

/// A line the catalog recognises.
public struct ChromeMatch: Sendable, Hashable {
    /// What the line is.
    public var kind: ChromeKind
    /// Where the pattern may be trusted.
    public var scope: ChromeScope
    /// True for lines that end a post (the footer button run).
    public var endsPost: Bool
}

/// A post header line: where a post starts and what it shows.
public struct PostHeaderMatch: Sendable, Hashable {
    /// The author shown on the header, if any.
    public var author: String?
    /// The date as shown (relative dates kept as text), if any.
    public var date: String?
    /// The floor number the header shows (`Post #81`, `#3`), if any.
    public var floor: Int?
    /// True when the header cannot be a quote header (it has the `| 只看该作者` tail, or an engine form).
    public var isStrong: Bool
    /// True for vBulletin/phpBB/XenForo headers, whose profile panel follows the header.
    public var profileFollows: Bool
}

/// Line patterns of forum chrome per engine (spec section 4), matched on a `LineText`'s bytes with
/// hand-written matchers. The catalog knows nothing of context: `PageStructure` decides where each
/// pattern applies (scopes, zones, spec 4.5 and 6b).
public enum ChromeCatalog {
    private static func table(_ entries: [(ChromeKind, ChromeScope, Bool, [String])]) -> [[UInt8]: ChromeMatch] {
        var result: [[UInt8]: ChromeMatch] = [:]
        for (kind, scope, ends, words) in entries {
            for word in words { result[Bytes.lower(Array(word.utf8)[...])] = ChromeMatch(kind: kind, scope: scope, endsPost: ends) }
        }
        return result
    }

    /// Whole-line patterns (ASCII lower-cased, whitespace folded).
    static let exact: [[UInt8]: ChromeMatch] = table([
        (.navigation, .outsideBody, false, [
            "设为首页收藏本站", "设为首页", "收藏本站", "找回密码", "立即注册", "注册", "登录", "/", "QQ登录", "微信登录",
            "只需一步,快速开始", "只需一步，快速开始", "搜索", "扫一扫,访问微社区", "点击注册", "收起左侧", "打印 上一主题 下一主题",
            "返回列表", "返回列表 发帖", "发帖", "发新帖", "快捷导航", "首页", "论坛", "门户", "导读", "家园", "快速开始",
            "skip to content", "jump to content", "board index", "recommended posts", "author message", "offline", "online",
            "post reply", "post new topic", "jump to page", "go down", "quick navigation", "sign in", "sign up", "log in",
            "register", "search", "›", ">", "»", "more...", "home", "forums", "what's new", "new posts", "latest activity",
            "members", "find threads", "watched threads", "post thread", "unread posts", "账号", "密码", "自动登录", "关闭", "退出", "我的收藏", "设置",
        ]),
        (.copyLink, .outsideBody, false, ["[复制链接]", "[ 复制链接 ]", "复制链接", "[复制链接 ]", "[ 复制链接]"]),
        (.profile, .outsideBody, false, [
            "主题", "帖子", "回帖", "积分", "威望", "金钱", "贡献", "精华", "好友", "听众", "收听", "发消息", "串个门", "加好友", "打招呼",
            "该用户从未签到", "TA的每日心情", "新手上路", "注册会员", "中级会员", "高级会员", "金牌会员", "论坛元老", "管理员", "超级版主",
            "版主", "实习版主", "禁止发言", "限制会员", "首席版主", "禁止访问", "等待验证", "查看详细资料", "在线", "离线",
            "thread starter", "join date", "location", "posts", "user avatar", "messages", "reaction score", "points",
            "new member", "well-known member", "staff member", "moderator", "registered user", "junior member",
            "senior member", "administrator", "banned", "guest", "joined", "member",
            // vBulletin post-icon alt text, shown between the user panel and the body.
            "wink", "smile", "cool", "thumbs up", "thumbs down", "exclamation", "lightbulb", "talking", "red face", "frown",
        ]),
        (.floorJump, .outsideBody, false, ["跳转到指定楼层", "电梯直达"]),
        (.floorLabel, .outsideBody, false, ["楼主", "沙发", "板凳", "地板", "地下室", "推荐"]),
        (.postButtons, .outsideBody, true, [
            "回复", "支持 反对", "使用道具 举报", "分享 收藏 淘帖 支持 反对", "分享 收藏 支持 反对", "收藏 分享", "评分", "举报",
            "点评", "回复 举报", "回复 引用", "回复 引用 举报", "top", "quote", "reply", "report", "reply with quote",
            "report this post", "like reply report", "reply report", "link to comment", "share on other sites",
            "quote multiquote", "back to top", "find reply quote report", "multiquote", "like", "share", "reply quote",
        ]),
        (.pageFooter, .footerOnly, false, [
            "本版积分规则", "发表回复", "回帖后跳转到最后一页", "热门推荐", "快速回复 返回顶部 返回列表", "返回版块", "快速回复", "返回顶部",
            "who is online", "similar threads", "share:", "create new...", "• create new...", "返回顶部 返回列表",
        ]),
        (.blockResidue, .anywhere, false, [
            "复制代码", "下载附件", "保存到相册", "点击文件名下载附件", "本帖隐藏的内容", "click to expand...", "本帖为密码帖",
            "登录/注册后可看大图", "游客,如果您要查看本帖隐藏内容请回复", "游客，如果您要查看本帖隐藏内容请回复",
        ]),
        (.guestBanner, .anywhere, false, ["马上注册,结交更多好友,享用更多功能,让你轻松玩转社区。"]),
    ])

    private static let u = Bytes.u
    static let maxExactLength = exact.keys.map(\.count).max() ?? 0

    /// The whole-line table, open-addressed by a hash of the lower-cased bytes: a lookup allocates nothing.
    static let exactTable = ExactLineTable(exact)

    /// The whole-line pattern `t` equals (ASCII case ignored), or nil.
    @inline(__always)
    static func exactMatch(_ t: ArraySlice<UInt8>) -> ChromeMatch? { exactTable.lookup(t) }

    static let editNoticeDiscuz = u("本帖最后由 ")
    static let editedSuffix = u("编辑")
    static let lastEditedBy = u("last edited by ")
    static let lastEdited = u("last edited:")
    static let smfLastEdit = u("« last edit:")
    static let registerBanner: [StaticString] = ["马上注册", "您需要 登录 才可以", "您需要登录才可以下载"]
    static let footerPrefixes: [StaticString] = ["return to ", "privacy | terms", "terms and rules", "您需要登录后才可以回帖", "powered by", "gmt+", "archiver", "©", "copyright ©",
                                 "all times are ", "forum software by", "you must log in or register",
                                 "users browsing", "who is online", "公网安备", "processed in"]
    static let navPrefixes: [StaticString] = ["热搜:", "热搜：", "it is currently ", "post new topic", "goto page", "go to page",
                              "view previous topic", "board index", "display posts from previous", "上一页", "jump to", "pages ("]
    static let profilePrefixes: [StaticString] = ["thread starter ", "start date ", "签到天数", "[lv.", "注册时间", "最后登录", "在线时间", "阅读权限", "uid ",
                                  "posts: ", "joined: ", "location: ", "liked others: ", "was liked: ",
                                  "join date: ", "messages: ", "reaction score: ", "points: ", "contact:",
                                  "reputation: ", "threads: ", "rank: "]
    static let profileKeyValue: [StaticString] = ["积分", "威望", "金钱", "贡献", "精华", "好友", "听众", "收听", "主题", "帖子", "回帖", "UID",
                                  "Posts", "Messages", "Points", "Reaction score", "Join Date", "Joined"]
    /// Profile labels shown alone on a line with their value on the next line (vBulletin, XenForo).
    static let keyOnly: Set<[UInt8]> = Set(["join date", "location", "posts", "messages", "reaction score", "points", "joined",
                                            "积分", "主题", "帖子", "回帖"].map(u))
    /// Patterns looked for anywhere in a short line: bit 0 attachment, then notices, then footer residue.
    static let noticeContains = ["注册或登陆后显示", "注册或登录后显示", "登录后可见", "登录后显示", "回复后可见",
                                 "本帖隐藏的内容需要", "作者被禁止或删除", "该帖被管理员或版主屏蔽"]
    static let footerContains = ["icp备", "icp证", "processed in", "powered by discuz"]
    static let containsPatterns = PatternSet(["下载次数"] + noticeContains + footerContains)
    static let noticeBits: UInt64 = ((1 << UInt64(noticeContains.count)) - 1) << 1
    static let footerBits: UInt64 = ((1 << UInt64(footerContains.count)) - 1) << UInt64(1 + noticeContains.count)
    static let rankPrefix = u("Rank: ")
    static let counterWords: [StaticString] = ["posts", "replies", "views", "messages", "topics", "reply", "post", "回复", "查看"]
    static let phpbbPosted: [StaticString] = ["postposted:", "posted:"]
    static let postBy: [StaticString] = ["post by ", "by "]
    static let reactionWords: [StaticString] = ["like", "love", "haha", "wow", "sad", "angry", "thanks", "upvote", "confused", "agree"]

    /// Classifies one line's normalised text (see `LineText.text`); nil when it matches no pattern.
    /// Whole-line patterns only: a line that mixes chrome and content matches nothing (spec 6b).
    public static func classify(_ text: [UInt8]) -> ChromeMatch? { classify(text[...]) }

    /// Classifies one line's normalised text given as a slice (any start index); see `classify(_:)`.
    public static func classify(_ text: ArraySlice<UInt8>) -> ChromeMatch? {
        var scratch: [UInt8] = []
        return classify(text, scratch: &scratch)
    }

    /// `classify(_:)` lower-casing into `scratch` (reused between calls), so a line allocates nothing.
    static func classify(_ text: ArraySlice<UInt8>, scratch: inout [UInt8]) -> ChromeMatch? {
        guard !text.isEmpty else { return nil }
        let t = text
        // Long lines are prose; only the edit notice may be long-ish.
        if text.count > 240 { return nil }
        // Branch-free flags (the loop vectorises): any byte >= 0x80, any ASCII upper-case letter.
        let (high, upperCount) = t.withUnsafeBufferPointer { buffer -> (UInt8, UInt8) in
            var high: UInt8 = 0, upper: UInt8 = 0
            for b in buffer {
                high |= b
                upper |= (b &- 0x41) < 26 ? 1 : 0
            }
            return (high, upper)
        }
        let nonASCII = high >= 0x80, upper = upperCount != 0
        let l: ArraySlice<UInt8>
        if upper {
            if scratch.count < t.count { scratch = [UInt8](repeating: 0, count: max(256, t.count)) }
            scratch.withUnsafeMutableBufferPointer { target in
                var k = 0
                for b in t {
                    target[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                    k += 1
                }
            }
            l = scratch[0..<t.count]
        } else {
            l = t
        }
        if text.count <= maxExactLength, let hit = exactMatch(t) { return hit }
        if nonASCII && Bytes.hasPrefix(t, editNoticeDiscuz) && Bytes.hasSuffix(t, editedSuffix) { return m(.editNotice, .anywhere) }
        if Bytes.hasPrefix(l, lastEditedBy) || Bytes.hasPrefix(l, lastEdited) || Bytes.hasPrefix(l, smfLastEdit) { return m(.editNotice, .anywhere) }
        if nonASCII { for p in registerBanner where Bytes.hasPrefix(t, p) { return m(.guestBanner, .anywhere) } }
        guard text.count <= 120 else { return nil }
        if Bytes.hasSuffix(t, ")") && Bytes.contains(t, " (") && (Bytes.contains(l, " kb,") || Bytes.contains(l, " mb,")) {
            return m(.attachment, .anywhere)
        }
        // One pass finds every "contains" pattern: attachments, notices, footer residue.
        let found = containsPatterns.matches(in: l)
        if nonASCII {
            if found & 1 != 0 { return m(.attachment, .anywhere) }
            if Bytes.hasSuffix(t, " 上传") && Bytes.containsDate(t) { return m(.attachment, .anywhere) }
            if Bytes.hasSuffix(t, "纯文本查看 复制代码") { return m(.blockResidue, .anywhere) }
            if found & noticeBits != 0 && LineText.width(t) <= 70 { return m(.notice, .anywhere) }
            if Bytes.hasPrefix(t, "本文共计") && Bytes.contains(t, "阅读") { return m(.notice, .anywhere) }
            if Bytes.hasPrefix(t, "提示:") && Bytes.contains(t, "屏蔽") { return m(.blockResidue, .anywhere) }
            if Bytes.hasPrefix(t, "回帖奖励") { return m(.profile, .outsideBody) }
        }
        if let c = counters(t, l) { return c }
        if isRankLine(t) { return m(.rankLine, .outsideBody) }
        if isFloorLabel(t) { return m(.floorLabel, .outsideBody) }
        for (p, match) in prefixTable[Int(l[l.startIndex])] where Bytes.hasPrefix(l, p) {
            if match.scope == .footerOnly && Bytes.contains(t, "。") { continue }
            return match
        }
        if Bytes.hasSuffix(l, "'s avatar") { return m(.profile, .outsideBody) }
        if isProfileKeyValue(t) { return m(.profile, .outsideBody) }
        if Bytes.isCount(t) { return m(.profile, .outsideBody) }
        if isReaction(l) { return ChromeMatch(kind: .postButtons, scope: .outsideBody, endsPost: true) }
        if found & footerBits != 0 { return m(.pageFooter, .footerOnly) }
        return nil
    }

    /// Prefix patterns (profile, navigation, page footer) bucketed by their first byte.
    static let prefixTable: [[(StaticString, ChromeMatch)]] = {
        var table = [[(StaticString, ChromeMatch)]](repeating: [], count: 256)
        for (patterns, kind, scope) in [(profilePrefixes, ChromeKind.profile, ChromeScope.outsideBody),
                                        (navPrefixes, .navigation, .outsideBody), (footerPrefixes, .pageFooter, .footerOnly)] {
            for p in patterns {
                table[Int(p.utf8Start[0])].append((p, ChromeMatch(kind: kind, scope: scope, endsPost: false)))
            }
        }
        return table
    }()

    private static func m(_ kind: ChromeKind, _ scope: ChromeScope) -> ChromeMatch {
        ChromeMatch(kind: kind, scope: scope, endsPost: false)
    }

    /// `查看: 146|回复: 3`, `查看26185 | 回复112`, `[ 106 posts ]`, `Results 1 to 8 of 8`, `12 replies`.
    static func counters(_ t: ArraySlice<UInt8>, _ l: ArraySlice<UInt8>) -> ChromeMatch? {
        if Bytes.hasPrefix(t, "查看") && Bytes.contains(t, "回复") {
            var digits = 0
            for b in t where Bytes.isDigit(b) { digits += 1 }
            if digits >= 2 && LineText.width(t) <= 40 { return m(.counters, .outsideBody) }
        }
        if Bytes.hasPrefix(l, "results ") && Bytes.contains(l, " of ") && Bytes.contains(l, " to ") { return m(.counters, .outsideBody) }
        if Bytes.hasPrefix(l, "[ ") && Bytes.hasSuffix(l, " posts ]") { return m(.counters, .outsideBody) }
        // `12 posts`, `3 replies`, `1,024 views`; `Page 1 of 3`.
        if let f = l.first, Bytes.isDigit(f), let space = l.firstIndex(of: 0x20), Bytes.isCount(l[l.startIndex..<space]) {
            let word = l[(space + 1)...]
            for w in counterWords where Bytes.equals(word, w) { return m(.counters, .outsideBody) }
        }
        if Bytes.hasPrefix(l, "page ") {
            let (end, n) = Bytes.digits(l, l.startIndex + 5)
            if n >= 1, Bytes.hasPrefix(l[end...], " of ") {
                let (end2, n2) = Bytes.digits(l, end + 4)
                if n2 >= 1 && end2 == l.endIndex { return m(.navigation, .outsideBody) }
            }
        }
        return nil
    }

    /// `Rank: 8Rank: 8`, `Rank: 2` (star alt text; a phpBB `Rank: 1d` is a profile field too).
    static func isRankLine(_ t: ArraySlice<UInt8>) -> Bool {
        let p = rankPrefix
        var i = t.startIndex
        var count = 0
        while i < t.endIndex {
            guard Bytes.hasPrefix(t[i...], p) else { return false }
            let (end, n) = Bytes.digits(t, i + p.count)
            guard n >= 1 else { return false }
            i = Bytes.skipSpaces(t, end)
            count += 1
        }
        return count >= 1
    }

    /// `5#`, `12楼`, `#3`, `来自 5#` alone on a line.
    static func isFloorLabel(_ t: ArraySlice<UInt8>) -> Bool {
        var s = t
        if Bytes.hasPrefix(s, "来自 ") { s = s.dropFirst(7) }
        if s.first == 0x23 {
            let (end, n) = Bytes.digits(s, s.startIndex + 1)
            return n >= 1 && n <= 6 && end == s.endIndex
        }
        let (end, n) = Bytes.digits(s, s.startIndex)
        guard n >= 1 && n <= 6 else { return false }
        let rest = s[end...]
        return rest.elementsEqual([0x23]) || Bytes.equals(rest, "楼")
    }

    /// `积分 4628`, `UID 123`: a profile label and a count.
    static func isProfileKeyValue(_ t: ArraySlice<UInt8>) -> Bool {
        guard let first = t.first else { return false }
        for key in profileKeyValue where key.utf8Start[0] == first && Bytes.hasPrefix(t, key) {
            let rest = t[(t.startIndex + key.utf8CodeUnitCount)...]
            let trimmed = rest.drop { $0 == 0x20 || $0 == 0x3A }
            if trimmed.count < rest.count || trimmed.isEmpty == false, Bytes.isCount(trimmed) { return true }
        }
        return false
    }

    /// `• Wow 3`, `Like 12`: a reaction counter.
    static func isReaction(_ l: ArraySlice<UInt8>) -> Bool {
        var s = l
        if Bytes.hasPrefix(s, "• ") { s = s.dropFirst(4) }
        if Bytes.hasPrefix(s, "reactions:") { return LineText.width(s) <= 60 }
        for word in reactionWords where Bytes.hasPrefix(s, word) {
            let rest = s.dropFirst(word.utf8CodeUnitCount)
            guard rest.first == 0x20 else { continue }
            if Bytes.isNumbersOnly(rest.dropFirst()) { return true }
        }
        return false
    }

    /// Recognises a post header line (spec 4 and 6): Discuz `发表于` meta lines, phpBB `Posted:` and
    /// `Post by X »`, forum exports `### Post by X on DATE`, SMF `« on: DATE »`, vBulletin `1. #1`.
    public static func postHeader(_ text: [UInt8]) -> PostHeaderMatch? { postHeader(text[...]) }

    /// `postHeader(_:)` of a slice (any start index).
    public static func postHeader(_ text: ArraySlice<UInt8>) -> PostHeaderMatch? {
        guard !text.isEmpty, text.count <= 400 else { return nil }
        let t = text
        if let at = Bytes.find(t, "发表于") {
            let dateStart = Bytes.skipSpaces(t, at + 9)
            guard let dateEnd = Bytes.dateEnd(t, dateStart) ?? Bytes.relativeDateEnd(t, dateStart) else { return nil }
            var authorBytes = t[t.startIndex..<at]
            while let last = authorBytes.last, last == 0x20 || last == 0x7C { authorBytes = authorBytes.dropLast() }
            if Bytes.hasSuffix(authorBytes, "楼主") { authorBytes = authorBytes.dropLast(6) }
            while let last = authorBytes.last, last == 0x20 || last == 0x7C { authorBytes = authorBytes.dropLast() }
            let author = authorBytes.isEmpty ? nil : String(decoding: authorBytes, as: UTF8.self)
            let tail = t[dateEnd...]
            let strong = Bytes.contains(tail, [0x7C]) || Bytes.contains(tail, "只看该作者") || Bytes.contains(tail, "显示全部楼层")
            return PostHeaderMatch(author: author, date: String(decoding: t[dateStart..<dateEnd], as: UTF8.self), floor: nil,
                                   isStrong: strong, profileFollows: false)
        }
        // The other forms start with `P`/`p`, `b`/`B`, `#`, `«` or a digit.
        let f = t[t.startIndex]
        guard f == 0x50 || f == 0x70 || f == 0x62 || f == 0x42 || f == 0x23 || f == 0xC2 || Bytes.isDigit(f) else { return nil }
        let l = Bytes.lowerIfNeeded(t)
        // phpBB: `Post #81 Posted: <date>`, `PostPosted: <date>`, `Posted: <date>`.
        var floor: Int?
        var rest = l
        if Bytes.hasPrefix(rest, "post #") {
            let (end, n) = Bytes.digits(rest, rest.startIndex + 6)
            if n >= 1 { floor = Int(String(decoding: rest[(rest.startIndex + 6)..<end], as: UTF8.self)); rest = rest[Bytes.skipSpaces(rest, end)...] }
        }
        for p in phpbbPosted where Bytes.hasPrefix(rest, p) {
            let dateStart = Bytes.skipSpaces(rest, rest.startIndex + p.utf8CodeUnitCount)
            guard Bytes.containsDate(rest[dateStart...]) else { return nil }
            // `dateStart` indexes `l`, which may be a lower-cased copy with other indices than `t`.
            return PostHeaderMatch(author: nil, date: trimmedString(t[(t.startIndex + (dateStart - l.startIndex))...]), floor: floor,
                                   isStrong: true, profileFollows: true)
        }
        // Exports and phpBB prosilver: `### Post by X on DATE`, `Post by X » DATE`, `by X » DATE`.
        var s = t
        while s.first == 0x23 { s = s.dropFirst() }
        s = s.drop { $0 == 0x20 }
        let sl = Bytes.lowerIfNeeded(s)
        for p in postBy where Bytes.hasPrefix(sl, p) {
            let nameStart = s.startIndex + p.utf8CodeUnitCount
            if let sep = Bytes.find(s, " » ") ?? Bytes.find(s, " on "), sep > nameStart {
                let dateStart = sep + (s[sep + 1] == 0xC2 ? 4 : 4)
                guard Bytes.containsDate(s[min(dateStart, s.endIndex)...]) else { return nil }
                return PostHeaderMatch(author: trimmedString(s[nameStart..<sep]), date: trimmedString(s[min(dateStart, s.endIndex)...]),
                                       floor: nil, isStrong: true, profileFollows: false)
            }
        }
        // SMF: `« on: September 08, 2013, 03:41:36 PM »`, `« Reply #3 on: … »`.
        if Bytes.hasPrefix(l, "« ") && Bytes.hasSuffix(l, " »") && Bytes.contains(l, "on: ") && Bytes.englishDate(l) {
            var f: Int?
            if let r = Bytes.find(l, "reply #") {
                let (end, n) = Bytes.digits(l, r + 7)
                if n >= 1 { f = Int(String(decoding: l[(r + 7)..<end], as: UTF8.self)).map { $0 + 1 } }
            }
            let on = Bytes.find(t, "on: ")!
            return PostHeaderMatch(author: nil, date: trimmedString(t[(on + 4)..<(t.endIndex - 3)]), floor: f, isStrong: true, profileFollows: false)
        }
        // vBulletin: `1. #1`, `#12`, `#3 (permalink)`.
        var v = t
        let (nEnd, n) = Bytes.digits(v, v.startIndex)
        if n >= 1 && n <= 6 && nEnd < v.endIndex && v[nEnd] == 0x2E { v = v[Bytes.skipSpaces(v, nEnd + 1)...] }
        if v.first == 0x23 {
            let (end, count) = Bytes.digits(v, v.startIndex + 1)
            if count >= 1 && count <= 6 && (end == v.endIndex || Bytes.hasPrefix(v[end...], " (permalink)")) {
                return PostHeaderMatch(author: nil, date: nil, floor: Int(String(decoding: v[(v.startIndex + 1)..<end], as: UTF8.self)),
                                       isStrong: true, profileFollows: true)
            }
        }
        return nil
    }

    static func trimmedString(_ s: ArraySlice<UInt8>) -> String {
        var s = s
        while s.first == 0x20 { s = s.dropFirst() }
        while s.last == 0x20 { s = s.dropLast() }
        return String(decoding: s, as: UTF8.self)
    }
}
