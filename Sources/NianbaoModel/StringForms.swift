#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// The string without leading and trailing white space of any kind (U+00A0, U+3000 and the
    /// zero-width marks scraped text carries included).
    public func trimmingBlanks() -> String {
        // Most texts begin and end with a byte no blank begins or ends with: given back at a glance,
        // without walking scalars from either end.
        var text = self
        let clean = text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return true }
            let firstCanBeBlank = switch first {
            case 0x09...0x0D, 0x20, 0xC2, 0xE1, 0xE2, 0xE3, 0xEF: true
            default: false
            }
            // The last bytes of blanks: U+0085, U+00A0, U+1680, U+2000…U+200B, U+2028, U+2029, U+202F,
            // U+205F, U+3000 and U+FEFF end in 80…8B, 9F, A0, A8, A9, AF or BF.
            let lastCanBeBlank = switch last {
            case 0x09...0x0D, 0x20, 0x80...0x8B, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF, 0xBF: true
            default: false
            }
            return !firstCanBeBlank && !lastCanBeBlank
        }
        if clean { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isBlank }) else { return "" }
        let end = scalars.index(after: scalars.lastIndex(where: { !$0.isBlank })!)
        // Most lines have nothing to trim; the rest are copied as bytes, not scalar by scalar.
        if start == scalars.startIndex && end == scalars.endIndex { return self }
        return String(Substring(scalars[start..<end]))
    }

    /// Runs of white space of any kind (tabs, breaks inside a paragraph, U+00A0, U+3000) as one
    /// space, none at the ends: the one form a paragraph takes in the report, whatever the source.
    /// Zero-width marks go without a trace.
    public func foldingWhitespace() -> String {
        rewritingSpaces { $0.value == 0xFEFF || $0.value == 0x200B ? .dropped : $0.isSpace ? .space : .kept }
    }

    /// What becomes of a scalar that may be white space or a zero-width mark.
    private enum SpaceFate { case kept, space, dropped }

    /// The string with each scalar `fate` drops left out and each run of those it makes spaces as one
    /// space, none at the ends; the string itself when nothing changes. One pass over the UTF-8 bytes:
    /// only sequences led by C2, E1, E2, E3 and EF can be white space or a zero-width mark (U+0085 …
    /// U+3000, U+200B, U+FEFF), so only those are decoded; the runs between them are copied whole.
    private func rewritingSpaces(_ fate: (Unicode.Scalar) -> SpaceFate) -> String {
        var source = self
        return source.withUTF8 { bytes in
            var out: [UInt8] = []
            var changed = false
            var spaceBefore = false
            var run = 0, i = 0
            // The bytes since the last space or mark, after one space if there was white space before them.
            func copyRun(to end: Int) {
                guard run < end else { return }
                if spaceBefore { out.append(0x20) }
                spaceBefore = false
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<end]))
            }
            while i < bytes.count {
                let lead = bytes[i]
                var scalar: Unicode.Scalar?
                var length = 1
                switch lead {
                // Visible ASCII and the other three-byte leads (Han among them) are never white space:
                // passed over whole, without a scalar made.
                case 0x21...0x7F:
                    i += 1
                    continue
                case 0xE4...0xEE:
                    i += 3
                    continue
                case ..<0x80: scalar = Unicode.Scalar(lead)
                case 0xC2, 0xE1, 0xE2, 0xE3, 0xEF: (scalar, length) = String.scalar(at: i, in: bytes)
                default: break
                }
                if let scalar, case let what = fate(scalar), what != .kept {
                    if !changed {
                        out.reserveCapacity(bytes.count)
                        changed = true
                    }
                    copyRun(to: i)
                    if what == .space { spaceBefore = !out.isEmpty }
                    run = i + length
                }
                i += length
            }
            guard changed else { return self }
            copyRun(to: bytes.count)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The scalar whose UTF-8 begins at `i` (a lead byte of two or more bytes), and its length. A
    /// String's UTF-8 is valid: a lead byte has all its continuation bytes.
    @inline(__always)
    private static func scalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int) {
        let lead = bytes[i]
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = UInt32(lead) & (0x7F >> length)
        for j in 1..<length { value = value << 6 | UInt32(bytes[i + j] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The pieces between the occurrences of an ASCII `separator`, empty ones kept (`a||b` is three):
    /// split by hand over the UTF-8, where the standard library's split of the UTF-8 view cost
    /// thousands of instructions a line.
    public func pieces(separatedBy separator: UInt8) -> [String] {
        var text = self
        return text.withUTF8 { bytes in
            var pieces: [String] = []
            var start = 0
            for i in bytes.indices where bytes[i] == separator {
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                start = i + 1
            }
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return pieces
        }
    }

    /// Whether `needle` occurs in the string, compared as UTF-8 bytes. The standard library's
    /// `contains(_:)` for strings builds a search table on every call, which cost more than the rest
    /// of reading a long text of short lines.
    public func containsText(_ needle: String) -> Bool {
        var hay = self, pattern = needle
        // Native strings are contiguous UTF-8; made so once, they are searched without copying.
        return hay.withUTF8 { hay in
            pattern.withUTF8 { pattern in firstOffset(of: pattern, in: hay) != nil }
        }
    }

    /// Whether the UTF-8 holds `byte`: libc's memchr over the buffer, where walking the UTF-8 view
    /// costs several instructions a byte.
    public func containsUTF8(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether the two have the same UTF-8 bytes: for texts already in one form (label keys), without
    /// the normalisation String's own equality runs on Chinese text.
    public func hasSameUTF8(as other: String) -> Bool {
        utf8.count == other.utf8.count && hasUTF8Prefix(other)
    }

    /// Whether the string's UTF-8 bytes begin with `prefix`'s, compared as bytes like `hasSameUTF8`.
    public func hasUTF8Prefix(_ prefix: String) -> Bool {
        let count = prefix.utf8.count
        guard utf8.count >= count else { return false }
        // Read in place: copying both strings to make them contiguous (withUTF8) retained and released
        // each, and label keys are compared hundreds of thousands of times a batch.
        let compared = utf8.withContiguousStorageIfAvailable { a in
            prefix.utf8.withContiguousStorageIfAvailable { b in
                count == 0 || memcmp(a.baseAddress!, b.baseAddress!, count) == 0
            }
        }
        return compared.flatMap { $0 } ?? utf8.starts(with: prefix.utf8)
    }

    /// The string without any white space.
    public func removingSpaces() -> String {
        rewritingSpaces { $0.isSpace ? .dropped : .kept }
    }

    /// Whether the string ends with `suffix`, compared as UTF-8 bytes: `hasSuffix` normalises both
    /// sides of every non-ASCII comparison, and cell and label tests make many.
    public func hasUTF8Suffix(_ suffix: String) -> Bool {
        utf8.count >= suffix.utf8.count && utf8.reversed().starts(with: suffix.utf8.reversed())
    }

    /// Whether the string begins with `prefix`, ASCII letters compared without case: markup tags
    /// tested on every line, without lowercasing each line first.
    public func hasASCIIPrefixIgnoringCase(_ prefix: String) -> Bool {
        utf8.count >= prefix.utf8.count && zip(utf8, prefix.utf8).allSatisfy { $0.lowercasedASCII == $1.lowercasedASCII }
    }

    /// Whether the string has more than `limit` characters. A string of no more bytes than that has
    /// not, and is answered without counting its characters; nor are scalars that are always a
    /// character of their own (nearly all of a report) put through grapheme breaking.
    public func hasMoreCharacters(than limit: Int) -> Bool {
        guard utf8.count > limit else { return false }
        // Read from the UTF-8 bytes in place: the scalar view's iterator cost a score of instructions
        // a scalar, and every paragraph is asked. ASCII but CR, and U+4000…U+9FFF (lead bytes E4…E9),
        // are always their own characters and are told by their first byte; others are decoded.
        var text = self
        let answer = text.withUTF8 { bytes -> Bool? in
            var (i, scalars) = (0, 0)
            while i < bytes.count {
                let lead = bytes[i]
                if lead < 0x80 {
                    if lead == 0x0D { return nil }
                    i += 1
                } else if lead >= 0xE4 && lead <= 0xE9 {
                    i += 3
                } else {
                    let (scalar, length) = String.scalar(at: i, in: bytes)
                    guard scalar.isAlwaysOwnCharacter else { return nil }
                    i += length
                }
                scalars += 1
                // Each of the first `limit` is followed by a scalar that cannot join it: they are as many characters.
                if scalars > limit { return true }
            }
            return false
        }
        return answer ?? (count > limit)
    }

    /// Every occurrence of `target` replaced, without Foundation.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

extension Unicode.Scalar {
    /// A Han ideograph of the basic block (U+4E00…U+9FFF), where nearly every character of a report's
    /// words is: tested by range, without Unicode's property tables.
    public var isHanIdeograph: Bool { (0x4E00...0x9FFF).contains(value) }

    /// White space by Unicode's property (White_Space), its two dozen scalars listed: the property
    /// tables' lookup for every Chinese punctuation mark cost a tenth of reading a text. A test holds
    /// the list to the property.
    public var isSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether the scalar is a character of its own whatever stands beside it: none of grapheme
    /// breaking's joiners (CR before LF, combining and spacing marks, joiners, Hangul jamo, regional
    /// indicators, prepended marks) among ASCII, Latin-1, general punctuation, CJK symbols and
    /// punctuation, Han and the full-width forms.
    var isAlwaysOwnCharacter: Bool {
        switch value {
        case 0x0D: false
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x9FFF, 0xFF00...0xFF9D: true
        default: false
        }
    }

    /// White space, or a byte-order mark or zero-width space.
    public var isBlank: Bool { isSpace || value == 0xFEFF || value == 0x200B }
}

extension UInt8 {
    /// The byte with an ASCII capital letter made small; any other byte as it is.
    public var lowercasedASCII: UInt8 { (0x41...0x5A).contains(self) ? self | 0x20 : self }
}
