import Testing
import Nianbao

/// What the server hands a worker through its pipe, and the lines the worker answers with.
struct UploadFramingTests {
    @Test func filesAndKnownFailuresGoThroughWhole() {
        let files = [
            UploadedFile(name: "示例镇.docx", bytes: [0x50, 0x4B, 0x0A, 0x0A, 0x00]),
            UploadedFile(name: "a\nb.txt", bytes: []),
            UploadedFile(name: "crash.txt", bytes: [], failure: .crashed("信号 11 (signal 11)")),
            UploadedFile(name: "hang.txt", bytes: [], failure: .timedOut(seconds: 2.5)),
        ]
        #expect(UploadFraming.decode(UploadFraming.encode(files)) == files)
        #expect(UploadFraming.decode([]) == [])
    }

    @Test func brokenFramingIsRefused() {
        let framed = UploadFraming.encode([UploadedFile(name: "a.txt", bytes: Array("一、总体情况".utf8))])
        #expect(UploadFraming.decode(Array(framed.dropLast())) == nil)
        #expect(UploadFraming.decode(Array("{\"name\":\"a\",\"size\":-1}\n".utf8)) == nil)
        #expect(UploadFraming.decode(Array("not json\n".utf8)) == nil)
    }

    @Test func eventLinesAreReadBackAndOtherLinesAreNot() {
        #expect(UploadFraming.Event(line: UploadFraming.Event.starting(12).line.dropLast()) == .starting(12))
        let failed = UploadFraming.Event.failed(errorDocument: "{\"schema\":\"nianbao.error/1\"}")
        #expect(UploadFraming.Event(line: failed.line.dropLast()) == failed)
        #expect(UploadFraming.Event(line: "nianbao: a.docx：文件为空 (the file is empty)") == nil)
        #expect(UploadFraming.Event(line: "nianbao-starting x") == nil)
    }
}
