#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `needle` first occurs in `haystack` at or after `start`, as bytes. Candidates are found by the
/// needle's last byte with memchr and confirmed with memcmp: in Chinese text a last byte (a
/// continuation byte) recurs far less than a lead byte does.
public func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                        from start: Int = 0) -> Int? {
    guard let n = needle.baseAddress, let last = needle.last else { return start <= haystack.count ? start : nil }
    guard let h = haystack.baseAddress, start >= 0, haystack.count - start >= needle.count else { return nil }
    var end = start + needle.count - 1
    while end < haystack.count {
        guard let found = memchr(h + end, Int32(last), haystack.count - end) else { return nil }
        end = h.distance(to: found.assumingMemoryBound(to: UInt8.self))
        let offset = end - (needle.count - 1)
        if memcmp(h + offset, n, needle.count) == 0 { return offset }
        end += 1
    }
    return nil
}
