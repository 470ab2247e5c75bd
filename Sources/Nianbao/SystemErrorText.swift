import FoundationEssentials
import Glibc

/// A file-system error as a sentence for people, in Chinese and English, from its errno: never
/// Foundation's domain and code, which say nothing to an office.
public enum SystemErrorText {
    /// "中文 (English)" for an error thrown by Foundation or POSIX calls.
    public static func sentence(_ error: Error) -> String {
        guard let code = errnoCode(error) else { return "无法完成文件操作 (the file operation failed)" }
        return sentence(errno: code)
    }

    /// The sentence for one errno value.
    public static func sentence(errno code: Int32) -> String {
        "\(chinese(errno: code)) (\(english(errno: code)))"
    }

    /// The reason in Chinese.
    static func chinese(errno code: Int32) -> String {
        switch code {
        case ENOENT: "文件或目录不存在"
        case EACCES, EPERM: "没有权限"
        case EISDIR: "是目录，不是文件"
        case ENOTDIR: "路径中有一段不是目录"
        case ENOSPC, EDQUOT: "磁盘空间不足"
        case EROFS: "文件系统只读"
        case EEXIST: "已存在"
        case ENAMETOOLONG: "文件名过长"
        default: "操作失败"
        }
    }

    /// The system's own words for it.
    static func english(errno code: Int32) -> String { String(cString: strerror(code)).lowercased() }

    private static func errnoCode(_ error: Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        guard let cocoa = error as? CocoaError else { return nil }
        if let underlying = cocoa.underlying as? POSIXError { return underlying.code.rawValue }
        switch cocoa.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        default: return nil
        }
    }
}
