extension SyntaxTree {
    /// An indented, one-node-per-line dump of the tree, used by `forumls parse` and by tests.
    ///
    /// Each line: kind, byte range, then the tag name (elements and tags), the argument (`=...`,
    /// marked `!invalid` when the dialect rejects it) and, for leaves, the text in quotes with
    /// control characters escaped. Parse issues follow after a `issues:` line.
    public func dump() -> String {
        var out = ""
        var depthOf = [Int](repeating: 0, count: nodes.count)
        for index in nodes.indices {
            let node = nodes[index]
            let depth = node.parent >= 0 ? depthOf[node.parent] + 1 : 0
            depthOf[index] = depth
            out += String(repeating: "  ", count: depth)
            out += "\(node.kind.rawValue) \(node.range.start)..<\(node.range.end)"
            if !node.nameRange.isEmpty { out += " \(name(of: index))" }
            if let argument = node.argumentRange, node.kind == .element || node.kind == .voidTag || node.kind == .truncatedTag {
                out += " =\(SyntaxTree.escaped(source.text(argument)))"
                if !node.argumentIsValid { out += " !invalid" }
            } else if !node.argumentIsValid {
                out += " !invalid"
            }
            if node.isLeaf && node.kind != .newline && !node.range.isEmpty {
                out += " \"\(SyntaxTree.escaped(source.text(node.range)))\""
            }
            out += "\n"
        }
        if !issues.isEmpty {
            out += "issues:\n"
            for issue in issues {
                out += "  \(issue.kind.rawValue) \(issue.range.start)..<\(issue.range.end) \(issue.tagName)"
                if let related = issue.related { out += " related \(related.start)..<\(related.end)" }
                out += "\n"
            }
        }
        return out
    }

    /// The concatenation of the leaves' bytes: equal to the source for every tree this module builds.
    public func printedBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        for node in nodes where node.isLeaf {
            out.append(contentsOf: source.bytes[node.range.start..<node.range.end])
        }
        return out
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
