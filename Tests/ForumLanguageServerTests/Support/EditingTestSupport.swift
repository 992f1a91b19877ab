import Foundation
import ForumMarkup
@testable import ForumLanguageServer

/// Helpers for the editing-method tests: a client in a chosen position encoding with one open
/// document, and positions computed from the standard library's own views (not `SourceText`).
enum Editing {
    static let uri = "file:///editing.bbcode"

    /// A client initialised with `encoding` (and extra capabilities) that has `text` open.
    static func client(_ text: String, encoding: PositionEncoding = .utf16, capabilities: JSONObject = [:]) -> (TestClient, JSONObject) {
        let client = TestClient()
        var caps = capabilities
        caps["general"] = ["positionEncodings": [encoding.rawValue]]
        let result = client.initialize(capabilities: caps)
        client.open(uri, text)
        return (client, result)
    }

    /// The LSP position of the first occurrence of `marker` in `text` (plus `shift` characters of
    /// the marker), columns counted in `encoding` with `String`'s views.
    static func position(of marker: String, in text: String, shift: Int = 0, _ encoding: PositionEncoding) -> JSONObject {
        let r = text.range(of: marker)!
        let end = text.index(r.lowerBound, offsetBy: shift)
        let before = text[..<end]
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        let last = lines.last.map(String.init) ?? ""
        let column: Int
        switch encoding {
        case .utf8: column = last.utf8.count
        case .utf16: column = last.utf16.count
        case .utf32: column = last.unicodeScalars.count
        }
        return ["line": lines.count - 1, "character": column]
    }

    /// `{textDocument, position}` params.
    static func at(_ marker: String, in text: String, shift: Int = 0, _ encoding: PositionEncoding) -> JSONObject {
        ["textDocument": ["uri": uri], "position": position(of: marker, in: text, shift: shift, encoding)]
    }

    /// A range object as (startLine, startChar, endLine, endChar).
    static func tuple(_ range: Any?) -> [Int] {
        guard let r = range as? JSONObject, let s = r["start"] as? JSONObject, let e = r["end"] as? JSONObject else { return [] }
        return [s["line"] as! Int, s["character"] as! Int, e["line"] as! Int, e["character"] as! Int]
    }

    /// The text a range covers, with the positions read in `encoding`.
    static func text(_ range: Any?, in text: String, _ encoding: PositionEncoding) -> String {
        let t = tuple(range)
        let source = SourceText(text)
        let r = source.range(from: LinePosition(line: t[0], column: t[1]), to: LinePosition(line: t[2], column: t[3]), in: encoding)
        return source.text(r)
    }

    /// `text` with LSP text edits applied (positions in `encoding`).
    static func apply(_ edits: [JSONObject], to text: String, _ encoding: PositionEncoding) -> String {
        let source = SourceText(text)
        let byteEdits = edits.map { edit -> TextEdit in
            let t = tuple(edit["range"])
            let r = source.range(from: LinePosition(line: t[0], column: t[1]), to: LinePosition(line: t[2], column: t[3]), in: encoding)
            return TextEdit(range: r, replacement: edit["newText"] as! String)
        }
        return source.applying(byteEdits).string
    }

    static let encodings: [PositionEncoding] = [.utf16, .utf8, .utf32]
}
