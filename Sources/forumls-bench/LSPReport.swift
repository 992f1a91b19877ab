// The printed tables of the LSP run (Markdown, so they can be pasted into the READMEs).
import Foundation

/// Formats `LSPResults` as the report's tables.
enum LSPReport {
    /// Prints the cold-start line, the size table, the edit series, the cost growth and the time per part.
    static func print(_ results: LSPResults, _ options: BenchOptions) {
        let cold = results.coldStarts
        Swift.print("")
        Swift.print("spawn -> `initialize` result: median \(ms(median(cold))) (min \(ms(cold.min() ?? 0)), "
                    + "max \(ms(cold.max() ?? 0)), \(cold.count) fresh processes)")
        Swift.print("")
        Swift.print("| document | bytes | diagnostics | didOpen -> diagnostics read | + JSONDecoder decode | documentSymbol "
                    + "| codeAction fix-all | peak memory (VmHWM) |")
        Swift.print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for r in results.sizes {
            Swift.print("| \(sizeLabel(r.nominalBytes)) | \(grouped(r.bytes)) | \(grouped(r.diagnostics)) "
                        + "| \(ms(r.openRead)) | \(r.openDecoded.map(ms) ?? "-") | \(ms(r.symbols)) (\(grouped(r.symbolCount)) symbols) "
                        + "| \(ms(r.fixAll)) (\(grouped(r.fixAllEdits)) edits) | \(mebibytes(r.peakKiB)) |")
        }
        for r in results.sizes where !r.editsRead.isEmpty {
            Swift.print("")
            let cut = r.editsCut ? " (stopped by --edit-budget \(Int(options.editBudgetSeconds)) s; \(options.edits) asked)" : ""
            Swift.print("edit -> diagnostics, \(sizeLabel(r.nominalBytes)) document, \(r.editsRead.count) single-character "
                        + "incremental edits\(cut), nearest-rank percentiles:")
            Swift.print("")
            Swift.print("| figure (from just before the didChange write) | p50 | p95 | max |")
            Swift.print("|---|---:|---:|---:|")
            let sampled = (options.decodeEvery == 1 ? "every edit" : "every \(options.decodeEvery)th edit")
                + ", \(r.editsDecoded.count) samples"
            let rows = [("diagnostics read off the pipe", r.editsRead),
                        ("read + uri and version checked (byte scanner)", r.editsChecked),
                        ("read + decoded in full with JSONDecoder (\(sampled))", r.editsDecoded),
                        ("the JSONDecoder decode alone (same samples)", r.decodeAlone)]
            for (name, values) in rows where !values.isEmpty {
                Swift.print("| \(name) | \(ms(nearestRankPercentile(values, 50) ?? 0)) | "
                            + "\(ms(nearestRankPercentile(values, 95) ?? 0)) | \(ms(values.max() ?? 0)) |")
            }
        }
        printGrowth(results)
        Swift.print("")
        let parts = (results.sizes + [results.growthOnly].compactMap { $0 }).map {
            "\(sizeLabel($0.nominalBytes)) \(String(format: "%.2f", $0.wallSeconds)) s"
        }
        Swift.print("time per part (fresh server each): " + parts.joined(separator: ", ")
                    + String(format: "; LSP total %.1f s", results.totalSeconds))
        for r in results.sizes + [results.growthOnly].compactMap({ $0 }) where !r.problems.isEmpty {
            FileHandle.standardError.write(Data("FAILED at \(sizeLabel(r.nominalBytes)): \(r.problems.joined(separator: "; "))\n".utf8))
        }
    }

    /// Time per MB of the 1, 10 and 100 MB documents (flat rows mean linear cost).
    static func printGrowth(_ results: LSPResults) {
        let rows = (results.sizes + [results.growthOnly].compactMap { $0 }).filter { $0.nominalBytes >= LSPBench.megabyte }
        Swift.print("")
        Swift.print("cost growth, per MB of document (flat columns = linear cost):")
        Swift.print("")
        Swift.print("| document | didOpen -> diagnostics | documentSymbol | codeAction fix-all | VmHWM |")
        Swift.print("|---|---:|---:|---:|---:|")
        for r in rows {
            let mb = Double(r.bytes) / Double(LSPBench.megabyte)
            let peak = r.peakKiB.map { String(format: "%.1f MB/MB", Double($0) / 1024 / mb) } ?? "?"
            Swift.print("| \(sizeLabel(r.nominalBytes)) | \(ms(r.openRead / mb))/MB | \(ms(r.symbols / mb))/MB "
                        + "| \(ms(r.fixAll / mb))/MB | \(peak) |")
        }
        if results.growthOnly == nil {
            Swift.print("| 100 MB | not run: add `--with-100mb` (a few minutes, several GB of memory) | | | |")
        }
    }

    /// "10 KB", "1 MB", "100 MB" for a size in bytes.
    static func sizeLabel(_ bytes: Int) -> String {
        bytes < LSPBench.megabyte ? "\(bytes / LSPBench.kilobyte) KB" : "\(bytes / LSPBench.megabyte) MB"
    }

    /// Milliseconds with precision that fits the size: "0.42 ms", "24.7 ms", "4,541 ms".
    static func ms(_ value: Double) -> String {
        if value < 10 { return String(format: "%.2f ms", value) }
        if value < 1000 { return String(format: "%.1f ms", value) }
        return "\(grouped(Int(value.rounded()))) ms"
    }

    /// KiB as "80.9 MB" (MiB), or "?" when unknown.
    static func mebibytes(_ kib: Int?) -> String {
        kib.map { String(format: "%.1f MB", Double($0) / 1024) } ?? "?"
    }

    /// An integer with thousands separators: 1,048,777.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// The median (mean of the middle two for an even count); 0 for no values.
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
