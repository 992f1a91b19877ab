/// Checks a tag's argument against the grammar the active dialect applies to it (spec 1.2, 1.4).
///
/// Works on the raw argument bytes (without brackets and `=`). An argument the engine would reject
/// is what a scraped page keeps as literal residue, so this decides "known tag, bad argument".
public enum ArgumentValidator {
    /// True when `argument` (nil: the tag has none) is acceptable for `tag` in `dialect`.
    public static func isValid(_ tag: TagInfo, _ argument: ArraySlice<UInt8>?, dialect: Dialect) -> Bool {
        guard var arg = argument else { return !tag.argumentRequired }
        if dialect != .discuz { arg = unquoted(arg) }
        switch tag.argument {
        case .none:
            return false
        case .any:
            return true
        case .color:
            return isColor(arg)
        case .size:
            return isSize(arg, dialect)
        case .font:
            return isFont(arg, dialect)
        case .align:
            return equalsAny(arg, dialect == .discuz ? ["left", "center", "right"] : ["left", "center", "right", "justify"])
        case .float:
            return equalsAny(arg, ["left", "right"])
        case .paragraph:
            return isParagraph(arg)
        case .list:
            if arg.count != 1 { return false }
            let c = arg[arg.startIndex]
            if c == 0x31 || c == 0x61 || c == 0x41 { return true }
            return dialect != .discuz && (c == 0x69 || c == 0x49)
        case .url:
            return !arg.isEmpty && !arg.contains(0x5B) && !(dialect == .discuz && (arg.contains(0x22) || arg.contains(0x27)))
        case .email:
            return arg.contains(0x40)
        case .imageSize:
            return dialect != .discuz || isImageSize(arg)
        case .list_of_values:
            return !arg.isEmpty && arg.allSatisfy { isValueListByte($0) }
        case .headingLevel:
            return arg.count == 1 && arg[arg.startIndex] >= 0x31 && arg[arg.startIndex] <= 0x33
        case .quote, .codeLanguage:
            return dialect != .discuz
        }
    }

    static func unquoted(_ arg: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard arg.count >= 2, let first = arg.first, let last = arg.last else { return arg }
        if (first == 0x22 || first == 0x27) && first == last { return arg.dropFirst().dropLast() }
        return arg
    }

    static func lower(_ c: UInt8) -> UInt8 { TagCatalog.asciiLower(c) }

    static func equalsAny(_ arg: ArraySlice<UInt8>, _ words: [String]) -> Bool {
        for word in words where word.utf8.count == arg.count {
            if zip(word.utf8, arg).allSatisfy({ $0 == lower($1) }) { return true }
        }
        return false
    }

    static func hasPrefix(_ arg: ArraySlice<UInt8>, _ prefix: String) -> Bool {
        arg.count >= prefix.utf8.count && zip(prefix.utf8, arg).allSatisfy { $0 == lower($1) }
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isWord(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F
    }

    /// Discuz colour grammar: a run of word characters and `#`, or `rgb(`/`rgba(` with digits, spaces
    /// and commas only inside.
    static func isColor(_ arg: ArraySlice<UInt8>) -> Bool {
        if arg.isEmpty { return false }
        if arg.allSatisfy({ isWord($0) || $0 == 0x23 }) { return true }
        for prefix in ["rgb(", "rgba("] where hasPrefix(arg, prefix) {
            guard arg.last == 0x29 else { return false }
            let inner = arg.dropFirst(prefix.utf8.count).dropLast()
            return inner.allSatisfy { isDigit($0) || $0 == 0x20 || $0 == 0x2C }
        }
        return false
    }

    static func isSize(_ arg: ArraySlice<UInt8>, _ dialect: Dialect) -> Bool {
        if arg.isEmpty { return false }
        var digits = arg.startIndex
        while digits < arg.endIndex && isDigit(arg[digits]) { digits += 1 }
        let intCount = digits - arg.startIndex
        let rest = arg[digits...]
        switch dialect {
        case .discuz:
            if rest.isEmpty { return intCount >= 1 && intCount <= 2 }
            guard intCount >= 1 else { return false }
            var unit = rest
            if unit.first == 0x2E {
                unit = unit.dropFirst()
                while let c = unit.first, isDigit(c) { unit = unit.dropFirst() }
            }
            return equalsAny(unit, ["px", "pt"])
        case .phpbb:
            return rest.isEmpty && intCount >= 1 && intCount <= 3
        case .vbulletin:
            let signless = (arg.first == 0x2B || arg.first == 0x2D) ? arg.dropFirst() : arg
            return !signless.isEmpty && signless.count <= 2 && signless.allSatisfy(isDigit)
        case .xenforo:
            return intCount >= 1 && (rest.isEmpty || equalsAny(rest, ["px"]))
        case .mybb:
            if rest.isEmpty { return intCount >= 1 && intCount <= 2 }
            return equalsAny(arg, ["xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large"])
        }
    }

    static func isFont(_ arg: ArraySlice<UInt8>, _ dialect: Dialect) -> Bool {
        if arg.isEmpty { return false }
        if dialect == .discuz { return !arg.contains(0x3C) }
        // Other engines: no quotes, entities, colons, semicolons or `!`.
        return !arg.contains { $0 == 0x22 || $0 == 0x26 || $0 == 0x3A || $0 == 0x3B || $0 == 0x21 || $0 == 0x3C }
    }

    /// Discuz `[p=LH, TI, AL]`: LH/TI 1-2 digits or `null`, exactly comma + one space, AL an alignment.
    static func isParagraph(_ arg: ArraySlice<UInt8>) -> Bool {
        let parts = arg.split(separator: 0x2C, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        func number(_ p: ArraySlice<UInt8>) -> Bool {
            (p.count >= 1 && p.count <= 2 && p.allSatisfy(isDigit)) || equalsAny(p, ["null"])
        }
        guard number(parts[0]), parts[1].first == 0x20, parts[2].first == 0x20 else { return false }
        return number(parts[1].dropFirst()) && equalsAny(parts[2].dropFirst(), ["left", "center", "right"])
    }

    static func isImageSize(_ arg: ArraySlice<UInt8>) -> Bool {
        guard let sep = arg.firstIndex(where: { $0 == 0x2C || $0 == 0x78 }) else { return false }
        let w = arg[arg.startIndex..<sep], h = arg[(sep + 1)...]
        return (1...4).contains(w.count) && (1...4).contains(h.count) && w.allSatisfy(isDigit) && h.allSatisfy(isDigit)
    }

    static func isValueListByte(_ c: UInt8) -> Bool {
        isWord(c) || c == 0x2C || c == 0x25 || c == 0x23 || c == 0x2E || c == 0x20 || c == 0x2D
    }
}
