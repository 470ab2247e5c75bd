import Foundation
import HTTPTypes
import Hummingbird
import Nianbao

/// The HTTP API: `POST /api/convert` and `POST /api/check` run `convert` and `check` over the
/// uploaded files in a worker process and answer what the command line writes; `GET /healthz`.
struct API: Sendable {
    let settings: ServerSettings
    let pool: ConversionPool
    let conversion: Conversion

    init(settings: ServerSettings) {
        self.settings = settings
        pool = ConversionPool(workers: settings.workers, waiting: settings.waiting)
        conversion = Conversion(worker: settings.worker, timeout: settings.timeout,
                                maximumOutputBytes: settings.maximumAnswerBytes)
    }

    /// What each output form is sent as.
    private static let mediaTypes = [
        "json": "application/json; charset=utf-8", "ndjson": "application/x-ndjson; charset=utf-8",
        "csv": "text/csv; charset=utf-8", "csv-wide": "text/csv; charset=utf-8", "text": "text/plain; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]
    /// RFC 5987's attr-char: what may stand unencoded in `filename*`.
    private static let attributeCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~")
    private static let extensions = ["csv": "csv", "csv-wide": "csv", "text": "txt", "xlsx": "xlsx"]

    func convert(_ request: Request) async -> Response {
        await admitted { () throws(APIError) -> Response in
            let to = try UploadRequest.choice(request, "to", ["json", "ndjson", "csv", "csv-wide", "text", "xlsx"], fallback: "json")
            let from = try UploadRequest.choice(request, "from", ["auto", "docx", "html", "text", "pdf"], fallback: "auto")
            let files = try await UploadRequest.files(of: request, settings: settings)
            if (to == "text" || to == "xlsx") && files.count > 1 { throw .oneFileOnly("to=\(to)") }
            let arguments = ["--api", "convert", "--to", to, "--from", from, "-q"]
                + (UploadRequest.flag(request, "bom") ? ["--bom"] : []) + settings.limitArguments
            let (body, failures) = try await answer(files, arguments: arguments)
            // One file that could not be converted has no report: its error document is the answer.
            if files.count == 1, let failure = failures.first {
                return respond(.unprocessableContent, Array(failure.utf8) + [0x0A], type: "json", unreadable: 1)
            }
            return respond(.ok, body, type: to, download: downloadName(files), unreadable: failures.count)
        }
    }

    func check(_ request: Request) async -> Response {
        await admitted { () throws(APIError) -> Response in
            let format = try UploadRequest.choice(request, "format", ["json", "csv", "xlsx", "text"], fallback: "json")
            let failOn = try UploadRequest.choice(request, "fail_on", ["error", "warning", "info"], fallback: "warning")
            let from = try UploadRequest.choice(request, "from", ["auto", "docx", "html", "text", "pdf"], fallback: "auto")
            let files = try await UploadRequest.files(of: request, settings: settings)
            let arguments = (UploadRequest.flag(request, "reports") ? ["--with-reports"] : [])
                + ["check", "--format", format, "--fail-on", failOn, "--from", from] + settings.limitArguments
            let (body, failures) = try await answer(files, arguments: arguments)
            return respond(.ok, body, type: format,
                           download: files.count == 1 ? "\(stem(files[0].name))-问题清单" : "问题清单",
                           unreadable: failures.count)
        }
    }

    func health() async -> Response {
        let load = await pool.load
        let text = JSONValue.object([
            ("status", .string("ok")), ("version", .string(NianbaoVersion.number)),
            ("workers", .number(String(settings.workers))), ("converting", .number(String(load.running))),
            ("admitted", .number(String(load.admitted))),
        ]).rendered(pretty: false)
        return respond(.ok, Array(text.utf8) + [0x0A], type: "json")
    }

    /// Runs `handle` within the request's admission, turning a refusal into its error document.
    private func admitted(_ handle: () async throws(APIError) -> Response) async -> Response {
        guard await pool.admit() else { return failure(.busy, retryAfter: true) }
        let response: Response
        do {
            response = try await handle()
        } catch {
            response = failure(error)
        }
        await pool.release()
        return response
    }

    private func answer(_ files: [UploadedFile], arguments: [String]) async throws(APIError) -> ([UInt8], [String]) {
        switch await conversion.run(files, arguments: arguments, in: pool) {
        case .finished(let body, let failures): return (body, failures)
        case .outputTooLarge(let bytes): throw .outputTooLarge(bytes, limit: settings.maximumAnswerBytes)
        case .stopped(let index, let error):
            throw .failed(error, file: files.indices.contains(index) ? files[index].name : nil)
        }
    }

    private func respond(_ status: HTTPResponse.Status, _ body: [UInt8], type: String, download: String? = nil,
                         unreadable: Int = 0) -> Response {
        var headers: HTTPFields = [.contentType: API.mediaTypes[type] ?? "application/octet-stream"]
        headers[HTTPField.Name("X-Nianbao-Unreadable")!] = String(unreadable)
        // A file to save (not JSON, which scripts read), named in UTF-8 (RFC 6266) so that Chinese names survive.
        if let download, let ext = API.extensions[type] {
            let name = "\(download).\(ext)"
            let encoded = name.addingPercentEncoding(withAllowedCharacters: API.attributeCharacters) ?? "nianbao.\(ext)"
            headers[.contentDisposition] = "attachment; filename=\"nianbao.\(ext)\"; filename*=UTF-8''\(encoded)"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private func failure(_ error: APIError, retryAfter: Bool = false) -> Response {
        var response = respond(error.status, Array(error.document.utf8), type: "json")
        if retryAfter { response.headers[.retryAfter] = "1" }
        return response
    }

    private func downloadName(_ files: [UploadedFile]) -> String {
        files.count == 1 ? stem(files[0].name) : "nianbao-\(files.count)"
    }

    /// A file's name without its folder and extension.
    private func stem(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }
}
