/// Block containers a line's text can sit in (from the syntax tree), as a bit set.
public struct BlockContext: OptionSet, Sendable, Hashable {
    /// The bits.
    public let rawValue: UInt8
    /// A set from its bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Inside `[quote]`.
    public static let quote = BlockContext(rawValue: 1)
    /// Inside `[code]`, `[php]`, `[html]`, `[noparse]`, `[pre]`, `[plain]`.
    public static let code = BlockContext(rawValue: 2)
    /// Inside `[list]`, `[ul]`, `[ol]`, `[li]`.
    public static let list = BlockContext(rawValue: 4)
    /// Inside `[table]`.
    public static let table = BlockContext(rawValue: 8)
    /// Inside `[hide]`, `[spoiler]`, `[spoil]`, `[free]`.
    public static let hidden = BlockContext(rawValue: 16)
}

/// One line of a document as a reader sees it: tags stripped (only the syntax tree's text leaves
/// are kept), whitespace folded, Discuz jammer noise at the line's edges removed.
///
/// So `[backcolor=transparent !important]一枝一叶总关情` reads as `一枝一叶总关情`, and a line holding
/// only junk openers reads as empty (spec 3.3: an empty paragraph).
public struct LineText: Sendable, Hashable {
    /// The visible text as UTF-8: tabs, U+00A0 and U+3000 folded to spaces, space runs collapsed to
    /// one, trimmed, jammer runs at either edge removed. Empty for blank and junk-only lines.
    /// A slice of one buffer shared by all lines of a document (no allocation per line): its indices
    /// are positions in that buffer, so index from `startIndex`, never from 0.
    public var text: ArraySlice<UInt8>
    /// Source bytes from the first to one past the last non-space byte of visible text on the line
    /// (an empty range at the line's start when there is none). Jammer is not excluded.
    public var textRange: ByteRange
    /// True when the line held a jammer run (anti-scrape noise) at an edge.
    public var hasJammer: Bool
    /// True when the line's text is nothing but jammer.
    public var isJammerOnly: Bool
    /// True when every visible text piece lies inside a bold element (`[b]`, `[strong]`).
    public var isAllBold: Bool
    /// The smallest Discuz-scale font size (1-7) that wraps every visible piece, 0 when some piece is unsized.
    public var wrappedSize: Int
    /// The heading level (1-6) of an `[h1]`-`[h6]` or `[heading=N]` wrapping every piece, else 0.
    public var wrappedHeading: Int
    /// True when some visible text is wrapped in an element and some is not.
    public var isPartlyStyled: Bool
    /// Block containers of any visible piece.
    public var blocks: BlockContext
    /// True when the text has a gap of three or more spaces between words (a table row or column layout).
    public var hasColumnGap: Bool

    /// True when the line shows no text.
    public var isBlank: Bool { text.isEmpty }
    /// The visible text as a string.
    public var string: String { String(decoding: text, as: UTF8.self) }
    /// Display width of `text`: ASCII and two-byte characters count 1, CJK and other wide characters 2.
    public var width: Int { LineText.width(text) }

    /// Display width of some UTF-8 bytes (see `width`).
    public static func width(_ bytes: ArraySlice<UInt8>) -> Int {
        var w = 0
        for b in bytes {
            if b < 0x80 { w += 1 } else if b >= 0xE0 { w += 2 } else if b >= 0xC0 { w += 1 }
        }
        return w
    }

    /// True when `bytes` hold a CJK ideograph or CJK punctuation (U+3000-U+9FFF, U+FF00-U+FFEF).
    public static func hasCJK(_ bytes: ArraySlice<UInt8>) -> Bool {
        for b in bytes where b >= 0xE3 && b <= 0xE9 { return true }
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            if bytes[i] == 0xEF && (bytes[i + 1] == 0xBC || bytes[i + 1] == 0xBD) { return true }
            i += 1
        }
        return false
    }
}

/// Builds the `LineText` of every line of a tree's document in one pass over the leaves.
public enum LineTexts {
    /// The line texts of `tree`'s document, one per line (index = 0-based line). Linear in the tree size.
    public static func build(_ tree: SyntaxTree) -> [LineText] {
        let source = tree.source
        let bytes = source.bytes
        let lineCount = source.lineCount
        // The text pieces of all lines, in order, in one buffer: line l owns flat[flatStart[l]..<flatEnd[l]].
        var flat: [UInt8] = []
        flat.reserveCapacity(bytes.count)
        var flatStart = [Int](repeating: 0, count: lineCount)
        var flatEnd = [Int](repeating: 0, count: lineCount)
        var firstText = [Int](repeating: -1, count: lineCount)
        var lastText = [Int](repeating: -1, count: lineCount)
        var allBold = [Bool](repeating: true, count: lineCount)
        var minSize = [Int](repeating: 99, count: lineCount)
        var minHeading = [Int](repeating: 99, count: lineCount)
        var styled = [UInt8](repeating: 0, count: lineCount) // bit 1: styled piece, bit 2: unstyled piece
        var blocks = [BlockContext](repeating: [], count: lineCount)

        struct Frame { var end: Int; var bold: Bool; var size: Int; var heading: Int; var blocks: BlockContext; var styled: Bool }
        var stack: [Frame] = []
        let roleByTag = roleByTagIndex
        var line = 0
        let lineStarts = source.lineStarts
        tree.nodes.withUnsafeBufferPointer { nodes in
        var index = 1
        while index < nodes.count {
            while let top = stack.last, top.end <= index { stack.removeLast() }
            let kind = nodes[index].kind
            if kind == .element {
                let parent = stack.last ?? Frame(end: 0, bold: false, size: 0, heading: 0, blocks: [], styled: false)
                var frame = Frame(end: nodes[index].subtreeEnd, bold: parent.bold, size: parent.size, heading: parent.heading,
                                  blocks: parent.blocks, styled: true)
                let tagIndex = Int(nodes[index].tagIndex)
                let role = tagIndex >= 0 && tagIndex < roleByTag.count ? roleByTag[tagIndex] : .other
                switch role {
                case .bold: frame.bold = true
                case .size:
                    let arg = nodes[index].argumentRange.map { Array(bytes[$0.start..<$0.end]) } ?? []
                    frame.size = max(parent.size, sizeRank(arg))
                case .heading(let fixed):
                    var level = fixed
                    if fixed == 0 {
                        level = 2
                        if let arg = nodes[index].argumentRange, arg.count >= 1, bytes[arg.start] >= 0x31, bytes[arg.start] <= 0x36 {
                            level = Int(bytes[arg.start] - 0x30)
                        }
                    }
                    frame.heading = parent.heading == 0 ? level : min(parent.heading, level)
                case .block(let b): frame.blocks.insert(b)
                case .layout: frame.styled = parent.styled
                case .other: break
                }
                stack.append(frame)
                index += 1
                continue
            }
            guard kind == .text else { index += 1; continue }
            let frame = stack.last
            var start = nodes[index].range.start
            let end = nodes[index].range.end
            while line + 1 < lineCount && lineStarts[line + 1] <= start { line += 1 }
            // A text leaf normally lies on one line; split it if it does not.
            while start < end {
                let lineEnd = line + 1 < lineCount ? min(end, lineStarts[line + 1]) : end
                var pieceStart = start
                var pieceEnd = lineEnd
                while pieceStart < pieceEnd && isSpaceByte(bytes, pieceStart, pieceEnd) > 0 { pieceStart += isSpaceByte(bytes, pieceStart, pieceEnd) }
                while pieceEnd > pieceStart && isSpaceBefore(bytes, pieceEnd, pieceStart) > 0 { pieceEnd -= isSpaceBefore(bytes, pieceEnd, pieceStart) }
                if flatEnd[line] == 0 || flatEnd[line] != flat.count { flatStart[line] = flat.count }
                flat.append(contentsOf: bytes[start..<lineEnd])
                flatEnd[line] = flat.count
                if pieceStart < pieceEnd {
                    if firstText[line] < 0 { firstText[line] = pieceStart }
                    lastText[line] = pieceEnd
                }
                // Markdown markers (`**`, `#`) outside the tags do not decide the line's formatting.
                var markersOnly = true
                var k = pieceStart
                while k < pieceEnd { if bytes[k] != 0x2A && bytes[k] != 0x23 && bytes[k] != 0x20 { markersOnly = false; break }; k += 1 }
                if pieceStart < pieceEnd && !markersOnly {
                    let bold = frame?.bold ?? false
                    if !bold { allBold[line] = false }
                    minSize[line] = min(minSize[line], frame?.size ?? 0)
                    let heading = frame?.heading ?? 0
                    minHeading[line] = heading == 0 ? 0 : (minHeading[line] == 0 ? 0 : min(minHeading[line], heading))
                    styled[line] |= (frame?.styled ?? false) ? 1 : 2
                    if let f = frame { blocks[line].formUnion(f.blocks) }
                }
                start = lineEnd
                if start < end { line += 1 }
            }
            index += 1
        }
        }

        // Normalise every line into one shared buffer (a line's text is never longer than its pieces,
        // so `flat.count` bytes suffice), then hand out slices of it: no allocation per line.
        var textStart = [Int](repeating: 0, count: lineCount)
        var textEnd = [Int](repeating: 0, count: lineCount)
        var gaps = [Bool](repeating: false, count: lineCount)
        var jammers = [UInt8](repeating: 0, count: lineCount) // bit 1: jammer found, bit 2: jammer only
        let buffer = flat.withUnsafeBufferPointer { flatBuffer in
            spaceClass.withUnsafeBufferPointer { classes in
            [UInt8](unsafeUninitializedCapacity: flat.count) { target, count in
                var w = 0
                for l in 0..<lineCount {
                    let pieceStart = flatStart[l], pieceEnd = max(flatStart[l], flatEnd[l])
                    var (n, gap) = normalise(UnsafeBufferPointer(rebasing: flatBuffer[pieceStart..<pieceEnd]), into: target, at: w,
                                             classes: classes)
                    // Jammer units contain single spaces: strip them before space runs are collapsed.
                    if mayHoldJammer(UnsafeBufferPointer(rebasing: target[w..<(w + n)])) {
                        let (cleaned, found, only) = stripJammer(fold(flat[pieceStart..<pieceEnd]))
                        if found {
                            jammers[l] = only ? 3 : 1
                            (n, gap) = cleaned.withUnsafeBufferPointer { normalise($0, into: target, at: w, classes: classes) }
                        }
                    }
                    textStart[l] = w
                    textEnd[l] = w + n
                    gaps[l] = gap
                    w += n
                }
                count = w
            }
            }
        }

        var result: [LineText] = []
        result.reserveCapacity(lineCount)
        for l in 0..<lineCount {
            let text = textStart[l] < textEnd[l] ? buffer[textStart[l]..<textEnd[l]] : ArraySlice<UInt8>()
            let range = firstText[l] >= 0 ? ByteRange(firstText[l], lastText[l]) : ByteRange(lineStarts[l], lineStarts[l])
            let visible = !text.isEmpty
            result.append(LineText(text: text, textRange: range, hasJammer: jammers[l] & 1 != 0, isJammerOnly: jammers[l] & 2 != 0,
                                   isAllBold: visible && allBold[l], wrappedSize: visible && minSize[l] != 99 ? minSize[l] : 0,
                                   wrappedHeading: visible && minHeading[l] != 99 ? minHeading[l] : 0,
                                   isPartlyStyled: styled[l] == 3, blocks: blocks[l], hasColumnGap: gaps[l]))
        }
        return result
    }

    /// What an element means for line text.
    enum ElementRole {
        case bold, size, heading(Int), block(BlockContext), layout, other
    }

    /// Tag name (catalog name) -> role; tags not listed are styling that counts as "styled".
    static let elementRoles: [String: ElementRole] = {
        var table: [String: ElementRole] = ["b": .bold, "strong": .bold, "size": .size, "heading": .heading(0),
                                            "quote": .block(.quote), "table": .block(.table)]
        for level in 1...6 { table["h\(level)"] = .heading(level) }
        for name in ["code", "php", "html", "noparse", "pre", "plain"] { table[name] = .block(.code) }
        for name in ["list", "ul", "ol", "li"] { table[name] = .block(.list) }
        for name in ["hide", "spoiler", "spoil", "free"] { table[name] = .block(.hidden) }
        for name in ["align", "left", "center", "right", "justify", "p", "float", "indent", "url", "color", "font", "backcolor"] {
            table[name] = .layout
        }
        return table
    }()

    /// `elementRoles` by `TagCatalog.tags` index, so the tree walk hashes no tag names.
    static let roleByTagIndex: [ElementRole] = TagCatalog.tags.map { elementRoles[$0.name] ?? .other }

    /// Maps a `[size=...]` argument to the Discuz 1-7 scale (`4` and up are heading sizes); 0 when unreadable.
    static func sizeRank(_ arg: [UInt8]) -> Int {
        var value = 0.0
        var i = 0
        var digits = false
        var fraction = 0.0
        while i < arg.count, arg[i] == 0x20 || arg[i] == 0x22 || arg[i] == 0x27 { i += 1 }
        while i < arg.count, arg[i] >= 0x30, arg[i] <= 0x39 { value = value * 10 + Double(arg[i] - 0x30); i += 1; digits = true }
        if i < arg.count, arg[i] == 0x2E {
            i += 1
            var scale = 0.1
            while i < arg.count, arg[i] >= 0x30, arg[i] <= 0x39 { fraction += Double(arg[i] - 0x30) * scale; scale /= 10; i += 1; digits = true }
        }
        guard digits else { return 0 }
        value += fraction
        let unit = String(decoding: arg[i...].map(TagCatalog.asciiLower), as: UTF8.self).trimmingSpaces
        var px: Double
        switch unit {
        case "": return value >= 7 ? 7 : max(Int(value), 1) // compare first: Int(Double) traps past Int.max
        case "px": px = value
        case "pt": px = value * 4 / 3
        case "em", "rem": px = value * 16
        case "%": px = value * 16 / 100
        default: return 0
        }
        if px < 13 { return 1 }
        if px < 16 { return 2 }
        if px < 18 { return 3 }
        if px < 24 { return 4 }
        if px < 32 { return 5 }
        if px < 48 { return 6 }
        _ = px
        return 7
    }

    /// Byte length of a whitespace character (ASCII space/tab/CR/LF, U+00A0, U+3000) at `i`, else 0.
    @inline(__always)
    static func isSpaceByte(_ b: [UInt8], _ i: Int, _ end: Int) -> Int {
        let c = b[i]
        if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { return 1 }
        if c == 0xC2 && i + 1 < end && b[i + 1] == 0xA0 { return 2 }
        if c == 0xE3 && i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0x80 { return 3 }
        return 0
    }

    @inline(__always)
    static func isSpaceBefore(_ b: [UInt8], _ end: Int, _ start: Int) -> Int {
        let c = b[end - 1]
        if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { return 1 }
        if c == 0xA0 && end - 2 >= start && b[end - 2] == 0xC2 { return 2 }
        if c == 0x80 && end - 3 >= start && b[end - 2] == 0x80 && b[end - 3] == 0xE3 { return 3 }
        return 0
    }

    /// Folds tabs, U+00A0 and U+3000 to ASCII spaces and trims, keeping space runs.
    static func fold(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        let raw = Array(raw)
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let s = isSpaceByte(raw, i, raw.count)
            if s > 0 { out.append(0x20); i += s; continue }
            out.append(raw[i])
            i += 1
        }
        var start = 0, end = out.count
        while start < end && out[start] == 0x20 { start += 1 }
        while end > start && out[end - 1] == 0x20 { end -= 1 }
        return Array(out[start..<end])
    }

    /// Per byte: 1 for ASCII space, tab, CR, LF; 2 for 0xC2 (U+00A0 may start); 3 for 0xE3 (U+3000 may start); else 0.
    static let spaceClass: [UInt8] = (0..<256).map { b in
        switch b {
        case 0x20, 0x09, 0x0A, 0x0D: 1
        case 0xC2: 2
        case 0xE3: 3
        default: 0
        }
    }

    /// Folds whitespace (ASCII space, tab, CR, LF, U+00A0, U+3000) to single spaces and trims, in one pass,
    /// writing the result to `target` from offset `at` (room for `buffer.count` bytes is needed); returns the
    /// bytes written and whether a run of three or more whitespace characters separated two words.
    /// `classes` is `spaceClass` (passed in so the loop loads no global).
    @inline(__always)
    static func normalise(_ buffer: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>, at: Int,
                          classes: UnsafeBufferPointer<UInt8>) -> (Int, Bool) {
        let n = buffer.count
        var gap = false
        var i = 0
        var pending = 0
        var written = at
        while i < n {
            let c = buffer[i]
            var s = 0
            // One table load tells ordinary bytes (most of them) from possible whitespace starts.
            switch classes[Int(c)] {
            case 0: break
            case 1: s = 1
            case 2: if i + 1 < n && buffer[i + 1] == 0xA0 { s = 2 }
            default: if i + 2 < n && buffer[i + 1] == 0x80 && buffer[i + 2] == 0x80 { s = 3 }
            }
            if s > 0 { pending += 1; i += s; continue }
            if pending > 0 && written > at {
                target[written] = 0x20
                written += 1
                if pending >= 3 { gap = true }
            }
            pending = 0
            target[written] = c
            written += 1
            i += 1
        }
        return (written - at, gap)
    }

    /// A cheap test for a jammer run at either edge: a whole unit (`[ -;]`, space, `[?-~]`) at the start
    /// followed by another space soon, or a whole unit at the end.
    @inline(__always)
    static func mayHoldJammer(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = t.count
        guard n >= 9 else { return false }
        @inline(__always) func c1(_ b: UInt8) -> Bool { b >= 0x20 && b <= 0x3B }
        @inline(__always) func c2(_ b: UInt8) -> Bool { b >= 0x3F && b <= 0x7E }
        if c1(t[0]) && t[1] == 0x20 && c2(t[2]) && (t[3] == 0x20 || t[4] == 0x20 || t[5] == 0x20) { return true }
        // The first unit's space may have been trimmed: `L w$ |8 …` after `. L  w$`.
        if c2(t[0]) && t[1] == 0x20 && (t[3] == 0x20 || t[4] == 0x20) && c1(t[2]) { return true }
        if c1(t[n - 3]) && t[n - 2] == 0x20 && c2(t[n - 1]) && (t[n - 4] == 0x20 || t[n - 5] == 0x20 || t[n - 6] == 0x20) { return true }
        return false
    }

    /// Removes Discuz jammer runs (5+ units of `[ -;] [?-~]`) at the start and end of a line (spec 3.4).
    static func stripJammer(_ text: [UInt8]) -> ([UInt8], Bool, Bool) {
        guard text.count >= 14 else { return (text, false, false) }
        @inline(__always) func c1(_ b: UInt8) -> Bool { b >= 0x20 && b <= 0x3B }
        @inline(__always) func c2(_ b: UInt8) -> Bool { b >= 0x3F && b <= 0x7E }
        // Leading run: units start at 0, or at -1 when the run's first space was trimmed away.
        var start = 0
        var found = false
        for phase in 0..<2 {
            var i = phase == 0 ? 0 : -1
            var units = 0
            while i + 2 < text.count {
                let a: UInt8 = i < 0 ? 0x20 : text[i]
                if c1(a) && text[i + 1] == 0x20 && c2(text[i + 2]) { units += 1; i += 3 } else { break }
            }
            if units >= 5 && units <= 20 { start = i; found = true; break }
        }
        var end = text.count
        var units = 0
        var j = text.count
        while j - 3 >= start {
            if c1(text[j - 3]) && text[j - 2] == 0x20 && c2(text[j - 1]) { units += 1; j -= 3 } else { break }
        }
        if units >= 5 { end = j; found = true }
        guard found else { return (text, false, false) }
        var s = start, e = end
        while s < e && text[s] == 0x20 { s += 1 }
        while e > s && text[e - 1] == 0x20 { e -= 1 }
        // Guard against Latin prose: a run that leaves only ASCII letters behind is suspicious but harmless.
        let rest = Array(text[s..<max(s, e)])
        return (rest, true, rest.isEmpty)
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces.
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
