#if canImport(Glibc)
import Glibc

@_silgen_name("mallopt")
private func c_mallopt(_ parameter: Int32, _ value: Int32) -> Int32

@_silgen_name("malloc_trim")
private func c_malloc_trim(_ pad: Int) -> Int32

@_silgen_name("malloc_usable_size")
private func c_malloc_usable_size(_ pointer: UnsafeMutableRawPointer?) -> Int
#endif

/// Process-wide heap tuning for the executables (glibc; no-ops elsewhere).
public enum HeapTuning {
    private static let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
    private static let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
    private static let keptFreeBytes: Int32 = 1 << 30

    /// True once `keepFreedMemory` ran (written before any other thread starts).
    nonisolated(unsafe) private static var keepsFreedMemory = false

    /// Keeps freed large blocks in the heap instead of returning them to the kernel.
    ///
    /// Every document version allocates token and node arrays of a few bytes per input byte; with
    /// glibc's defaults each one is a fresh `mmap` whose zeroed pages fault in again, which measured
    /// at half of all parse time. Peak memory is unchanged; it is simply reused. The price is that
    /// the heap stays as large as the biggest burst ever needed: a long-running process calls
    /// `releaseFreedMemory` when it goes idle. Call it before starting threads.
    public static func keepFreedMemory() {
        #if canImport(Glibc)
        keepsFreedMemory = true
        _ = c_mallopt(mmapThreshold, keptFreeBytes)  // serve blocks up to 1 GiB from the heap
        _ = c_mallopt(trimThreshold, keptFreeBytes)  // do not trim a heap top below 1 GiB free
        #endif
    }

    /// Returns the free memory of the heap to the kernel, so that the resident size falls back to
    /// the memory in use; the next burst faults the pages in again. Takes a few milliseconds for a
    /// heap of about 100 MB. Call it from the thread that did the work, when it goes idle.
    ///
    /// glibc's `malloc_trim(0)` releases the free pages inside every arena and the free top of the
    /// main arena, but not the free top of a thread's own arena, which glibc cuts only inside
    /// `free`, when the top exceeds `M_TRIM_THRESHOLD`, which `keepFreedMemory` raised to 1 GiB: so
    /// the threshold is lowered for one free of a block of the calling thread's arena, then restored.
    public static func releaseFreedMemory() {
        #if canImport(Glibc)
        if keepsFreedMemory {
            _ = c_mallopt(trimThreshold, 128 << 10)
            // Freeing a block of at least 64 KiB makes free() consolidate and trim the arena's top.
            let block = malloc(256 << 10)
            _ = c_malloc_usable_size(block)  // an opaque use, so the pair is not optimised away
            free(block)
            _ = c_mallopt(trimThreshold, keptFreeBytes)
        }
        _ = c_malloc_trim(0)
        #endif
    }
}
