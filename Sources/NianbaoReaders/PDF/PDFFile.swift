import CLibPoppler
import NianbaoModel

/// One character a PDF page shows, with its box in points from the page's top left.
struct PDFGlyph: Sendable, Equatable {
    var scalar: Unicode.Scalar
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double
}

/// A PDF page as poppler lays out its text: every character with its box, and how many images it holds.
struct PDFPageText: Sendable {
    var width: Double
    var height: Double
    var glyphs: [PDFGlyph]
    var images: Int
}

/// poppler-glib's functions, found once when the first PDF is read; nil where the library is missing.
enum PopplerLibrary {
    static let functions: NianbaoPoppler? = nianbao_poppler_open()?.pointee

    /// The library's version, or nil where it is missing.
    static var version: String? { functions?.get_version().map { String(cString: $0) } }
}

/// A PDF opened by poppler (its GLib interface). Every pointer into poppler stays in this type.
final class PDFFile {
    private let poppler: NianbaoPoppler
    private let document: OpaquePointer

    /// Opens `bytes`; an encrypted PDF that needs a password and a damaged one are errors, and so is
    /// a machine without poppler-glib.
    init(_ bytes: [UInt8]) throws(ReaderError) {
        guard let poppler = PopplerLibrary.functions else {
            throw .unreadable("读取 PDF 需要 poppler-glib 库（Debian 的 libpoppler-glib8），本机没有安装",
                              "reading a PDF needs the poppler-glib library (Debian's libpoppler-glib8), which is not installed")
        }
        self.poppler = poppler
        let data = bytes.withUnsafeBytes { poppler.bytes_new($0.baseAddress, $0.count) }
        defer { poppler.bytes_unref(data) }
        var error: UnsafeMutablePointer<NianbaoGError>?
        guard let opened = poppler.document_new_from_bytes(data, nil, &error) else {
            let code = error?.pointee.code ?? -1
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if error != nil { poppler.error_free(error) }
            if code == NIANBAO_POPPLER_ERROR_ENCRYPTED { throw .encrypted }
            throw .unreadable("不是有效的 PDF 文件（\(message)）", "not a readable PDF: \(message)")
        }
        document = opened
    }

    deinit { poppler.object_unref(UnsafeMutableRawPointer(document)) }

    var pageCount: Int { Int(poppler.document_get_n_pages(document)) }

    /// The text of page `index` (0-based) with a box for every character.
    func page(_ index: Int) -> PDFPageText {
        guard let page = poppler.document_get_page(document, Int32(index)) else {
            return PDFPageText(width: 0, height: 0, glyphs: [], images: 0)
        }
        defer { poppler.object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler.page_get_size(page, &width, &height)
        var glyphs: [PDFGlyph] = []
        if let text = poppler.page_get_text(page) {
            defer { poppler.free(text) }
            var boxes: UnsafeMutablePointer<NianbaoPopplerRectangle>?
            var count: UInt32 = 0
            if poppler.page_get_text_layout(page, &boxes, &count) != 0, let boxes {
                defer { poppler.free(boxes) }
                // One box per character of the page's text, in order.
                for (offset, scalar) in String(cString: text).unicodeScalars.prefix(Int(count)).enumerated() {
                    let box = boxes[offset]
                    // A box off the page (or not a number at all, in a forged file) shows nothing.
                    guard [box.x1, box.x2, box.y1, box.y2].allSatisfy({ $0.isFinite && $0 >= -72 && $0 <= 14_400 }),
                          box.x1 <= width + 72, box.y1 <= height + 72 else { continue }
                    glyphs.append(PDFGlyph(scalar: scalar, x0: box.x1, y0: box.y1, x1: box.x2, y1: box.y2))
                }
            }
        }
        let mapping = poppler.page_get_image_mapping(page)
        let images = Int(poppler.list_length(mapping))
        poppler.page_free_image_mapping(mapping)
        return PDFPageText(width: width, height: height, glyphs: glyphs, images: images)
    }
}
