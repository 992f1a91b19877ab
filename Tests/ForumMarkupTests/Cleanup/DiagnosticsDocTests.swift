import Foundation
import Testing
import ForumMarkup

/// Keeps rules, registry, tests and `Protocol/diagnostics.md` in step, and replays the documented examples.
@Suite struct DiagnosticsDocTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func read(_ path: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// `## \`code\`` sections of the docs: code -> (bad, fixed).
    static func examples() -> [String: (bad: String?, fixed: String?)] {
        var out: [String: (bad: String?, fixed: String?)] = [:]
        var code: String?
        var pending: String?
        var block: [String]?
        for line in read("Protocol/diagnostics.md").components(separatedBy: "\n") {
            if var lines = block {
                if line == "```" {
                    let text = unescape(lines.joined(separator: "\n") + "\n")
                    if let c = code, let p = pending {
                        if p == "bad" { out[c, default: (nil, nil)].bad = text } else { out[c, default: (nil, nil)].fixed = text }
                    }
                    pending = nil
                    block = nil
                } else {
                    lines.append(line)
                    block = lines
                }
                continue
            }
            if line.hasPrefix("## `"), line.hasSuffix("`") {
                code = String(line.dropFirst(4).dropLast())
                out[code!] = (nil, nil)
            } else if line == "**Bad**" {
                pending = "bad"
            } else if line == "**Fixed**" {
                pending = "fixed"
            } else if line.hasPrefix("```"), pending != nil {
                block = []
            }
        }
        return out
    }

    /// Replaces `\u{XXXX}` escapes by their characters.
    static func unescape(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let r = rest.range(of: "\\u{") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            guard let close = after.firstIndex(of: "}"), let v = UInt32(after[..<close], radix: 16),
                  let scalar = Unicode.Scalar(v) else { out += "\\u{"; rest = after; continue }
            out.unicodeScalars.append(scalar)
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }

    @Test func everyRuleFileHasRegistryLineTestsAndDocs() throws {
        let dir = Self.root.appendingPathComponent("Sources/ForumMarkup/Cleanup/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 17)
        let registry = Self.read("Sources/ForumMarkup/Cleanup/RuleRegistry.swift")
        let docs = Self.examples()
        for file in files {
            let type = String(file.dropLast(6))
            #expect(registry.contains("        \(type).self,"), "\(type) has no line in RuleRegistry")
            let testPath = Self.root.appendingPathComponent("Tests/ForumMarkupTests/Cleanup/Rules/\(type)Tests.swift").path
            #expect(FileManager.default.fileExists(atPath: testPath), "\(type) has no \(type)Tests.swift")
            guard let rule = RuleRegistry.rules.first(where: { String(describing: $0) == type }) else {
                Issue.record("\(type) is not registered")
                continue
            }
            let entry = docs[rule.code]
            #expect(entry != nil, "\(rule.code) has no section in Protocol/diagnostics.md")
            #expect(entry?.bad != nil && entry?.fixed != nil, "\(rule.code) lacks a Bad or Fixed example")
        }
        #expect(Set(RuleRegistry.rules.map { $0.code }).count == RuleRegistry.rules.count, "duplicate rule codes")
    }

    @Test func documentedExamplesReplay() {
        let docs = Self.examples()
        for rule in RuleRegistry.rules {
            guard let entry = docs[rule.code], let bad = entry.bad, let good = entry.fixed else { continue }
            let found = findings(rule.code, bad)
            #expect(!found.isEmpty, "\(rule.code): the Bad example is not flagged")
            #expect(fixed(rule.code, bad) == good, "\(rule.code): fixing the Bad example does not give the Fixed one")
            #expect(findings(rule.code, good).isEmpty, "\(rule.code): the Fixed example is still flagged")
        }
    }
}
