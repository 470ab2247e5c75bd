import Glibc

/// glibc's allocator tuned for a process that converts report after report. By default a block of
/// 128 KiB or more is mapped on its own and unmapped when freed, and free memory at the top of the heap
/// goes back to the system at once; so every report's part bytes, node lists and output buffer came
/// from freshly mapped pages: a batch over 70 DOCX took 16,700 page faults, 2,120 with these settings.
/// Blocks below 4 MiB now come from the heap and are reused, and up to 16 MiB of free heap is kept:
/// the resident size stays that of the largest report, not of the whole batch.
/// A report is converted on a thread of its own (TimeLimit), whose heap glibc made usable a few pages
/// at a time, one mprotect each (8,500 for a 4 MB page); with a top pad of the whole 64 MiB such a
/// heap may reach, it is made usable at once. Pages are still resident only once written.
enum HeapSettings {
    /// mallopt(3) is declared in malloc.h, which Swift's Glibc module leaves out; so it is looked up
    /// by name, with its parameters' values from that header.
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    private static let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3

    static func apply() {
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(mmapThreshold, 4 << 20)
        _ = mallopt(trimThreshold, 16 << 20)
        _ = mallopt(topPad, 64 << 20)
    }
}
