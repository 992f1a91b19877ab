#if canImport(Glibc)
import Glibc

@_silgen_name("mallopt")
private func c_mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// Process-wide heap tuning for the executables.
public enum HeapTuning {
    /// Keeps freed large blocks in the heap instead of returning them to the kernel.
    ///
    /// Every document version allocates token and node arrays of a few bytes per input byte; with
    /// glibc's defaults each one is a fresh `mmap` whose zeroed pages fault in again, which measured
    /// at half of all parse time. Peak memory is unchanged; it is simply reused. No-op elsewhere.
    public static func keepFreedMemory() {
        #if canImport(Glibc)
        _ = c_mallopt(-3, 1 << 30)  // M_MMAP_THRESHOLD: serve blocks up to 1 GiB from the heap
        _ = c_mallopt(-1, 1 << 30)  // M_TRIM_THRESHOLD: do not trim the heap top below 1 GiB free
        #endif
    }
}
