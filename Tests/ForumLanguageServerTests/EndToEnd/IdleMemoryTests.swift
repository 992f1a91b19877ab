import Foundation
import Testing
@testable import ForumLanguageServer

/// The resident size of process `pid` in KiB (`VmRSS` in /proc/PID/status), or nil without /proc.
private func residentKiB(_ pid: Int32) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
    }
    return nil
}

/// A forum page of about `bytes` UTF-8 bytes: posts with tags, CJK, emoji and chrome lines.
private func page(bytes: Int) -> String {
    var text = "[标题] 测试帖 - Example Forum\r\n\r\n"
    var n = 1
    while text.utf8.count < bytes {
        text += "\(n)#\r\n发表于 2024-3-1 12:00:08 | 只看该作者\r\n[quote]回复 \(n)# 的帖子 😀[/quote]\r\n"
            + "[size=4][color=#333333]第\(n)段正文[/color][/size] and an unclosed [b]bold run\r\n"
            + "[list]\n[*]要点 🎉\n[/list]\r\n\r\n"
        n += 1
    }
    return text
}

@Suite(.enabled(if: ServerBinary.url != nil && residentKiB(getpid()) != nil,
                "needs the forumls binary next to the tests and Linux /proc"), .serialized)
struct IdleMemoryTests {
    /// After a burst of work on a big document that is then closed, the idle server's resident size
    /// falls back near where it was before (HeapTuning.releaseFreedMemory after 1 s without messages).
    @Test func idleServerReturnsFreedMemory() throws {
        let server = try ServerProcess()
        server.initialize()
        let pid = server.process.processIdentifier
        Thread.sleep(forTimeInterval: 1.5)
        let before = try #require(residentKiB(pid))

        let uri = "file:///big.bbcode"
        server.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "bbcode", "version": 1,
                                                                "text": page(bytes: 600_000)]])
        #expect(server.request("textDocument/documentSymbol", ["textDocument": ["uri": uri]], timeout: 60) != nil)
        #expect(server.request("textDocument/semanticTokens/full", ["textDocument": ["uri": uri]], timeout: 60) != nil)
        let peak = try #require(residentKiB(pid))
        server.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        _ = server.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]])

        // The release comes 1 s after the last message; allow for a loaded machine.
        let target = before + (peak - before) / 4
        var after = peak
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.25)
            after = residentKiB(pid) ?? after
            if after <= target { break }
        }
        #expect(peak - before > 10_000, "the document should cost tens of MB while open (\(before) -> \(peak) KiB)")
        #expect(after <= target, "VmRSS before \(before) KiB, peak \(peak) KiB, idle after closing \(after) KiB")
        server.request("shutdown")
        server.notify("exit")
        #expect(server.waitForExit() == 0)
    }
}
