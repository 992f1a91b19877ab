// The generated documents of the LSP table (our own text, never corpus text) and the edits made to them.

/// A deterministic thread page of our own, repeated to a size: a Discuz-style page with BBCode posts,
/// CJK, emoji, CRLF and some broken tags (so every size has many diagnostics and fixes), or with
/// `clean` only well-formed LF posts. Byte for byte the text the former `lsp_bench.py` generated.
enum BenchDocument {
    /// The document of at least `bytes` UTF-8 bytes: the header, then whole posts until the size is reached.
    static func make(bytes target: Int, clean: Bool) -> String {
        let header = clean ? "" : "[标题] 论坛标记讨论帖 - 测试版块 - Example Forum\r\n返回列表 发新帖\r\n\r\n"
        var text = header
        text.reserveCapacity(target + 1024)
        var size = header.utf8.count
        var n = 1
        while size < target {
            let post = clean ? cleanPost(n) : scrapedPost(n)
            text += post
            size += post.utf8.count
            n += 1
        }
        return text
    }

    /// Post `n` of the scraped page: floor label, chrome, a quote, styled text, a stray style tag,
    /// an unclosed `[b]` and a list, CRLF line ends.
    static func scrapedPost(_ n: Int) -> String {
        let d = n % 28 + 1
        let m = n % 60
        let minute = m < 10 ? "0\(m)" : "\(m)"
        return "\(n)#\r\n"
            + "发表于 2024-3-\(d) 12:\(minute):08 | 只看该作者\r\n"
            + "[quote]回复 \(n)# 的帖子\r\n[b]原帖[/b]说得不错 😀[/quote]\r\n"
            + "[size=4][color=#333333]第\(n)段正文，讨论论坛标记的解析与清理。[/color][/size]\r\n"
            + "Plain English text with [i]italics[/i], a [url=https://example.org/t/\(n)]link[/url] and emoji 👍.\r\n"
            + "[backcolor=transparent !important]残留的样式[/backcolor] and an unclosed [b]bold run\r\n"
            + "[list]\r\n[*]要点一\r\n[*]要点二 🎉\r\n[/list]\r\n"
            + "\r\n"
    }

    /// Post `n` of the clean page: well-formed BBCode, LF line ends.
    static func cleanPost(_ n: Int) -> String {
        "[b]第\(n)段[/b] 讨论论坛标记的解析与清理，plain English text with [i]italics[/i] and emoji 👍.\n"
            + "[quote]引用的内容 \(n) 😀[/quote]\n"
            + "[url=https://example.org/t/\(n)]link \(n)[/url] 以及 [color=red]红色[/color] 文本。\n"
            + "\n"
    }

    /// The text's lines as Unicode scalars, split at CRLF, LF and CR (as the server counts lines);
    /// the terminators are dropped. A text ending in a line break has an empty last line.
    static func lines(_ text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var afterCR = false
        for scalar in text.unicodeScalars {
            if afterCR {
                afterCR = false
                if scalar == "\n" { continue }
            }
            if scalar == "\n" || scalar == "\r" {
                lines.append(current)
                current.removeAll(keepingCapacity: true)
                afterCR = scalar == "\r"
            } else {
                current.append(scalar)
            }
        }
        lines.append(current)
        return lines
    }

    /// The LSP position just past the end of `text`: 0-based line (CRLF, LF and CR each end a line)
    /// and UTF-16 column.
    static func endPosition(_ text: String) -> (line: Int, character: Int) {
        var line = 0
        var lineStart = text.utf8.startIndex
        var previous: UInt8 = 0
        var index = text.utf8.startIndex
        for b in text.utf8 {
            text.utf8.formIndex(after: &index)
            if b == 0x0A && previous == 0x0D {
                lineStart = index
            } else if b == 0x0A || b == 0x0D {
                line += 1
                lineStart = index
            }
            previous = b
        }
        return (line, text[lineStart...].utf16.count)
    }

    /// The length of `scalars` in UTF-16 code units.
    static func utf16Length<C: Collection>(_ scalars: C) -> Int where C.Element == Unicode.Scalar {
        scalars.reduce(0) { $0 + $1.utf16.count }
    }
}

/// Single-character insertions at random character boundaries of a document, in LSP positions
/// (0-based lines, UTF-16 columns). It keeps its own copy of the lines so every edit's position is
/// valid in the text the server holds after the previous edits.
struct EditGenerator {
    /// The characters inserted: ASCII, CJK (3 UTF-8 bytes), an emoji (2 UTF-16 units) and a space.
    static let characters: [Unicode.Scalar] = ["a", "b", "字", "😀", " "]

    private var lines: [[Unicode.Scalar]]
    private var random: SplitMix64

    /// Starts from `text` with a fixed `seed` (the same seed gives the same edits).
    init(text: String, seed: UInt64) {
        lines = BenchDocument.lines(text)
        random = SplitMix64(seed: seed)
    }

    /// The next edit: where (0-based line, UTF-16 column) and which character to insert.
    mutating func next() -> (line: Int, character: Int, text: String) {
        let line = random.below(lines.count)
        let cut = random.below(lines[line].count + 1)
        let character = BenchDocument.utf16Length(lines[line][..<cut])
        let scalar = EditGenerator.characters[random.below(EditGenerator.characters.count)]
        lines[line].insert(scalar, at: cut)
        return (line, character, String(scalar))
    }
}

/// A small, fast, seedable pseudo-random generator (SplitMix64), so runs repeat exactly.
struct SplitMix64 {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (`bound` must be positive).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
