/// What one line of a document is, as far as page structure goes.
public enum LineRole: Sendable, Hashable {
    /// No visible text (empty, whitespace-only, or junk openers only).
    case blank
    /// Authored text (a post body line, or any line of a document without chrome).
    case content
    /// The line that shows the thread or document title (never chrome, never a heading).
    case title
    /// Page furniture of the given kind.
    case chrome(ChromeKind)
}

/// One post (floor) of a thread, or the single post of a document without forum chrome.
public struct Post: Sendable, Hashable {
    /// The 0-based line of the post's header (the `发表于` / `Posted:` / `### Post by` line, or the
    /// author line of a name-and-date header); nil for a post whose header is not shown.
    public var headerLine: Int?
    /// Bytes of the header line's visible text, or nil when the post has no header line.
    public var headerRange: ByteRange?
    /// The 0-based first line of the post's header block (floor label, profile panel), or of its
    /// body when it has no header.
    public var startLine: Int
    /// 1 for the thread's first post, then 2, 3, … (from the label or header when shown, else by order).
    public var floor: Int
    /// The floor as labelled: `楼主`, `沙发`, `5#`; `楼主` / `N#` when the page shows no label.
    public var floorLabel: String
    /// The author from the post header only (spec 6b); nil when the header shows no name.
    public var author: String?
    /// The post date as shown (relative dates kept as text); nil when none is shown.
    public var date: String?
    /// The editor named in the post's edit notice (`本帖最后由 X 于 … 编辑`), if any.
    public var editedBy: String?
    /// The 0-based lines of the post body, half-open (may be empty).
    public var bodyLines: Range<Int>
    /// Bytes of the whole post: header block start to body end (before the end-of-post buttons).
    public var range: ByteRange
    /// Bytes of the body lines.
    public var bodyRange: ByteRange
}

/// The structure of one document, computed once per document version and read by both the outline
/// and the clean-up rules, so that there is one chrome detector (STYLE.md).
///
/// Lines are 0-based. Every line has a role; chrome lines carry a `ChromeKind`. Chrome detection is
/// deliberately precise: catalog patterns apply only where spec section 4.5/6b allows (never inside a
/// post body except system-inserted lines such as edit notices, attachments and jammer-only lines;
/// page-footer patterns only after the last end-of-post marker; a line mixing chrome and content is
/// not chrome). Everything above an anchored thread title, and a profile block that runs unbroken into
/// its post header, is chrome as a zone.
public struct PageStructure: Sendable {
    /// The visible text of every line (tags stripped using the syntax tree's text leaves).
    public let lines: [LineText]
    /// The role of every line.
    public let roles: [LineRole]
    /// The thread or document title (reply prefix `Re:` dropped, entities decoded), or nil.
    public let title: String?
    /// The 0-based line showing the title, or nil.
    public let titleLine: Int?
    /// The posts in document order (at least one for a non-empty document).
    public let posts: [Post]
    /// Runs of chrome lines (blank lines between chrome lines join a run), as 0-based closed line ranges.
    public let chromeRuns: [ClosedRange<Int>]
    /// True when the document shows forum chrome (a scraped page or an export), false for a raw post.
    public let hasChrome: Bool

    /// The chrome kind of 0-based line `line`, or nil when it is not chrome (or out of range).
    public func chromeKind(ofLine line: Int) -> ChromeKind? {
        guard line >= 0 && line < roles.count, case .chrome(let kind) = roles[line] else { return nil }
        return kind
    }

    /// True when 0-based line `line` is chrome.
    public func isChrome(line: Int) -> Bool { chromeKind(ofLine: line) != nil }

    /// The index in `posts` of the post whose header block or body holds 0-based line `line`, or nil.
    public func postIndex(containingLine line: Int) -> Int? {
        var low = 0, high = posts.count - 1, found: Int?
        while low <= high {
            let mid = (low + high) / 2
            if posts[mid].startLine <= line { found = mid; low = mid + 1 } else { high = mid - 1 }
        }
        guard let f = found, line < max(posts[f].bodyLines.upperBound, posts[f].startLine + 1) else { return nil }
        return f
    }

    /// The 0-based body end lines of all posts as byte offsets, sorted: the `blockLimits` for a re-parse
    /// that stops unclosed block tags at their post's end.
    public var bodyEndOffsets: [Int] { posts.map { $0.bodyRange.end } }

    /// Analyses the lines of `tree`'s document. Linear in the document size; never fails.
    public init(tree: SyntaxTree) {
        var builder = PageStructureBuilder(tree: tree)
        self = builder.build()
    }

    init(lines: [LineText], roles: [LineRole], title: String?, titleLine: Int?, posts: [Post], hasChrome: Bool) {
        self.lines = lines
        self.roles = roles
        self.title = title
        self.titleLine = titleLine
        self.posts = posts
        self.hasChrome = hasChrome
        var runs: [ClosedRange<Int>] = []
        var start = -1, last = -1
        for (i, role) in roles.enumerated() {
            switch role {
            case .chrome:
                if start < 0 { start = i }
                last = i
            case .blank:
                continue
            default:
                if start >= 0 { runs.append(start...last); start = -1 }
            }
        }
        if start >= 0 { runs.append(start...last) }
        self.chromeRuns = runs
    }
}
