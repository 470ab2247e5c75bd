import FoundationEssentials

/// The form of the batch's own state files under OUT/.nianbao: lines of tab-separated fields, each
/// field escaped so that it may hold any text, and nil told apart from "". Read byte by byte, since a
/// `--resume` over ten thousand inputs reads ten thousand of them (JSONDecoder took 0.4 ms a record).
enum StateLines {
    private static let backslash = UInt8(ascii: "\\"), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"),
                       carriageReturn = UInt8(ascii: "\r")
    /// A field that is nil; a text holding a backslash is written with it doubled, so no text reads as this.
    private static let absent: [UInt8] = [backslash, UInt8(ascii: "N")]

    /// The bytes of one line, newline included.
    static func line(_ fields: [String?]) -> [UInt8] {
        var bytes: [UInt8] = []
        for index in fields.indices {
            if index > 0 { bytes.append(tab) }
            guard var field = fields[index] else {
                bytes += absent
                continue
            }
            // Copied in runs between the bytes that take an escape: byte by byte, a record's line cost
            // 18,000 instructions.
            field.withUTF8 { text in
                var run = 0
                for i in text.indices {
                    let code: UInt8
                    switch text[i] {
                    case backslash: code = backslash
                    case tab: code = UInt8(ascii: "t")
                    case newline: code = UInt8(ascii: "n")
                    case carriageReturn: code = UInt8(ascii: "r")
                    default: continue
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<i]))
                    bytes.append(backslash)
                    bytes.append(code)
                    run = i + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run...]))
            }
        }
        bytes.append(newline)
        return bytes
    }

    /// The fields of each line of `bytes`; nil where an escape is broken (the file is not one of ours).
    static func lines(_ bytes: [UInt8]) -> [[String?]]? {
        lines(bytes, skipping: [], endingAt: nil)?.lines
    }

    /// The lines of `bytes` up to and including the first whose first field is `last`, and the offset
    /// where the bytes after it begin: a file may carry bytes of its own after its lines. Lines whose
    /// first field is one of `skipping` are left out unread.
    static func lines(_ bytes: [UInt8], skipping: [String], endingAt last: String?) -> (lines: [[String?]], end: Int)? {
        var lines: [[String?]] = []
        var start = bytes.startIndex
        let skipped = skipping.map { Array($0.utf8) + [tab] }
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: newline) ?? bytes.endIndex
            if skipped.contains(where: { bytes[start..<end].starts(with: $0) }) {
                start = end + 1
                continue
            }
            guard let fields = fields(bytes[start..<end]) else { return nil }
            lines.append(fields)
            start = end + 1
            if let last, fields.first == last { break }
        }
        return (lines, min(start, bytes.endIndex))
    }

    private static func fields(_ line: ArraySlice<UInt8>) -> [String?]? {
        // Most lines have no escape: their fields are decoded straight from the line.
        guard line.contains(backslash) else {
            var fields: [String?] = []
            var start = line.startIndex
            for index in line.indices where line[index] == tab {
                fields.append(String(decoding: line[start..<index], as: UTF8.self))
                start = index + 1
            }
            fields.append(String(decoding: line[start...], as: UTF8.self))
            return fields
        }
        var fields: [String?] = []
        var field: [UInt8] = []
        var index = line.startIndex
        // Whether the field so far is the lone escape that writes nil.
        var lone = false
        while index < line.endIndex {
            let byte = line[index]
            index += 1
            if byte == tab {
                fields.append(lone ? nil : String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                lone = false
                continue
            }
            guard byte == backslash else {
                field.append(byte)
                continue
            }
            guard index < line.endIndex else { return nil }
            let code = line[index]
            index += 1
            switch code {
            case backslash: field.append(backslash)
            case UInt8(ascii: "t"): field.append(tab)
            case UInt8(ascii: "n"): field.append(newline)
            case UInt8(ascii: "r"): field.append(carriageReturn)
            case UInt8(ascii: "N") where field.isEmpty && (index == line.endIndex || line[index] == tab): lone = true
            default: return nil
            }
        }
        fields.append(lone ? nil : String(decoding: field, as: UTF8.self))
        return fields
    }
}
