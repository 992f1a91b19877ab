/// The argument values completion offers for tags with a small set of common values.
///
/// Every value offered passes `ArgumentValidator` for the dialect asked about, so completion never
/// proposes a value the forum would show as text.
public enum ArgumentValueSuggestions {
    /// The suggested values for `tag` in `dialect`, each with a one-line description, in the order
    /// shown; empty for tags whose values are open-ended (URLs, quote names).
    public static func values(for tag: TagInfo, dialect: Dialect) -> [(value: String, detail: String)] {
        let raw: [(String, String)]
        switch tag.argument {
        case .color:
            raw = colors.map { ($0, "colour") }
        case .size:
            raw = sizes(dialect)
        case .align:
            raw = [("left", "align left"), ("center", "centre"), ("right", "align right"), ("justify", "justify")]
        case .float:
            raw = [("left", "float left"), ("right", "float right")]
        case .font:
            raw = fonts.map { ($0, "font family") }
        case .list:
            raw = [("1", "numbered 1, 2, 3"), ("a", "lettered a, b, c"), ("A", "lettered A, B, C"),
                   ("i", "roman i, ii, iii"), ("I", "roman I, II, III")]
        case .headingLevel:
            raw = [("1", "heading level 1"), ("2", "heading level 2"), ("3", "heading level 3")]
        case .paragraph:
            raw = [("30, 2, left", "line height 30, indent 2, left")]
        default:
            raw = []
        }
        return raw.filter { ArgumentValidator.isValid(tag, ArraySlice($0.0.utf8), dialect: dialect) }
            .map { (value: $0.0, detail: $0.1) }
    }

    static let colors = ["black", "gray", "silver", "white", "red", "maroon", "orange", "yellow", "olive", "green",
                         "lime", "teal", "blue", "navy", "purple", "fuchsia", "#999999", "#ff0000", "#0000ff"]

    static let fonts = ["Arial", "Tahoma", "Verdana", "Times New Roman", "Courier New", "Georgia",
                        "微软雅黑", "宋体", "黑体", "楷体", "仿宋"]

    static func sizes(_ dialect: Dialect) -> [(String, String)] {
        switch dialect {
        case .phpbb:
            return [("50", "tiny (percent)"), ("85", "small (percent)"), ("100", "normal (percent)"),
                    ("150", "large (percent)"), ("200", "huge (percent)")]
        case .mybb:
            return (1...7).map { ("\($0)", "size \($0)") }
                + ["xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large"].map { ($0, "CSS size keyword") }
        case .discuz, .xenforo:
            return (1...7).map { ("\($0)", "size \($0) of 7") } + [("12px", "pixels"), ("14px", "pixels"), ("16px", "pixels")]
        case .vbulletin:
            return (1...7).map { ("\($0)", "size \($0) of 7") }
        }
    }
}
