import FoundationEssentials

/// A file given as bytes with a name (an upload), not as a path; `failure` set when an earlier attempt
/// already showed that it cannot be converted (its worker crashed or ran out of time on it).
public struct UploadedFile: Sendable, Equatable {
    public var name: String
    public var bytes: [UInt8]
    public var failure: ReaderError?

    public init(name: String, bytes: [UInt8], failure: ReaderError? = nil) {
        self.name = name
        self.bytes = bytes
        self.failure = failure
    }
}

/// How uploaded files travel to a worker process over a pipe: per file, one JSON header line (name,
/// size, a failure already known) and then exactly `size` bytes, so that nothing touches the disk.
public enum UploadFraming {
    private struct Header: Codable {
        var name: String
        var size: Int
        var crashed: String?
        var timedOut: Double?
    }

    /// The bytes that carry `files`.
    public static func encode(_ files: [UploadedFile]) -> [UInt8] {
        var out: [UInt8] = []
        for file in files {
            var header = Header(name: file.name, size: file.bytes.count)
            switch file.failure {
            case .crashed(let how): header.crashed = how
            case .timedOut(let seconds): header.timedOut = seconds
            default: break
            }
            out += [UInt8]((try? JSONEncoder().encode(header)) ?? Data())
            out.append(0x0A)
            out += file.bytes
        }
        return out
    }

    /// The files in `bytes`; nil when the framing is broken.
    public static func decode(_ bytes: [UInt8]) -> [UploadedFile]? {
        var files: [UploadedFile] = []
        var at = 0
        while at < bytes.count {
            guard let end = bytes[at...].firstIndex(of: 0x0A),
                  let header = try? JSONDecoder().decode(Header.self, from: Data(bytes[at..<end])),
                  header.size >= 0, header.size <= bytes.count - end - 1 else { return nil }
            let body = Array(bytes[(end + 1)..<(end + 1 + header.size)])
            let failure: ReaderError? = header.crashed.map { .crashed($0) } ?? header.timedOut.map { .timedOut(seconds: $0) }
            files.append(UploadedFile(name: header.name, bytes: body, failure: failure))
            at = end + 1 + header.size
        }
        return files
    }

    /// What a worker says on standard error besides its messages, one line each: that it starts on
    /// the file at an index (so that each file gets its own time limit and a crash is laid at the
    /// right file), and that a file failed, with its error document.
    public enum Event: Equatable, Sendable {
        case starting(Int)
        case failed(errorDocument: String)

        private static let startingPrefix = "nianbao-starting "
        private static let failedPrefix = "nianbao-failed "

        /// The event as its line.
        public var line: String {
            switch self {
            case .starting(let index): "\(Event.startingPrefix)\(index)\n"
            case .failed(let document): "\(Event.failedPrefix)\(document)\n"
            }
        }

        /// The event a line (without its newline) tells, nil for any other line.
        public init?(line: Substring) {
            if line.hasPrefix(Event.startingPrefix), let index = Int(line.dropFirst(Event.startingPrefix.count)) {
                self = .starting(index)
            } else if line.hasPrefix(Event.failedPrefix) {
                self = .failed(errorDocument: String(line.dropFirst(Event.failedPrefix.count)))
            } else {
                return nil
            }
        }
    }
}
