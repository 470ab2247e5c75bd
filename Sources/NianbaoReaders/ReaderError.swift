import NianbaoModel

/// Why an input could not be read, in Chinese for people and in English for logs.
public enum ReaderError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    /// The name says .docx, the content is no zip package.
    case notDocx
    case unreadable(_ chinese: String, _ english: String)
    case tooLarge(bytes: Int, limit: Int)
    /// Within the size limit, but a structure in it is past another limit (a table's cells or grid).
    case tooComplex(_ chinese: String, _ english: String)
    /// A PDF without a text layer: a scan, to be put through OCR first.
    case scanned
    /// A PDF that needs a password to be opened.
    case encrypted
    /// The process converting it ended abnormally (`how`: the signal or exit status, in both languages).
    case crashed(_ how: String)
    /// Its conversion ran past the time limit and was stopped.
    case timedOut(seconds: Double)

    /// Chinese message for people.
    public var chinese: String {
        switch self {
        case .empty: "文件为空"
        case .notDocx: "文件扩展名为 .docx，但内容不是 DOCX（zip）包，可能是下载不完整或网页错误页"
        case .unreadable(let why, _): "无法读取：\(why)"
        case .tooLarge(let bytes, let limit): "文件过大（\(mebibytes(bytes))，上限为 \(mebibytes(limit))）"
        case .tooComplex(let why, _): "内容超出限制：\(why)"
        case .scanned: "扫描件，没有文字层，需要先 OCR"
        case .encrypted: "PDF 已加密，需要密码才能打开"
        case .crashed(let how): "转换进程异常终止（\(how)），请把此文件报告给开发者"
        case .timedOut(let seconds): "转换超时（超过 \(numberText(seconds)) 秒），已停止"
        }
    }

    /// English message for logs and scripts.
    public var english: String {
        switch self {
        case .empty: "the file is empty"
        case .notDocx: "named .docx but not a zip package (an incomplete download or an error page?)"
        case .unreadable(_, let why): "cannot be read: \(why)"
        case .tooLarge(let bytes, let limit): "the file is too large (\(mebibytes(bytes)); the limit is \(mebibytes(limit)))"
        case .tooComplex(_, let why): "past a limit: \(why)"
        case .scanned: "scanned, no text layer: OCR it first"
        case .encrypted: "an encrypted PDF that needs a password to be opened"
        case .crashed: "the converting process crashed; please report this file"
        case .timedOut: "took longer than the time limit; stopped"
        }
    }

    public var description: String { "\(chinese) (\(english))" }

    /// A stable code for scripts, as diagnostics and checks have.
    public var code: String {
        switch self {
        case .empty: "file.empty"
        case .notDocx: "file.not_docx"
        case .unreadable: "file.unreadable"
        case .tooLarge: "file.too_large"
        case .tooComplex: "file.too_complex"
        case .scanned: "file.scanned"
        case .encrypted: "file.encrypted"
        case .crashed: "file.crashed"
        case .timedOut: "file.timeout"
        }
    }

    private func mebibytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
