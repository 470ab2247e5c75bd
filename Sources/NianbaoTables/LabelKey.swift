import NianbaoModel

/// A label reduced to what identifies it: half-width forms, no white space, no punctuation,
/// and its list marker (一、 （一） 1. 1、) kept apart, so `(一) 予以公开` and `（一）予以公开` agree.
///
/// Keys compare by their UTF-8 bytes. Reduction leaves whole scalars without spaces or punctuation, so
/// bytes agree exactly when scalars do; String's own comparison would normalise every non-ASCII key
/// again on each of the many comparisons table placement makes.
public struct LabelKey: Sendable, Hashable {
    /// The label's words without marker, spaces or punctuation.
    public let text: String
    /// The list marker's numeral, if the label had one ("一", "3").
    public private(set) var marker: String?
    /// How many scalars `text` has, counted once: labels are matched far more often than made.
    private let length: Int

    public init(_ label: String) {
        // A label of Han ideographs alone (a row label without its marker) has nothing to reduce: no
        // space, no punctuation, and no marker, which needs a closer after its numerals. Told from its bytes.
        if let count = LabelKey.hanCount(label) {
            text = label
            marker = nil
            length = count
            return
        }
        // Arrays of scalars, not string views: filtering a view appends scalar by scalar, which cost
        // more than the rest of the reduction.
        let half = LabelKey.halfWidth(label)
        var all: [Unicode.Scalar] = []
        all.reserveCapacity(half.utf8.count)
        for scalar in half.unicodeScalars where !scalar.isSpace { all.append(scalar) }
        var scalars = all[...]
        marker = LabelKey.takeMarker(&scalars)
        let words = scalars.filter { !LabelKey.isPunctuation($0) }
        text = LabelKey.string(words)
        length = words.count
    }

    /// How many scalars a non-empty text of Han ideographs (U+4E00…U+9FFF) alone has; nil for any other
    /// text. Their UTF-8 is three bytes led by E5…E9, or by E4 with a second byte from B8.
    private static func hanCount(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard !bytes.isEmpty, bytes.count % 3 == 0 else { return nil }
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                guard (0xE5...0xE9).contains(lead) || lead == 0xE4 && bytes[i + 1] >= 0xB8 else { return nil }
                i += 3
            }
            return bytes.count / 3
        }
    }

    /// The same words without the marker.
    public var words: LabelKey {
        var key = self
        key.marker = nil
        return key
    }

    /// Whether the two labels name the same thing: same words, and markers that do not disagree.
    /// A label cut short (wrapped, truncated) or one with extra words matches when the shorter has
    /// at least `minimumPrefix` characters.
    public func matches(_ other: LabelKey, minimumPrefix: Int = 4) -> Bool {
        if let a = marker, let b = other.marker, !a.hasSameUTF8(as: b) { return false }
        // The shorter's text against the longer's start, without copying either key: placement asks this
        // of every pair of labels it compares, and each copy retained two strings.
        if length == other.length { return length > 0 && text.hasSameUTF8(as: other.text) }
        return length < other.length ? length >= minimumPrefix && other.text.hasUTF8Prefix(text)
            : other.length >= minimumPrefix && text.hasUTF8Prefix(other.text)
    }

    /// Whether this key's words are `label`'s words or their start: a label cut short, not one run on.
    public func opens(_ label: LabelKey) -> Bool {
        length <= label.length && label.text.hasUTF8Prefix(text)
    }

    /// Whether the two have the same words, whatever their markers.
    public func hasSameWords(as other: LabelKey) -> Bool {
        length == other.length && text.hasSameUTF8(as: other.text)
    }

    public static func == (a: LabelKey, b: LabelKey) -> Bool {
        guard a.length == b.length, a.text.hasSameUTF8(as: b.text) else { return false }
        return switch (a.marker, b.marker) {
        case (nil, nil): true
        case let (x?, y?): x.hasSameUTF8(as: y)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        // The bytes in one piece: byte by byte, hashing cost more than the set lookups it serves.
        var (text, marker) = (text, marker ?? "")
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(self.marker == nil ? 0 : 1)
        marker.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// A text as labels are compared: half-width, without white space and punctuation. Markers stay
    /// as their numerals ("（一）予以公开" → "一予以公开"), so a marker can be searched with its words.
    public static func plain(_ s: String) -> String {
        string(Array(halfWidth(s).unicodeScalars.lazy.filter { !$0.isSpace && !isPunctuation($0) }))
    }

    /// Full-width ASCII forms and the ideographic space as their half-width selves.
    public static func halfWidth(_ s: String) -> String {
        // On UTF-8 bytes: U+FF01…U+FF5E are EF BC 81…EF BD 9E, U+3000 is E3 80 80, U+00A0 is C2 A0.
        // Decoding every paragraph into scalars and encoding it again cost more than the checks on it.
        var s = s
        let changed = s.withUTF8 { bytes -> String? in
            // The half-width byte and the length of the form at `i`, if one of these forms is there.
            func replacement(at i: Int) -> (byte: UInt8, length: Int)? {
                let next = i + 1 < bytes.count ? bytes[i + 1] : 0
                let third = i + 2 < bytes.count ? bytes[i + 2] : 0
                return switch (bytes[i], next, third) {
                case (0xEF, 0xBC, 0x81...0xBF): (third - 0x60, 3)
                case (0xEF, 0xBD, 0x80...0x9E): (third - 0x20, 3)
                case (0xE3, 0x80, 0x80): (0x20, 3)
                case (0xC2, 0xA0, _): (0x20, 2)
                default: nil
                }
            }
            // Most texts have none of these forms: they are given back without a copy. Only EF, E3 and
            // C2 begin one, so the other bytes are passed over without a look at the next two, in a
            // plain loop: through `first(where:)` the scan cost a score of instructions a byte.
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if (byte == 0xEF || byte == 0xE3 || byte == 0xC2) && replacement(at: i) != nil { break }
                i += 1
            }
            guard i < bytes.count else { return nil }
            // The bytes between forms are copied in runs, straight into the new string (each form only
            // shortens the text): a Chinese text has a full-width comma every few words, and copying it
            // byte by byte cost most of the pass.
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var (run, written) = (0, 0)
                func copyRun(to end: Int) {
                    if end > run { (out.baseAddress! + written).update(from: bytes.baseAddress! + run, count: end - run) }
                    written += end - run
                }
                while i < bytes.count {
                    let byte = bytes[i]
                    if byte == 0xEF || byte == 0xE3 || byte == 0xC2, let (half, length) = replacement(at: i) {
                        copyRun(to: i)
                        out[written] = half
                        written += 1
                        i += length
                        run = i
                    } else {
                        i += 1
                    }
                }
                copyRun(to: bytes.count)
                return written
            }
        }
        return changed ?? s
    }

    /// Scalars as a String, through their UTF-8 bytes in one go.
    private static func string(_ scalars: some Collection<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Removes a leading list marker and returns its numeral.
    private static func takeMarker(_ s: inout ArraySlice<Unicode.Scalar>) -> String? {
        // Tested scalar by scalar, without sets or property tables: every label made goes through here.
        let original = s
        let bracketed = s.first == "(" || s.first == "〔"
        if bracketed { s = s.dropFirst() }
        let chinese = s.prefix(while: isChineseNumeral)
        let digits = s.prefix { ("0"..."9").contains($0) }
        let numeral = chinese.isEmpty ? digits : chinese
        guard !numeral.isEmpty, numeral.count <= 3 else { s = original; return nil }
        s = s.dropFirst(numeral.count)
        guard let closer = s.first, bracketed ? (closer == ")" || closer == "〕") : isListCloser(closer) else {
            s = original
            return nil
        }
        s = s.dropFirst()
        // "1.5" is a number, not a marker.
        if !bracketed, let next = s.first, next.properties.numericType != nil { s = original; return nil }
        return string(numeral)
    }

    private static func isChineseNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": true
        default: false
        }
    }

    /// What ends an unbracketed marker: 一、 1. 1．1, 1，
    private static func isListCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "、", ".", "．", ",", "，": true
        default: false
        }
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        // Han ideographs, most of any label, are not punctuation: answered without the Unicode
        // property tables, whose lookups made labels costly to reduce.
        if scalar.isHanIdeograph { return false }
        if scalar.isASCII {
            // Letters and digits are words; every other printable ASCII character is punctuation or a
            // symbol of the categories below, except $ (a currency symbol), kept as before.
            let value = scalar.value
            return value > 0x20 && value < 0x7F && !(0x30...0x39).contains(value) && !(0x41...0x5A).contains(value)
                && !(0x61...0x7A).contains(value) && scalar != "$"
        }
        return switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .modifierSymbol:
            true
        default:
            false
        }
    }
}
