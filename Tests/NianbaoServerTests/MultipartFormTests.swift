import Testing
@testable import NianbaoServer

/// Bodies as browsers and curl send them, in; the files, named and exact, out.
struct MultipartFormTests {
    private func body(_ parts: [String], boundary: String = "----WebKitFormBoundary7MA4YWxkTrZu0gW") -> [UInt8] {
        Array((parts.map { "--\(boundary)\r\n\($0)" }.joined(separator: "\r\n") + "\r\n--\(boundary)--\r\n").utf8)
    }

    @Test func filesAreTakenWithTheirNamesAndBytes() throws {
        let bytes = body([
            "Content-Disposition: form-data; name=\"file\"; filename=\"示例县 2024.txt\"\r\nContent-Type: text/plain\r\n\r\n一、总体情况\r\n\r\n第二行",
            "Content-Disposition: form-data; name=\"note\"\r\n\r\n不是文件",
            "Content-Disposition: form-data; name=\"file\"; filename=\"a\\\"b%22c.html\"\r\n\r\n<p>x</p>",
        ])
        let form = try MultipartForm(body: bytes, contentType: "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW")
        #expect(form.files == [
            MultipartForm.File(name: "示例县 2024.txt", bytes: Array("一、总体情况\r\n\r\n第二行".utf8)),
            MultipartForm.File(name: "a\"b\"c.html", bytes: Array("<p>x</p>".utf8)),
        ])
    }

    @Test func extendedFileNameWinsAndQuotedBoundaryIsRead() throws {
        let bytes = body(["Content-Disposition: form-data; name=\"f\"; filename=\"x.txt\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.txt\r\n\r\nabc"],
                         boundary: "b o=u")
        let form = try MultipartForm(body: bytes, contentType: "multipart/form-data; boundary=\"b o=u\"")
        #expect(form.files == [MultipartForm.File(name: "报告.txt", bytes: Array("abc".utf8))])
    }

    @Test func anEmptyFileInputSendsNoFile() throws {
        let bytes = body(["Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n"])
        #expect(try MultipartForm(body: bytes, contentType: "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW").files == [])
    }

    @Test func brokenBodiesAreRefused() {
        #expect(throws: MultipartForm.Failure.noBoundary) { try MultipartForm(body: [], contentType: "multipart/form-data") }
        let cut = Array(body(["Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc"]).dropLast(30))
        #expect(throws: MultipartForm.Failure.malformed) {
            try MultipartForm(body: cut, contentType: "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW")
        }
    }
}
