import NianbaoModel

/// Why an input could not be read; every case names the reason in Chinese and English.
public enum ReaderError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case unsupportedFormat(InputFormat)
    case unreadable(String)

    /// Chinese message for people.
    public var chinese: String {
        switch self {
        case .empty: "文件为空"
        case .unsupportedFormat(let f): "暂不支持 \(f.rawValue) 格式的读取"
        case .unreadable(let why): "无法读取：\(why)"
        }
    }

    /// English message for logs and scripts.
    public var english: String {
        switch self {
        case .empty: "the file is empty"
        case .unsupportedFormat(let f): "no reader for the \(f.rawValue) format yet"
        case .unreadable(let why): "cannot be read: \(why)"
        }
    }

    public var description: String { "\(chinese) (\(english))" }
}
