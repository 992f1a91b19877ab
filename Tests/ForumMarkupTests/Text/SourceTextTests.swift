import Testing
@testable import ForumMarkup

@Suite struct SourceTextTests {
    @Test func emptyDocumentHasOneLine() {
        let text = SourceText("")
        #expect(text.lineCount == 1)
        #expect(text.position(of: 0, in: .utf16) == LinePosition(line: 0, column: 0))
    }
}
