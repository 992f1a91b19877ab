/// The pieces `PageStructureBuilder.build()` is made of: header blocks, profile panels, button runs,
/// floor labels, edit notices, front matter and title tests (spec sections 4 and 6).
extension PageStructureBuilder {

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
                // `low` is 0-based, `t` a slice of the shared line buffer.
                let rest = t[(t.startIndex + by + 4)...].prefix { $0 != 0x20 && $0 != 0xC2 }
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
        let t = line.text
        guard LineText.width(t) <= 160, !Bytes.hasURL(t), !line.isPartlyStyled, nextNonBlank(i + 1) != nil else { return false }
        if line.blocks.contains(.code) || line.blocks.contains(.quote) || line.blocks.contains(.list) { return false }
        for p in Self.bulletPrefixes where Bytes.hasPrefix(t, p) { return false }
        for end in Self.titleEnds
        where Bytes.hasSuffix(t, end) { return false }
        if Bytes.contains(t, "，") || Bytes.contains(t, "。") { return false }
        // A greeting opens a post; it is not its title.
        if OutlineBuilder.greetings.contains(where: { Bytes.hasPrefixIgnoringCase(t, $0) }) || Bytes.equalsIgnoringCase(t, "hi") {
            return false
        }
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
