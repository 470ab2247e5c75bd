import HTTPTypes
import Nianbao

/// A request the API turns down: an HTTP status and the error document (`nianbao.error/1`) the CLI
/// writes for an input it cannot convert, with a code for scripts and a message in both languages.
struct APIError: Error {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var file: String? = nil

    var document: String { ReportJSON.failureLine(path: file, code: code, message: message) + "\n" }

    static func tooLarge(_ bytes: Int?, limit: Int) -> APIError {
        let size = bytes.map { "\($0 >> 20) MiB，" } ?? ""
        return APIError(status: .contentTooLarge, code: "request.too_large",
                        message: "上传内容过大（\(size)上限为 \(limit >> 20) MiB） (the upload is larger than the limit)")
    }

    static func tooManyFiles(_ count: Int, limit: Int) -> APIError {
        APIError(status: .contentTooLarge, code: "request.too_many_files",
                 message: "一次上传了 \(count) 个文件，上限为 \(limit) 个 (more files than one request may hold)")
    }

    static let noFiles = APIError(status: .badRequest, code: "request.no_files",
                                  message: "请求中没有文件 (the request holds no file: send multipart/form-data or a body with X-File-Name)")

    static let badForm = APIError(status: .badRequest, code: "request.bad_form",
                                  message: "multipart/form-data 格式不对 (the multipart body is malformed)")

    static func badParameter(_ name: String, _ value: Substring, allowed: [String]) -> APIError {
        APIError(status: .badRequest, code: "request.bad_parameter",
                 message: "参数 \(name) 的值 “\(value)” 无效，可用：\(allowed.joined(separator: ", ")) (unknown value)")
    }

    static func oneFileOnly(_ form: String) -> APIError {
        APIError(status: .badRequest, code: "request.one_file_only",
                 message: "\(form) 只接受一个文件 (takes one file per request)")
    }

    static let busy = APIError(status: .serviceUnavailable, code: "server.busy",
                               message: "服务器正忙，请稍后再试 (the server is busy; try again shortly)")

    static func outputTooLarge(_ bytes: Int, limit: Int) -> APIError {
        APIError(status: .unprocessableContent, code: "output.too_large",
                 message: "结果过大（超过 \(limit >> 20) MiB） (the answer is larger than the limit)")
    }

    static func failed(_ error: ReaderError, file: String?) -> APIError {
        APIError(status: .unprocessableContent, code: error.code, message: error.description, file: file)
    }
}
