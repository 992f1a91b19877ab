// Shared by the libFuzzer parser target (Tests/Fuzz/ParserTarget.swift, built by Tests/Fuzz/run.sh) and
// by the regression tests that replay saved fuzz inputs. Standard library only.
@testable import ForumMarkup

/// The invariants the parser fuzzer checks on every input: the tree is well formed and lossless in every
/// dialect, and byte offsets and (line, column) positions convert into each other exactly.
enum ParserInvariants {
    /// Parses `bytes` in every dialect (and once more with post limits) and returns a description of
    /// every broken invariant (empty when all hold). Crashes are, of course, found by crashing.
    static func violations(_ bytes: [UInt8]) -> [String] {
        var failures: [String] = []
        let source = SourceText(bytes: bytes)
        let tokens = Lexer.tokenize(bytes)
        checkTokens(tokens, count: bytes.count, &failures)
        for dialect in Dialect.allCases {
            let tree = Parser.parse(source, dialect: dialect)
            checkTree(tree, bytes, label: "\(dialect)", &failures)
            if !failures.isEmpty { return failures }
        }
        // Post limits: the start of every line beginning with `#`, and the middle of the input (which may
        // fall inside a tag or a character).
        let limits = blockLimits(bytes)
        let limited = Parser.parse(source, dialect: .discuz, blockLimits: limits)
        checkTree(limited, bytes, label: "discuz+limits\(limits)", &failures)
        checkBlockLimits(limited, tokens: tokens, limits: limits, &failures)
        if bytes.count <= 2048 { _ = limited.dump() }
        // (The full analysis, rules and structure included, is the clean-up target's business.)
        checkPositions(source, offsets: boundaryOffsets(limited, count: bytes.count), &failures)
        return failures
    }

    static func within(_ range: ByteRange, _ count: Int) -> Bool {
        range.start >= 0 && range.start <= range.end && range.end <= count
    }

    static func blockLimits(_ bytes: [UInt8]) -> [Int] {
        var limits: [Int] = []
        var lineStart = true
        for (i, b) in bytes.enumerated() {
            if lineStart && b == 0x23 { limits.append(i) }
            lineStart = b == 0x0A || b == 0x0D
        }
        if bytes.count > 1 { limits.append(bytes.count / 2) }
        return Array(Set(limits)).sorted()
    }

    // MARK: Tokens

    static func checkTokens(_ tokens: [Token], count: Int, _ failures: inout [String]) {
        var cursor = 0
        for token in tokens {
            if token.start != cursor || token.end <= token.start {
                failures.append("token \(token.kind) \(token.range) does not continue at \(cursor)")
                return
            }
            cursor = token.end
        }
        if cursor != count { failures.append("tokens end at \(cursor), input has \(count) bytes") }
    }

    // MARK: Tree

    static func checkTree(_ tree: SyntaxTree, _ bytes: [UInt8], label: String, _ failures: inout [String]) {
        let nodes = tree.nodes
        let count = bytes.count
        func fail(_ message: String) { failures.append("[\(label)] \(message)") }
        guard let root = nodes.first else { return fail("no nodes") }
        if root.kind != .document || root.range != ByteRange(0, count) || root.parent != -1
            || root.subtreeEnd != nodes.count {
            return fail("bad root: \(root.kind) \(root.range) parent \(root.parent) subtreeEnd \(root.subtreeEnd) of \(nodes.count)")
        }
        if tree.printedBytes() != bytes { fail("round trip: printed bytes differ from the input") }
        var cursor = 0
        for i in nodes.indices {
            let node = nodes[i]
            let r = node.range
            if !within(r, count) { fail("node \(i) \(node.kind) range \(r) outside 0..<\(count)"); continue }
            if node.tagIndex < -1 || Int(node.tagIndex) >= TagCatalog.tags.count { fail("node \(i) tagIndex \(node.tagIndex)") }
            if i > 0 {
                let p = node.parent
                guard p >= 0 && p < i else { fail("node \(i) parent \(p) not before it"); continue }
                let parent = nodes[p]
                if parent.kind != .document && parent.kind != .element { fail("node \(i) parent \(p) is a \(parent.kind)") }
                if !parent.range.contains(r) { fail("node \(i) \(node.kind) \(r) outside parent \(p) \(parent.range)") }
                if !(node.subtreeEnd > i && node.subtreeEnd <= parent.subtreeEnd) {
                    fail("node \(i) subtreeEnd \(node.subtreeEnd) outside \(i + 1)...\(parent.subtreeEnd)")
                }
                if node.kind == .document { fail("node \(i) is a second document") }
            }
            if node.isLeaf {
                if node.subtreeEnd != i + 1 { fail("leaf \(i) subtreeEnd \(node.subtreeEnd)") }
                if r.start != cursor { fail("leaf \(i) \(node.kind) \(r) does not continue at \(cursor)") }
                cursor = r.end
                checkLeaf(node, i, bytes, fail)
            } else {
                checkChildren(tree, i, fail)
            }
            if failures.count > 20 { return }
        }
        if cursor != count { fail("leaves end at \(cursor), input has \(count) bytes") }
        for issue in tree.issues {
            if !within(issue.range, count) { fail("issue \(issue.kind) range \(issue.range) outside") }
            if let related = issue.related, !within(related, count) { fail("issue \(issue.kind) related \(related) outside") }
        }
        for (a, b) in zip(tree.issues, tree.issues.dropFirst()) where b.range.start < a.range.start {
            fail("issues out of order: \(a.range) before \(b.range)")
        }
    }

    /// Children of a document or element: parent links, contiguous ranges covering the parent, the
    /// subtree walk ending exactly at `subtreeEnd`, and an element's opener and closer in place.
    static func checkChildren(_ tree: SyntaxTree, _ i: Int, _ fail: (String) -> Void) {
        let nodes = tree.nodes
        let node = nodes[i]
        var child = i + 1
        var position = node.range.start
        var first = -1
        var last = -1
        while child < node.subtreeEnd {
            let c = nodes[child]
            if c.parent != i { return fail("node \(child) has parent \(c.parent), expected \(i)") }
            if c.range.start != position { return fail("child \(child) of \(i) starts at \(c.range.start), expected \(position)") }
            position = c.range.end
            if first < 0 { first = child }
            last = child
            guard c.subtreeEnd > child else { return fail("node \(child) subtreeEnd \(c.subtreeEnd) does not advance") }
            child = c.subtreeEnd
        }
        if child != node.subtreeEnd { return fail("children of \(i) overrun its subtreeEnd \(node.subtreeEnd)") }
        if position != node.range.end { fail("children of \(i) \(node.kind) \(node.range) end at \(position)") }
        if node.kind == .element {
            guard first >= 0, first != last else { return fail("element \(i) has fewer than 2 children") }
            let open = nodes[first].kind
            let close = nodes[last].kind
            if open != .openTag && open != .missingOpenTag { fail("element \(i) starts with \(open)") }
            if close != .closeTag && close != .missingCloseTag { fail("element \(i) ends with \(close)") }
        }
    }

    static func checkLeaf(_ node: SyntaxNode, _ i: Int, _ bytes: [UInt8], _ fail: (String) -> Void) {
        let r = node.range
        let text = bytes[r.start..<r.end]
        switch node.kind {
        case .text:
            if r.isEmpty { fail("empty text leaf \(i)") }
            if text.contains(0x0A) || text.contains(0x0D) { fail("text leaf \(i) \(r) holds a line terminator") }
        case .newline:
            if !(Array(text) == [0x0A] || Array(text) == [0x0D] || Array(text) == [0x0D, 0x0A]) {
                fail("newline leaf \(i) \(r) is \(Array(text))")
            }
        case .missingOpenTag, .missingCloseTag:
            if !r.isEmpty { fail("missing tag \(i) is not zero-width: \(r)") }
        case .openTag, .closeTag, .voidTag, .strayCloseTag:
            if text.first != 0x5B || text.last != 0x5D { fail("tag leaf \(i) \(node.kind) \(r) is not [..]") }
            if !r.contains(node.nameRange) { fail("tag leaf \(i) name \(node.nameRange) outside \(r)") }
            if let a = node.argumentRange, !r.contains(a) { fail("tag leaf \(i) argument \(a) outside \(r)") }
        case .truncatedTag:
            if text.first != 0x5B { fail("truncated tag \(i) \(r) does not start with [") }
            if text.contains(0x0A) || text.contains(0x0D) { fail("truncated tag \(i) \(r) crosses a line") }
        case .document, .element:
            fail("node \(i) \(node.kind) counted as a leaf")
        }
    }

    /// Every element open before a post limit is closed at or before the first token at or after it.
    static func checkBlockLimits(_ tree: SyntaxTree, tokens: [Token], limits: [Int], _ failures: inout [String]) {
        var t = 0
        for limit in limits {
            while t < tokens.count && tokens[t].start < limit { t += 1 }
            let cut = t < tokens.count ? tokens[t].start : tree.source.count
            for (i, node) in tree.nodes.enumerated() where node.kind == .element {
                if node.range.start < limit && node.range.end > cut {
                    failures.append("element \(i) \(node.range) crosses post limit \(limit) (cut \(cut))")
                    return
                }
            }
        }
    }

    // MARK: Positions

    /// Offsets worth converting: every leaf boundary, issue ends, and every offset of a short input.
    static func boundaryOffsets(_ tree: SyntaxTree, count: Int) -> [Int] {
        if count <= 96 { return Array(0...count) }
        var offsets: [Int] = [0, count]
        for node in tree.nodes { offsets.append(node.range.start); offsets.append(node.range.end) }
        for issue in tree.issues { offsets.append(issue.range.start); offsets.append(issue.range.end) }
        var unique = Array(Set(offsets)).sorted()
        // Bound the work (SourceText converts by walking the line): keep an even sample.
        if unique.count > 200 {
            let step = unique.count / 200 + 1
            unique = stride(from: count % step, to: unique.count, by: step).map { unique[$0] } + [count]
        }
        // A few offsets inside characters and terminators.
        return unique + unique.prefix(50).map { min($0 + 1, count) }
    }

    /// Checks `position(of:in:)` and `offset(of:in:)` against an independent model of lines and
    /// characters (Unicode Table 3-7 well-formedness; a malformed byte is one unit in every encoding).
    static func checkPositions(_ source: SourceText, offsets: [Int], _ failures: inout [String]) {
        let model = PositionModel(source.bytes)
        if source.lineStarts != model.lineStarts {
            failures.append("lineStarts \(source.lineStarts.prefix(20)) differ from model \(model.lineStarts.prefix(20))")
            return
        }
        for encoding in PositionEncoding.allCases {
            let table = model.table(encoding)
            let index = PositionIndex(source, encoding)
            for o in offsets {
                let (line, clamped, column) = table[min(max(o, 0), source.count)]
                let p = source.position(of: o, in: encoding)
                if p.line != line || p.column != column {
                    failures.append("position(of: \(o), \(encoding)) = \(p), model \(line):\(column)")
                    return
                }
                let back = source.offset(of: p, in: encoding)
                if back != clamped {
                    failures.append("offset(of: position(of: \(o)) = \(p), \(encoding)) = \(back), expected \(clamped)")
                    return
                }
                // The checkpointed index (used by the server) must agree exactly.
                let q = index.position(of: o)
                if q != p {
                    failures.append("PositionIndex.position(of: \(o)) = \(q), SourceText says \(p) (\(encoding))")
                    return
                }
                let indexBack = index.offset(of: p)
                if indexBack != clamped {
                    failures.append("PositionIndex.offset(of: \(p)) = \(indexBack), expected \(clamped) (\(encoding))")
                    return
                }
            }
            // Columns past and inside characters, lines past the end.
            for line in 0..<min(model.lineStarts.count, 12) {
                let width = model.width(ofLine: line, encoding)
                var columns = [-1, 0, 1, 2, 3, width - 1, width, width + 1, width + 7]
                if width > 64 { columns += stride(from: 5, to: width, by: max(width / 24, 1)).map { $0 } }
                for column in columns {
                    let got = source.offset(of: LinePosition(line: line, column: column), in: encoding)
                    let expected = model.offset(line: line, column: column, encoding)
                    if got != expected {
                        failures.append("offset(of: \(line):\(column), \(encoding)) = \(got), model \(expected)")
                        return
                    }
                    let indexed = index.offset(of: LinePosition(line: line, column: column))
                    if indexed != expected {
                        failures.append("PositionIndex.offset(of: \(line):\(column), \(encoding)) = \(indexed), model \(expected)")
                        return
                    }
                }
            }
            let end = source.offset(of: LinePosition(line: model.lineStarts.count, column: 0), in: encoding)
            if end != source.count { failures.append("a line past the end gives \(end), not \(source.count)") }
            let start = source.offset(of: LinePosition(line: -1, column: 5), in: encoding)
            if start != 0 { failures.append("a negative line gives \(start), not 0") }
        }
    }
}

/// A deliberately simple, separately written model of lines and characters to check SourceText against.
struct PositionModel {
    let bytes: [UInt8]
    let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A {
                starts.append(i + 2)
                i += 2
                continue
            }
            if bytes[i] == 0x0A || bytes[i] == 0x0D { starts.append(i + 1) }
            i += 1
        }
        lineStarts = starts
    }

    func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid }
        }
        return low
    }

    func contentEnd(_ line: Int) -> Int {
        guard line + 1 < lineStarts.count else { return bytes.count }
        let next = lineStarts[line + 1]
        return next >= 2 && bytes[next - 2] == 0x0D && bytes[next - 1] == 0x0A ? next - 2 : next - 1
    }

    /// The length of the well-formed UTF-8 sequence at `i` (Unicode Table 3-7), or 1 for a malformed byte.
    func characterLength(at i: Int, limit: Int) -> Int {
        let b0 = bytes[i]
        func cont(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i + k < limit && bytes[i + k] >= low && bytes[i + k] <= high
        }
        switch b0 {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return cont(1) ? 2 : 1
        case 0xE0: return cont(1, 0xA0, 0xBF) && cont(2) ? 3 : 1
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 1
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 1
        case 0xF0: return cont(1, 0x90, 0xBF) && cont(2) && cont(3) ? 4 : 1
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 1
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 1
        default: return 1
        }
    }

    func units(_ length: Int, _ encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8: length
        case .utf16: length == 4 ? 2 : 1
        case .utf32: 1
        }
    }

    /// Walks line `line`'s characters: (start, units before it) for each, then (contentEnd, total).
    func boundaries(ofLine line: Int, _ encoding: PositionEncoding) -> [(offset: Int, column: Int)] {
        let end = contentEnd(line)
        var result: [(offset: Int, column: Int)] = []
        var i = lineStarts[line]
        var column = 0
        while i < end {
            result.append((i, column))
            let length = characterLength(at: i, limit: end)
            column += units(length, encoding)
            i += length
        }
        result.append((end, column))
        return result
    }

    func width(ofLine line: Int, _ encoding: PositionEncoding) -> Int { boundaries(ofLine: line, encoding).last!.column }

    /// For every offset `0...count`: its line, the offset clamped back to a character start (or to the
    /// line end, inside a terminator), and that point's column.
    func table(_ encoding: PositionEncoding) -> [(line: Int, clamped: Int, column: Int)] {
        var result: [(line: Int, clamped: Int, column: Int)] = []
        result.reserveCapacity(bytes.count + 1)
        for line in lineStarts.indices {
            let next = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count + 1
            let marks = boundaries(ofLine: line, encoding)
            var k = 0
            for o in lineStarts[line]..<next {
                while k + 1 < marks.count && marks[k + 1].offset <= o { k += 1 }
                result.append((line, marks[k].offset, marks[k].column))
            }
        }
        return result
    }

    func offset(line: Int, column: Int, _ encoding: PositionEncoding) -> Int {
        if line < 0 { return 0 }
        if line >= lineStarts.count { return bytes.count }
        var best = lineStarts[line]
        for b in boundaries(ofLine: line, encoding) where b.column <= max(column, 0) { best = b.offset }
        return best
    }
}
