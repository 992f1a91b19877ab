/// A forum engine whose tag set and argument grammars the analysis follows.
public enum Dialect: String, Sendable, CaseIterable {
    case discuz, phpbb, vbulletin, xenforo, mybb

    /// The bit of this dialect in `TagInfo.nativeIn`.
    public var bit: UInt8 {
        switch self {
        case .discuz: 1
        case .phpbb: 2
        case .vbulletin: 4
        case .xenforo: 8
        case .mybb: 16
        }
    }
}

/// How a tag behaves in the tree.
public enum TagClass: String, Sendable {
    /// Inline formatting (`b`, `color`, `size`): reopened after a mis-nested close; an unclosed one
    /// reaches to the end of its paragraph at most.
    case inline
    /// Block structure (`quote`, `list`, `table`, `align`): an unclosed one reaches to the end of its post.
    case block
    /// No closer (`*`, `hr`, `page`).
    case void
    /// Raw content (`code`, `noparse`, `img`): inner brackets are text up to the matching closer.
    case raw
    /// Meta/system tags (`index`, `attach`, `postbg`): not visible formatting.
    case meta
}

/// The argument grammar a tag's value is checked against.
public enum ArgumentGrammar: String, Sendable {
    /// Takes no argument.
    case none
    /// Any value accepted (or the grammar is too loose to check).
    case any
    /// Colour: a word/`#` run or `rgb(...)`/`rgba(...)` with digits, spaces and commas only.
    case color
    /// Font size: Discuz 1-2 digits or `Npx`/`Npt`; other dialects their own forms.
    case size
    /// Font family: anything without `[` or `<` (Discuz); letters, digits, spaces, `-` and commas elsewhere.
    case font
    /// `left`, `center`, `right` (and `justify` outside Discuz).
    case align
    /// `left` or `right`.
    case float
    /// Discuz paragraph `LH, TI, AL`.
    case paragraph
    /// List type: `1`, `a`, `A` (and `i`, `I` outside Discuz).
    case list
    /// A URL on one line, without `[`, `"` or `'` (quoted forms accepted outside Discuz).
    case url
    /// An e-mail address.
    case email
    /// Image size `W,H` or `WxH` (1-4 digits each).
    case imageSize
    /// A comma list of small numbers/percentages or colours (`table`, `td`, `tr`, `media`, `hide`).
    case list_of_values
    /// A heading level `1`..`3` (XenForo `heading`).
    case headingLevel
    /// Quote attribution (Discuz takes none; other engines a name and attributes).
    case quote
    /// Code language (Discuz takes none).
    case codeLanguage
}

/// One tag of the catalog.
public struct TagInfo: Sendable, Hashable {
    /// Lower-case canonical name.
    public let name: String
    /// Behaviour in the tree.
    public let tagClass: TagClass
    /// The grammar its argument follows.
    public let argument: ArgumentGrammar
    /// Whether an argument is required (`[url]` works bare; `[size]` needs one).
    public let argumentRequired: Bool
    /// Bit set of `Dialect.bit` for the engines that accept this tag out of the box; other engines
    /// still recognise it ("known elsewhere": paired if a closer exists, never an error).
    public let nativeIn: UInt8
    /// One sentence: what the tag does.
    public let summary: String

    /// True when `dialect` accepts the tag natively.
    public func isNative(in dialect: Dialect) -> Bool { nativeIn & dialect.bit != 0 }
    /// True for classes that reach to the end of a paragraph when unclosed and reopen after a mis-nest.
    public var isInlineStyle: Bool { tagClass == .inline }
}

/// The tags forumls knows: Discuz! X3 and the common phpBB / vBulletin / XenForo / MyBB ones, plus
/// the cross-engine extras people type anyway. Lookup is case-insensitive and allocation-free.
public enum TagCatalog {
    static let d = Dialect.discuz.bit, p = Dialect.phpbb.bit, v = Dialect.vbulletin.bit
    static let x = Dialect.xenforo.bit, m = Dialect.mybb.bit
    static let all: UInt8 = 31

    /// Every tag, in no particular order.
    public static let tags: [TagInfo] = [
        TagInfo(name: "b", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: all, summary: "Bold text."),
        TagInfo(name: "i", tagClass: .inline, argument: .any, argumentRequired: false, nativeIn: all, summary: "Italic text (`[i=s]` is Discuz's status italic, used by edit notices)."),
        TagInfo(name: "u", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: all, summary: "Underlined text."),
        TagInfo(name: "s", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: d | x | m, summary: "Struck-through text."),
        TagInfo(name: "strike", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Struck-through text."),
        TagInfo(name: "del", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Deleted (struck) text."),
        TagInfo(name: "ins", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Inserted (underlined) text."),
        TagInfo(name: "em", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Emphasised text."),
        TagInfo(name: "strong", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Strong text."),
        TagInfo(name: "color", tagClass: .inline, argument: .color, argumentRequired: true, nativeIn: all, summary: "Text colour: a name, `#hex` or `rgb(r, g, b)`."),
        TagInfo(name: "backcolor", tagClass: .inline, argument: .color, argumentRequired: true, nativeIn: d, summary: "Background colour (Discuz)."),
        TagInfo(name: "background", tagClass: .inline, argument: .color, argumentRequired: true, nativeIn: 0, summary: "Background colour (s9e)."),
        TagInfo(name: "highlight", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: v, summary: "Highlighted text (vBulletin)."),
        TagInfo(name: "size", tagClass: .inline, argument: .size, argumentRequired: true, nativeIn: all, summary: "Font size; the accepted units differ by forum."),
        TagInfo(name: "font", tagClass: .inline, argument: .font, argumentRequired: true, nativeIn: d | v | x | m, summary: "Font family."),
        TagInfo(name: "sup", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Superscript."),
        TagInfo(name: "sub", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Subscript."),
        TagInfo(name: "fly", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Scrolling text (Discuz custom tag, off by default)."),
        TagInfo(name: "tt", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Monospaced text."),
        TagInfo(name: "c", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Inline code (s9e)."),
        TagInfo(name: "url", tagClass: .inline, argument: .url, argumentRequired: false, nativeIn: all, summary: "A link: `[url]U[/url]` or `[url=U]text[/url]`."),
        TagInfo(name: "email", tagClass: .inline, argument: .email, argumentRequired: false, nativeIn: all, summary: "An e-mail link."),
        TagInfo(name: "qq", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: d, summary: "A QQ contact link (Discuz)."),
        TagInfo(name: "user", tagClass: .inline, argument: .any, argumentRequired: false, nativeIn: x, summary: "A user mention (XenForo)."),
        TagInfo(name: "mention", tagClass: .inline, argument: .any, argumentRequired: false, nativeIn: p, summary: "A user mention (phpBB)."),
        TagInfo(name: "thread", tagClass: .inline, argument: .any, argumentRequired: false, nativeIn: v, summary: "A link to a thread (vBulletin)."),
        TagInfo(name: "post", tagClass: .inline, argument: .any, argumentRequired: false, nativeIn: v, summary: "A link to a post (vBulletin)."),
        TagInfo(name: "ispoiler", tagClass: .inline, argument: .none, argumentRequired: false, nativeIn: x, summary: "Inline spoiler (XenForo 2.1+)."),
        TagInfo(name: "align", tagClass: .block, argument: .align, argumentRequired: true, nativeIn: d | m, summary: "Paragraph alignment."),
        TagInfo(name: "left", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: v | x, summary: "Left-aligned paragraph."),
        TagInfo(name: "center", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: v | x, summary: "Centred paragraph."),
        TagInfo(name: "right", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: v | x, summary: "Right-aligned paragraph."),
        TagInfo(name: "justify", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Justified paragraph."),
        TagInfo(name: "p", tagClass: .block, argument: .paragraph, argumentRequired: false, nativeIn: d, summary: "Paragraph with line height, indent and alignment (Discuz editor)."),
        TagInfo(name: "float", tagClass: .block, argument: .float, argumentRequired: true, nativeIn: d, summary: "Floated block (Discuz)."),
        TagInfo(name: "indent", tagClass: .block, argument: .any, argumentRequired: false, nativeIn: d | v | x, summary: "Indented block."),
        TagInfo(name: "quote", tagClass: .block, argument: .quote, argumentRequired: false, nativeIn: all, summary: "A quotation."),
        TagInfo(name: "spoiler", tagClass: .block, argument: .any, argumentRequired: false, nativeIn: x, summary: "Hidden until clicked."),
        TagInfo(name: "spoil", tagClass: .block, argument: .any, argumentRequired: false, nativeIn: 0, summary: "Hidden until clicked (custom tag)."),
        TagInfo(name: "hide", tagClass: .block, argument: .list_of_values, argumentRequired: false, nativeIn: d, summary: "Hidden content: reply or credits needed (Discuz)."),
        TagInfo(name: "free", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: d, summary: "Free part of a paid thread (Discuz)."),
        TagInfo(name: "list", tagClass: .block, argument: .list, argumentRequired: false, nativeIn: all, summary: "A list; items start with `[*]`."),
        TagInfo(name: "ul", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Bulleted list (s9e)."),
        TagInfo(name: "ol", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Numbered list (s9e)."),
        TagInfo(name: "li", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: 0, summary: "List item (s9e)."),
        TagInfo(name: "table", tagClass: .block, argument: .list_of_values, argumentRequired: false, nativeIn: d | x, summary: "A table of `[tr]` rows and `[td]` cells."),
        TagInfo(name: "tr", tagClass: .block, argument: .list_of_values, argumentRequired: false, nativeIn: d | x, summary: "A table row."),
        TagInfo(name: "td", tagClass: .block, argument: .list_of_values, argumentRequired: false, nativeIn: d | x, summary: "A table cell."),
        TagInfo(name: "th", tagClass: .block, argument: .list_of_values, argumentRequired: false, nativeIn: x, summary: "A table header cell."),
        TagInfo(name: "thead", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Table head (s9e)."),
        TagInfo(name: "tbody", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Table body (s9e)."),
        TagInfo(name: "heading", tagClass: .block, argument: .headingLevel, argumentRequired: true, nativeIn: x, summary: "A section heading, level 1-3 (XenForo 2.1+)."),
        TagInfo(name: "h1", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Heading level 1."),
        TagInfo(name: "h2", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Heading level 2."),
        TagInfo(name: "h3", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Heading level 3."),
        TagInfo(name: "h4", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Heading level 4."),
        TagInfo(name: "h5", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Heading level 5."),
        TagInfo(name: "h6", tagClass: .block, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Heading level 6."),
        TagInfo(name: "index", tagClass: .meta, argument: .none, argumentRequired: false, nativeIn: d, summary: "Table of contents of the first post; entries are `[#N]Title` (Discuz)."),
        TagInfo(name: "groupid", tagClass: .meta, argument: .any, argumentRequired: true, nativeIn: d, summary: "Group link (Discuz first post)."),
        TagInfo(name: "password", tagClass: .meta, argument: .none, argumentRequired: false, nativeIn: d, summary: "Password-protected post (Discuz)."),
        TagInfo(name: "attach", tagClass: .raw, argument: .any, argumentRequired: false, nativeIn: d | v | x, summary: "An attachment by id."),
        TagInfo(name: "attachimg", tagClass: .raw, argument: .none, argumentRequired: false, nativeIn: d, summary: "An attached image (Discuz editor drafts)."),
        TagInfo(name: "attachment", tagClass: .raw, argument: .any, argumentRequired: false, nativeIn: p, summary: "An attachment (phpBB)."),
        TagInfo(name: "postbg", tagClass: .raw, argument: .none, argumentRequired: false, nativeIn: d, summary: "Post background image (Discuz)."),
        TagInfo(name: "begin", tagClass: .raw, argument: .any, argumentRequired: false, nativeIn: d, summary: "Opening animation (Discuz)."),
        TagInfo(name: "code", tagClass: .raw, argument: .codeLanguage, argumentRequired: false, nativeIn: all, summary: "A code block; markup inside is text."),
        TagInfo(name: "php", tagClass: .raw, argument: .none, argumentRequired: false, nativeIn: v | x | m, summary: "PHP code block."),
        TagInfo(name: "html", tagClass: .raw, argument: .none, argumentRequired: false, nativeIn: v | x, summary: "HTML code block."),
        TagInfo(name: "icode", tagClass: .raw, argument: .none, argumentRequired: false, nativeIn: x, summary: "Inline code (XenForo)."),
        TagInfo(name: "plain", tagClass: .raw, argument: .none, argumentRequired: false, nativeIn: x, summary: "Unparsed text (XenForo)."),
        TagInfo(name: "noparse", tagClass: .raw, argument: .none, argumentRequired: false, nativeIn: v, summary: "Unparsed text."),
        TagInfo(name: "pre", tagClass: .raw, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Preformatted text."),
        TagInfo(name: "img", tagClass: .raw, argument: .imageSize, argumentRequired: false, nativeIn: all, summary: "An image by URL (`[img=W,H]` sets its size)."),
        TagInfo(name: "media", tagClass: .raw, argument: .any, argumentRequired: false, nativeIn: d | x, summary: "Embedded media by URL."),
        TagInfo(name: "audio", tagClass: .raw, argument: .any, argumentRequired: false, nativeIn: d, summary: "Embedded audio (Discuz)."),
        TagInfo(name: "flash", tagClass: .raw, argument: .list_of_values, argumentRequired: false, nativeIn: d, summary: "Embedded Flash (Discuz)."),
        TagInfo(name: "swf", tagClass: .raw, argument: .none, argumentRequired: false, nativeIn: d, summary: "Embedded Flash (Discuz)."),
        TagInfo(name: "video", tagClass: .raw, argument: .any, argumentRequired: false, nativeIn: v | m, summary: "Embedded video."),
        TagInfo(name: "youtube", tagClass: .raw, argument: .none, argumentRequired: false, nativeIn: 0, summary: "Embedded YouTube video."),
        TagInfo(name: "sigpic", tagClass: .raw, argument: .none, argumentRequired: false, nativeIn: v, summary: "Signature picture (vBulletin)."),
        TagInfo(name: "*", tagClass: .void, argument: .none, argumentRequired: false, nativeIn: all, summary: "A list item."),
        TagInfo(name: "hr", tagClass: .void, argument: .none, argumentRequired: false, nativeIn: d | m, summary: "A horizontal rule."),
        TagInfo(name: "page", tagClass: .void, argument: .none, argumentRequired: false, nativeIn: d, summary: "Page break inside the first post (Discuz)."),
    ]

    /// Looks a tag name up, ignoring ASCII case. Returns nil for names not in the catalog.
    public static func lookup(_ name: String) -> TagInfo? {
        var bytes = Array(name.utf8)
        return bytes.withUnsafeMutableBufferPointer { lookup(UnsafeBufferPointer($0)) }
    }

    /// Looks a tag name up from its bytes, ignoring ASCII case.
    public static func lookup(_ name: UnsafeBufferPointer<UInt8>) -> TagInfo? {
        let i = index(of: name)
        return i < 0 ? nil : tags[i]
    }

    /// The index in `tags` of the tag named `name` (ASCII case ignored), or -1.
    public static func index(of name: UnsafeBufferPointer<UInt8>) -> Int {
        guard name.count > 0, name.count <= maxNameLength else { return -1 }
        let key = hashKey(name)
        guard let candidates = table[key] else { return -1 }
        for index in candidates {
            let entry = nameBytes[index]
            if entry.count != name.count { continue }
            var equal = true
            for k in 0..<entry.count where asciiLower(name[k]) != entry[k] {
                equal = false
                break
            }
            if equal { return index }
        }
        return -1
    }

    /// The longest name in the catalog, in bytes.
    public static let maxNameLength: Int = tags.map { $0.name.utf8.count }.max() ?? 0

    static let nameBytes: [[UInt8]] = tags.map { Array($0.name.utf8) }

    static let table: [Int: [Int]] = {
        var table: [Int: [Int]] = [:]
        for (index, bytes) in nameBytes.enumerated() {
            let key = bytes.withUnsafeBufferPointer { hashKey($0) }
            table[key, default: []].append(index)
        }
        return table
    }()

    @inline(__always)
    static func asciiLower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

    @inline(__always)
    static func hashKey(_ name: UnsafeBufferPointer<UInt8>) -> Int {
        var h = name.count
        for b in name { h = h &* 31 &+ Int(asciiLower(b)) }
        return h
    }

    /// True when some catalog name starts with `prefix` (ASCII case ignored); used to recognise a
    /// tag cut off mid-name.
    public static func isNamePrefix(_ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        guard prefix.count > 0 else { return false }
        outer: for entry in nameBytes where entry.count > prefix.count {
            for k in 0..<prefix.count where asciiLower(prefix[k]) != entry[k] { continue outer }
            return true
        }
        return false
    }
}
