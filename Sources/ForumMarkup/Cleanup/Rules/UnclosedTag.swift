/// Flags an opening tag that is never closed, such as `[B]anyone?` with no `[/B]`.
///
/// Openers that `style-leak` or `invalid-tag-argument` already report are left to them (the forum
/// shows those as text anyway). The parser closes an unclosed inline tag at the end of its paragraph
/// and a block tag at the end of its post; that is where the fix puts the closer (before the whitespace
/// and any cut-off tag such as `[siz` that end the paragraph: text after it would turn it into words).
///
/// Fixes (safe): insert the closer where the parser ended the tag (preferred; with the closers of the
/// tags inside it left open at the same place, innermost first: `[b][i]x` -> `[b][i]x[/i][/b]`), or
/// remove the opener (the only fix for raw tags such as `[code]`, whose closing would turn the markup
/// after them into text). No closer is offered when a tag left open at that place cannot be closed
/// there (a raw tag, a style leak, an invalid argument: the closers could not be inserted in one fix),
/// nor around copies of the tag kept as text for nesting too deep: the removal of the innermost opener
/// around them deletes them too.
public struct UnclosedTag: CleanupRule {
    public static let code = "unclosed-tag"
    public static let defaultSeverity = Severity.warning
    public static let summary = "An opening tag that is never closed."
    public init() {}

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let tree = context.tree
        var openers: [Int: Int] = [:]
        for (i, node) in tree.nodes.enumerated() where node.kind == .openTag { openers[node.range.start] = i }
        // Copies kept as text for nesting too deep (sorted by start): closing the tags around them does not
        // settle them, each pass would peel one layer off (`[b]` fourteen deep).
        let tooDeep = tree.issues.filter { $0.kind == .nestingTooDeep }
        // Each such copy goes with the removal of the innermost unclosed opener of its name around it, so
        // that one pass removes every layer (not ten a pass: thirty `[quote]` took more than `maxPasses`).
        let unclosedOpeners = Set(tree.issues.filter { $0.kind == .unclosedTag }.compactMap { openers[$0.range.start] })
        var copies: [Int: [ByteRange]] = [:]
        if !tooDeep.isEmpty {
            let leaves = context.leaves
            for copy in tooDeep {
                var low = 0, high = leaves.count
                while low < high {
                    let mid = (low + high) / 2
                    if tree.nodes[leaves[mid]].range.end <= copy.range.start { low = mid + 1 } else { high = mid }
                }
                guard low < leaves.count else { continue }
                let key = copy.tagName.lowercased()
                var p = tree.nodes[leaves[low]].parent, steps = 0
                while p > 0, steps <= Parser.maxDepth + 2 {
                    if tree.nodes[p].kind == .element, let open = TagFacts.opener(tree, p), unclosedOpeners.contains(open),
                       tree.lowercasedName(of: open) == key {
                        copies[open, default: []].append(copy.range)
                        break
                    }
                    p = tree.nodes[p].parent
                    steps += 1
                }
            }
        }
        var out: [Diagnostic] = []
        for issue in tree.issues where issue.kind == .unclosedTag {
            guard let index = openers[issue.range.start] else { continue }
            let node = tree.nodes[index]
            if StyleLeak.leak(tree, index) != nil || InvalidTagArgument.isInvalid(tree, index) { continue }
            let name = tree.name(of: index)
            let text = context.source.text(node.range)
            var fixes: [Fix] = []
            // Closing a raw tag (`[code]`) would turn the markup after it into text: only removal is offered.
            if node.tag?.tagClass != .raw, let e = TagFacts.element(ofOpener: tree, index), let c = TagFacts.closer(tree, e),
               tree.nodes[c].kind == .missingCloseTag {
                // Close before the line break(s) and whitespace that end the paragraph, and before a
                // cut-off tag there (`[u][siz`): text after it would turn it from markup into words.
                var at = tree.nodes[c].range.start
                let b = context.bytes
                var k = c - 1
                while true {
                    while at > node.range.end, b[at - 1] == 0x0A || b[at - 1] == 0x0D || b[at - 1] == 0x20 || b[at - 1] == 0x09 { at -= 1 }
                    while k > index, tree.nodes[k].range.start >= at,
                          tree.nodes[k].range.isEmpty || tree.nodes[k].kind == .newline || tree.nodes[k].kind == .text { k -= 1 }
                    guard k > index, tree.nodes[k].kind == .truncatedTag, tree.nodes[k].range.end == at else { break }
                    at = tree.nodes[k].range.start
                    k -= 1
                }
                // Inner tags left open at the same place close there too, innermost first: their own
                // insertions at this offset would conflict, one per clean-up pass.
                var closers = "[/\(name)]"
                var inner: [String] = []
                var closable = true, withhold = false
                var m = c - 1
                while m > index, tree.nodes[m].kind == .missingCloseTag, tree.nodes[m].range.start == tree.nodes[c].range.start {
                    let open = TagFacts.opener(tree, tree.nodes[m].parent)
                    if let open, closable, tree.nodes[open].kind == .openTag, tree.nodes[open].tag?.tagClass != .raw,
                       StyleLeak.leak(tree, open) == nil, !InvalidTagArgument.isInvalid(tree, open) {
                        inner.append("[/\(tree.name(of: open))]")
                    } else {
                        closable = false
                        // A tag left open there that cannot be closed there (raw, leaking, invalid
                        // argument): one closer for all cannot be built, each outer closer at that place
                        // would take a pass of its own, and one of the same name would take the closer
                        // (`[b][b][color]a[b]`: `[/b]` closes the innermost `[b]`): remove instead.
                        // (Likewise below when copies of the tag inside were kept as text, too deep.)
                        withhold = true
                    }
                    m -= 1
                }
                closers = inner.reversed().joined() + closers
                if !withhold {
                    let inside = tree.nodes[e].range, key = tree.lowercasedName(of: index)
                    var low = 0, high = tooDeep.count
                    while low < high {
                        let mid = (low + high) / 2
                        if tooDeep[mid].range.start < inside.start { low = mid + 1 } else { high = mid }
                    }
                    while low < tooDeep.count, tooDeep[low].range.start < inside.end {
                        if tooDeep[low].tagName.lowercased() == key {
                            withhold = true
                            break
                        }
                        low += 1
                    }
                }
                if !withhold {
                    fixes.append(Fix(title: Messages.insertTitle(closers),
                                     edits: [TextEdit(range: ByteRange(at, at), replacement: closers)]))
                }
            }
            fixes.append(Fix(title: Messages.removeTitle(text), edits: [.delete(node.range)] + (copies[index] ?? []).map(TextEdit.delete)))
            out.append(Diagnostic(code: Self.code, severity: Self.defaultSeverity, range: node.range,
                                  message: Messages.message(text, name), fixes: fixes))
        }
        return out
    }

    enum Messages {
        static func message(_ text: String, _ name: String) -> String {
            "\(text) is never closed. The fix inserts [/\(name)] where the tag ends (or removes the opener)."
        }
        static func insertTitle(_ closers: String) -> String { "Insert \(closers) where the tag ends" }
        static func removeTitle(_ text: String) -> String { "Remove \(text)" }
    }
}
