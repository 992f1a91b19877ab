#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex and condition variable (pthreads), for the reader/worker hand-off.
final class Condition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    /// Runs `body` holding the mutex.
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Waits for a signal; call only inside `locked`.
    func wait() { pthread_cond_wait(condition, mutex) }

    /// Waits for a signal until the wall clock (`CLOCK_REALTIME`, the condition's clock) reads
    /// `deadline`; call only inside `locked`. Returns false when the deadline passed (a spurious
    /// wake-up returns true: re-check the state).
    func wait(until deadline: timespec) -> Bool {
        var deadline = deadline
        return pthread_cond_timedwait(condition, mutex, &deadline) != ETIMEDOUT
    }

    /// Wakes one waiter.
    func signal() { pthread_cond_signal(condition) }
}

/// The messages read but not yet processed, in arrival order. The reader pushes, the worker pops;
/// cancellation removes queued requests on arrival.
final class MessageQueue: @unchecked Sendable {
    enum Item {
        case message(IncomingMessage)
        /// The client closed stdin.
        case endOfInput
    }

    private let condition = Condition()
    private var items: [Item] = []
    private var head = 0

    /// Appends an item and wakes the worker.
    func push(_ item: Item) {
        condition.locked {
            items.append(item)
            condition.signal()
        }
    }

    /// The oldest item; waits for one when `wait` is true, else returns nil when empty. With
    /// `timeout` (seconds) a waiting pop gives up and returns nil when nothing arrived in that time.
    func pop(wait: Bool, timeout: Double? = nil) -> Item? {
        let deadline = timeout.map(Self.deadline)
        return condition.locked {
            while head >= items.count {
                if !wait { return nil }
                if let deadline {
                    if !condition.wait(until: deadline) && head >= items.count { return nil }
                } else {
                    condition.wait()
                }
            }
            let item = items[head]
            head += 1
            if head > 64 && head * 2 > items.count {
                items.removeFirst(head)
                head = 0
            }
            return item
        }
    }

    /// The wall-clock time `seconds` from now (a clock step only makes a timed pop early or late).
    private static func deadline(_ seconds: Double) -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let whole = Int(seconds)
        var nanoseconds = now.tv_nsec + Int((seconds - Double(whole)) * 1e9)
        var secs = now.tv_sec + whole
        if nanoseconds >= 1_000_000_000 { secs += 1; nanoseconds -= 1_000_000_000 }
        return timespec(tv_sec: secs, tv_nsec: nanoseconds)
    }

    /// True when nothing is waiting.
    var isEmpty: Bool { condition.locked { head >= items.count } }

    /// Removes the queued requests that match and returns their ids.
    func removeRequests(where predicate: (RequestID, MethodEntry, IncomingMessage.Params) -> Bool) -> [RequestID] {
        condition.locked {
            var removed: [RequestID] = []
            var kept: [Item] = []
            kept.reserveCapacity(items.count - head)
            for item in items[head...] {
                if case .message(let message) = item, case .request(let id, let entry, let params) = message.kind,
                   predicate(id, entry, params) {
                    removed.append(id)
                } else {
                    kept.append(item)
                }
            }
            if !removed.isEmpty {
                items = kept
                head = 0
            }
            return removed
        }
    }
}

/// Starts a detached thread with a stack of `stackSize` bytes (the worker gets a large one, so
/// that encoding a deeply nested result cannot overflow it).
func startThread(stackSize: Int, _ body: @escaping @Sendable () -> Void) {
    final class Box { let body: @Sendable () -> Void; init(_ body: @escaping @Sendable () -> Void) { self.body = body } }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, stackSize)
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    var thread = pthread_t()
    let status = pthread_create(&thread, &attributes, { raw in
        let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
        box.body()
        return nil
    }, context)
    pthread_attr_destroy(&attributes)
    if status != 0 {
        // Fall back to the default stack size.
        let retry = pthread_create(&thread, nil, { raw in
            let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
        }, context)
        precondition(retry == 0, "cannot start the worker thread")
    }
    pthread_detach(thread)
}
