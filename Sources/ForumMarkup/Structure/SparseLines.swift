/// Per-line values present on few lines of a document (post headers): a slot per line and the values
/// in line order, so a lookup is an array read, not a dictionary probe.
struct SparseLines<Value> {
    /// Index into `values` per line, -1 when the line has none.
    private var slots: [Int32]
    /// The values, in the order they were set.
    private(set) var values: [Value] = []
    /// The 0-based lines that have a value, in the order they were set (ascending when set in line order).
    private(set) var lines: [Int] = []

    /// An empty map for a document of `count` lines.
    init(count: Int) { slots = [Int32](repeating: -1, count: count) }

    /// The value of 0-based line `line`, or nil (also out of range). Setting nil is not supported.
    subscript(line: Int) -> Value? {
        get {
            guard line >= 0 && line < slots.count else { return nil }
            let k = Int(slots[line])
            return k >= 0 ? values[k] : nil
        }
        set {
            guard let value = newValue else { return }
            let k = Int(slots[line])
            if k >= 0 { values[k] = value; return }
            slots[line] = Int32(values.count)
            values.append(value)
            lines.append(line)
        }
    }
}
