/// Builds the lossless syntax tree from the lexer's tokens with an explicit stack: never fails,
/// never recurses, linear in the input. The recovery rules are documented in Protocol/README.md,
/// section "Parsing".
public enum Parser {
    /// Most elements open at once; deeper openers stay text (spec 2, recommendation 7).
    public static let maxDepth = 32
    /// Most elements of one tag nested in each other; deeper openers stay text (s9e's limit).
    public static let maxSameTagDepth = 10

    /// Parses `source`. `blockLimits` are sorted byte offsets (post ends): every element still open
    /// when the text reaches one is closed there, so an unclosed block tag never swallows the next post.
    public static func parse(_ source: SourceText, dialect: Dialect = .discuz, blockLimits: [Int] = []) -> SyntaxTree {
        let tokens = Lexer.tokenize(source.bytes)
        var builder = TreeBuilder(source: source, tokens: tokens, dialect: dialect, blockLimits: blockLimits)
        builder.build()
        return SyntaxTree(source: source, dialect: dialect, nodes: builder.nodes, issues: builder.sortedIssues())
    }
}

/// One open element on the parser's stack.
struct OpenElement {
    var node: Int
    /// Catalog index, or -1 for an unknown name.
    var catalogIndex: Int
    /// Hash of the lower-cased name (used to pair unknown names).
    var key: UInt64
    var openRange: ByteRange
    var isInline: Bool
    /// Whether a closer of the same name pairs with this opener (see `TreeBuilder.pairOpenersByName`).
    var hasPartner: Bool
}

/// The state of one parse.
struct TreeBuilder {
    let source: SourceText
    let bytes: [UInt8]
    let tokens: [Token]
    let dialect: Dialect
    let blockLimits: [Int]
    var nodes: [SyntaxNode] = []
    var issues: [ParseIssue] = []
    var stack: [OpenElement] = []
    /// How many elements of each catalog tag are open.
    var openCount: [Int]
    /// Per token: for an opener, whether some later closer of the same name pairs with it when
    /// openers and closers of each name are matched like brackets, ignoring all other names.
    var hasPartner: [Bool]

    init(source: SourceText, tokens: [Token], dialect: Dialect, blockLimits: [Int]) {
        self.source = source
        self.bytes = source.bytes
        self.tokens = tokens
        self.dialect = dialect
        self.blockLimits = blockLimits
        openCount = Array(repeating: 0, count: TagCatalog.tags.count)
        hasPartner = Array(repeating: false, count: tokens.count)
        nodes.reserveCapacity(tokens.count + 1)
    }

    var current: Int { stack.last?.node ?? 0 }

    /// A 64-bit FNV-1a hash of the lower-cased name: pairs unknown names without allocating strings.
    func nameKey(_ token: Token) -> UInt64 { TreeBuilder.nameKey(bytes, token.nameRange) }

    /// The same key for the name at `name` of `bytes` (also `TagIndex`'s, so both pair the same names).
    static func nameKey(_ bytes: [UInt8], _ name: ByteRange) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in name.start..<name.end {
            h = (h ^ UInt64(TagCatalog.asciiLower(bytes[i]))) &* 0x100_0000_01b3
        }
        return h
    }

    func nodeName(_ node: Int) -> String {
        let r = nodes[node].nameRange
        return String(decoding: bytes[r.start..<r.end], as: UTF8.self)
    }

    func nameText(_ token: Token) -> String {
        String(decoding: bytes[token.nameStart..<token.nameEnd], as: UTF8.self)
    }

    mutating func build() {
        pairOpenersByName()
        nodes.append(SyntaxNode(kind: .document, range: ByteRange(0, bytes.count), parent: -1, subtreeEnd: 0))
        var limitIndex = 0
        var t = 0
        while t < tokens.count {
            let token = tokens[t]
            while limitIndex < blockLimits.count && token.start >= blockLimits[limitIndex] {
                closeAll(at: token.start)
                limitIndex += 1
            }
            switch token.kind {
            case .text:
                appendText(token.range)
            case .newline:
                if isParagraphBreak(after: t) { closeUnclosedInline(at: token.start) }
                appendLeaf(.newline, token.range)
            case .truncatedTag:
                appendLeaf(.truncatedTag, token.range, name: token.nameRange, tag: token.catalogIndex,
                           argument: token.argumentRange)
                issues.append(ParseIssue(kind: .truncatedTag, range: token.range, tagName: nameText(token)))
            case .tag:
                if token.isClose { closeTag(token) } else { openTag(token, partnered: hasPartner[t]) }
            }
            t += 1
        }
        closeAll(at: bytes.count)
        nodes[0].subtreeEnd = nodes.count
    }

    /// Matches openers and closers of each name like brackets (ignoring other names), so that a tag
    /// "has a closer" only when one is left for it: in `[b]x\n\n[b]y[/b]` the first `[b]` has none.
    /// Linear: one stack per name.
    mutating func pairOpenersByName() {
        var known = [[Int]](repeating: [], count: TagCatalog.tags.count)
        var unknown: [UInt64: [Int]] = [:]
        for (t, token) in tokens.enumerated() where token.kind == .tag && !token.isSelfClosing {
            if token.catalogIndex >= 0 {
                if token.isClose {
                    if let opener = known[token.catalogIndex].popLast() { hasPartner[opener] = true }
                } else {
                    known[token.catalogIndex].append(t)
                }
            } else if bytes[token.nameStart] != 0x23 {
                let key = nameKey(token)
                if token.isClose {
                    if let opener = unknown[key]?.popLast() { hasPartner[opener] = true }
                } else {
                    unknown[key, default: []].append(t)
                }
            }
        }
    }

    // MARK: Leaves

    mutating func appendLeaf(_ kind: SyntaxKind, _ range: ByteRange, name: ByteRange = ByteRange(0, 0), tag: Int = -1,
                             argument: ByteRange? = nil, argumentIsValid: Bool = true) {
        nodes.append(SyntaxNode(kind: kind, range: range, parent: current, subtreeEnd: nodes.count + 1, tagIndex: tag,
                                nameRange: name, argumentRange: argument, argumentIsValid: argumentIsValid))
    }

    /// Appends text, merging with a directly preceding text leaf of the same parent.
    mutating func appendText(_ range: ByteRange) {
        if let last = nodes.last, last.kind == .text, last.parent == current, last.range.end == range.start {
            nodes[nodes.count - 1].setEnd(range.end)
        } else {
            appendLeaf(.text, range)
        }
    }

    // MARK: Open tags

    mutating func openTag(_ token: Token, partnered: Bool) {
        let catalogIndex = token.catalogIndex
        let tag: TagInfo? = catalogIndex >= 0 ? TagCatalog.tags[catalogIndex] : nil
        let name = token.nameRange
        // Index entries `[#N]Title` are tags only inside `[index]`.
        if bytes[token.nameStart] == 0x23 {
            if stack.last.map({ $0.catalogIndex >= 0 && TagCatalog.tags[$0.catalogIndex].name == "index" }) == true {
                appendLeaf(.voidTag, token.range, name: name, argument: token.argumentRange)
            } else {
                appendText(token.range)
            }
            return
        }
        var key: UInt64 = 0
        if tag == nil {
            // An unknown name is a tag only when a closer of the same name pairs with it (spec 2, rec. 3).
            guard partnered else {
                appendText(token.range)
                return
            }
            key = nameKey(token)
        }
        let argument = token.argumentRange
        let valid = tag.map {
            ArgumentValidator.isValid($0, argument.map { bytes[$0.start..<$0.end] }, dialect: dialect)
        } ?? true
        if token.isSelfClosing || tag?.tagClass == .void {
            appendLeaf(.voidTag, token.range, name: name, tag: catalogIndex, argument: argument, argumentIsValid: valid)
            return
        }
        if stack.count >= Parser.maxDepth || (catalogIndex >= 0 && openCount[catalogIndex] >= Parser.maxSameTagDepth) {
            appendText(token.range)
            issues.append(ParseIssue(kind: .nestingTooDeep, range: token.range, tagName: nameText(token)))
            return
        }
        let element = nodes.count
        nodes.append(SyntaxNode(kind: .element, range: ByteRange(token.start, token.end), parent: current,
                                subtreeEnd: 0, tagIndex: catalogIndex, nameRange: name, argumentRange: argument,
                                argumentIsValid: valid))
        stack.append(OpenElement(node: element, catalogIndex: catalogIndex, key: key, openRange: token.range,
                                 isInline: tag?.isInlineStyle ?? false, hasPartner: partnered))
        if catalogIndex >= 0 { openCount[catalogIndex] += 1 }
        appendLeaf(.openTag, token.range, name: name, tag: catalogIndex, argument: argument, argumentIsValid: valid)
    }

    // MARK: Close tags

    mutating func closeTag(_ token: Token) {
        let catalogIndex = token.catalogIndex
        let key = catalogIndex >= 0 ? 0 : nameKey(token)
        var match = -1
        var k = stack.count - 1
        while k >= 0 {
            let open = stack[k]
            if catalogIndex >= 0 ? open.catalogIndex == catalogIndex : (open.catalogIndex < 0 && open.key == key) {
                match = k
                break
            }
            k -= 1
        }
        guard match >= 0 else {
            if catalogIndex >= 0 {
                appendLeaf(.strayCloseTag, token.range, name: token.nameRange, tag: catalogIndex)
                issues.append(ParseIssue(kind: .strayCloseTag, range: token.range, tagName: nameText(token)))
            } else {
                appendText(token.range)
            }
            return
        }
        // Elements opened inside the matched one are closed here; mis-nested ones (with a closer of
        // their own still to come) are reopened after, as s9e, vBulletin and XenForo do.
        var reopen: [OpenElement] = []
        while stack.count - 1 > match {
            let inner = stack[stack.count - 1]
            if inner.hasPartner {
                issues.append(ParseIssue(kind: .misnestedTags, range: token.range, related: inner.openRange,
                                         tagName: nodeName(inner.node)))
                if inner.isInline { reopen.append(inner) }
            } else {
                issues.append(ParseIssue(kind: .unclosedTag, range: inner.openRange, tagName: nodeName(inner.node)))
            }
            finishTop(missingCloseAt: token.start)
        }
        let target = stack[match]
        appendLeaf(.closeTag, token.range, name: token.nameRange, tag: Int(nodes[target.node].tagIndex))
        popTop(end: token.end)
        for inner in reopen.reversed() {
            let original = nodes[inner.node]
            let element = nodes.count
            nodes.append(SyntaxNode(kind: .element, range: ByteRange(token.end, token.end), parent: current,
                                    subtreeEnd: 0, tagIndex: Int(original.tagIndex), nameRange: original.nameRange,
                                    argumentRange: original.argumentRange, argumentIsValid: original.argumentIsValid))
            var reopened = inner
            reopened.node = element
            stack.append(reopened)
            if inner.catalogIndex >= 0 { openCount[inner.catalogIndex] += 1 }
            appendLeaf(.missingOpenTag, ByteRange(token.end, token.end), name: original.nameRange,
                       tag: Int(original.tagIndex))
        }
    }

    /// Closes the top element with a zero-width missing closer at `position`.
    mutating func finishTop(missingCloseAt position: Int) {
        let top = stack[stack.count - 1]
        appendLeaf(.missingCloseTag, ByteRange(position, position), name: nodes[top.node].nameRange,
                   tag: Int(nodes[top.node].tagIndex))
        popTop(end: position)
    }

    mutating func popTop(end: Int) {
        let top = stack.removeLast()
        nodes[top.node].setEnd(end)
        nodes[top.node].subtreeEnd = nodes.count
        if top.catalogIndex >= 0 { openCount[top.catalogIndex] -= 1 }
    }

    /// Closes every open element at `position`, recording each as unclosed.
    mutating func closeAll(at position: Int) {
        while let top = stack.last {
            issues.append(ParseIssue(kind: .unclosedTag, range: top.openRange, tagName: nodeName(top.node)))
            finishTop(missingCloseAt: position)
        }
    }

    // MARK: Paragraphs

    /// True when the newline token at `t` ends a paragraph: the next line is blank (empty or only
    /// spaces, tabs, U+00A0 or U+3000) and is itself ended by a line terminator.
    func isParagraphBreak(after t: Int) -> Bool {
        var next = t + 1
        guard next < tokens.count else { return false }
        if tokens[next].kind == .text {
            guard isBlank(tokens[next].range) else { return false }
            next += 1
        }
        return next < tokens.count && tokens[next].kind == .newline
    }

    func isBlank(_ range: ByteRange) -> Bool { TreeBuilder.isBlank(bytes, range) }

    /// True when `range` of `bytes` holds only spaces, tabs, U+00A0 and U+3000: a line that ends a
    /// paragraph (also what `IncrementalFindings` bounds paragraphs with).
    static func isBlank(_ bytes: [UInt8], _ range: ByteRange) -> Bool {
        var i = range.start
        while i < range.end {
            let c = bytes[i]
            if c == 0x20 || c == 0x09 {
                i += 1
            } else if c == 0xC2 && i + 1 < range.end && bytes[i + 1] == 0xA0 {
                i += 2
            } else if c == 0xE3 && i + 2 < range.end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 {
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    /// At a paragraph end, closes the inline elements on top of the stack that no closer pairs with:
    /// an unclosed style tag reaches to the end of its paragraph at most.
    mutating func closeUnclosedInline(at position: Int) {
        while let top = stack.last, top.isInline, !top.hasPartner {
            issues.append(ParseIssue(kind: .unclosedTag, range: top.openRange, tagName: nodeName(top.node)))
            finishTop(missingCloseAt: position)
        }
    }

    func sortedIssues() -> [ParseIssue] {
        issues.sorted { $0.range.start != $1.range.start ? $0.range.start < $1.range.start : $0.kind.rawValue < $1.kind.rawValue }
    }
}
