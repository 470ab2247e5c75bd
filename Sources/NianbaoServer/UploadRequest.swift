import Foundation
import HTTPTypes
import Hummingbird
import Nianbao

/// The files of an API request: the parts of a multipart/form-data body that carry a filename, or
/// the whole body as one file named by the `X-File-Name` header (percent-encoded UTF-8 allowed).
enum UploadRequest {
    static let fileNameHeader = HTTPField.Name("X-File-Name")!

    static func files(of request: Request, settings: ServerSettings) async throws(APIError) -> [UploadedFile] {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > settings.maximumRequestBytes {
            throw .tooLarge(length, limit: settings.maximumRequestBytes)
        }
        let body: [UInt8]
        do {
            body = Array(buffer: try await request.body.collect(upTo: settings.maximumRequestBytes))
        } catch {
            throw .tooLarge(nil, limit: settings.maximumRequestBytes)
        }
        let contentType = request.headers[.contentType] ?? ""
        let files: [UploadedFile]
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            do {
                files = try MultipartForm(body: body, contentType: contentType).files
                    .map { UploadedFile(name: $0.name, bytes: $0.bytes) }
            } catch {
                throw .badForm
            }
        } else {
            let header = request.headers[fileNameHeader]
            guard header != nil || !body.isEmpty else { throw .noFiles }
            let name = header.map { $0.removingPercentEncoding ?? $0 } ?? "upload"
            files = [UploadedFile(name: name, bytes: body)]
        }
        guard !files.isEmpty else { throw .noFiles }
        guard files.count <= settings.maximumFiles else { throw .tooManyFiles(files.count, limit: settings.maximumFiles) }
        return files
    }

    /// A query parameter that must be one of `allowed`; `fallback` when absent.
    static func choice(_ request: Request, _ name: String, _ allowed: [String], fallback: String) throws(APIError) -> String {
        guard let value = request.uri.queryParameters[Substring(name)] else { return fallback }
        guard allowed.contains(String(value)) else { throw .badParameter(name, value, allowed: allowed) }
        return String(value)
    }

    /// A yes/no query parameter (`1`, `true`, `yes`).
    static func flag(_ request: Request, _ name: String) -> Bool {
        ["1", "true", "yes"].contains(request.uri.queryParameters[Substring(name)]?.lowercased() ?? "")
    }
}
