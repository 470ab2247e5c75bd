import Foundation
import NianbaoModel

/// The files of a `multipart/form-data` body (RFC 7578): each part with a filename, named as the
/// browser sent it. Fields without a filename are not files and are left out.
struct MultipartForm {
    struct File: Equatable {
        var name: String
        var bytes: [UInt8]
    }

    enum Failure: Error, Equatable {
        case noBoundary
        case malformed
    }

    let files: [File]

    init(body: [UInt8], contentType: String) throws(Failure) {
        guard let boundary = MultipartForm.parameter("boundary", in: contentType), !boundary.isEmpty,
              boundary.utf8.count <= 70 else { throw .noBoundary }
        let delimiter = Array("--\(boundary)".utf8)
        guard var at = MultipartForm.find(delimiter, in: body, from: 0) else { throw .malformed }
        var files: [File] = []
        let separator = Array("\r\n".utf8) + delimiter
        while true {
            at += delimiter.count
            // `--` after a delimiter closes the body; anything after it is an epilogue.
            if body[at...].starts(with: [0x2D, 0x2D]) { break }
            guard let headersStart = MultipartForm.find([0x0D, 0x0A], in: body, from: at),
                  let headersEnd = MultipartForm.find(Array("\r\n\r\n".utf8), in: body, from: headersStart),
                  let next = MultipartForm.find(separator, in: body, from: headersEnd + 4) else { throw .malformed }
            let headers = String(decoding: body[headersStart..<headersEnd], as: UTF8.self)
            if let name = MultipartForm.fileName(headers) {
                let bytes = Array(body[(headersEnd + 4)..<next])
                // A file input left empty sends a part with an empty name and no bytes.
                if !(name.isEmpty && bytes.isEmpty) { files.append(File(name: name, bytes: bytes)) }
            }
            at = next + 2
        }
        self.files = files
    }

    /// The filename of a part's Content-Disposition: `filename*` (RFC 5987, UTF-8) over `filename`,
    /// which browsers send as raw UTF-8 with `"` written %22.
    static func fileName(_ headers: String) -> String? {
        for line in headers.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-disposition" else { continue }
            let value = String(parts[1])
            if let extended = parameter("filename*", in: value), let quote = extended.range(of: "''") {
                return String(extended[quote.upperBound...]).removingPercentEncoding
            }
            guard let plain = parameter("filename", in: value) else { return nil }
            return plain.replacingOccurrences(of: "%22", with: "\"")
        }
        return nil
    }

    /// A `name=value` or `name="value"` parameter of a header value.
    static func parameter(_ name: String, in value: String) -> String? {
        var rest = Substring(value)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop(while: { $0 == " " || $0 == "\t" })
            guard let equals = rest.firstIndex(of: "="), rest[..<equals].lowercased() == name else { continue }
            let raw = rest[rest.index(after: equals)...]
            guard raw.first == "\"" else { return String(raw.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces) }
            var text = ""
            var escaped = false
            for character in raw.dropFirst() {
                if escaped { text.append(character); escaped = false }
                else if character == "\\" { escaped = true }
                else if character == "\"" { return text }
                else { text.append(character) }
            }
            return nil
        }
        return nil
    }

    /// The offset of `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return nil }
        return needle.withUnsafeBufferPointer { needle in
            haystack.withUnsafeBufferPointer { firstOffset(of: needle, in: $0, from: start) }
        }
    }
}
