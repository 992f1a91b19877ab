import Foundation
import Testing
@testable import ForumLanguageServer

@Suite struct MessageQueueTests {
    @Test func timedPopOnAnEmptyQueueGivesUpAfterTheTimeout() {
        let queue = MessageQueue()
        let start = Date()
        #expect(queue.pop(wait: true, timeout: 0.05) == nil)
        #expect(Date().timeIntervalSince(start) >= 0.045)
    }

    @Test func timedPopReturnsAnItemPushedWhileWaiting() {
        let queue = MessageQueue()
        startThread(stackSize: 1 << 20) {
            usleep(20_000)
            queue.push(.endOfInput)
        }
        let start = Date()
        let item = queue.pop(wait: true, timeout: 10)
        #expect(item.map { if case .endOfInput = $0 { true } else { false } } == true)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func popWithoutWaitingReturnsNilWhenEmpty() {
        #expect(MessageQueue().pop(wait: false) == nil)
    }

    @Test func releasingFreedMemoryIsSafeToCallAnyTime() {
        HeapTuning.releaseFreedMemory()
        let bytes = [UInt8](repeating: 1, count: 1 << 20)
        HeapTuning.releaseFreedMemory()
        #expect(bytes.count == 1 << 20)
    }
}
