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

/// A PDF opened by poppler (its GLib interface). Every pointer into poppler stays in this type.
final class PDFFile {
    private let document: OpaquePointer

    /// Opens `bytes`; an encrypted PDF that needs a password and a damaged one are errors.
    init(_ bytes: [UInt8]) throws(ReaderError) {
        PDFFile.silenceWarnings
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        var error: UnsafeMutablePointer<GError>?
        guard let opened = poppler_document_new_from_bytes(data, nil, &error) else {
            let code = error?.pointee.code ?? -1
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if error != nil { g_error_free(error) }
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) { throw .encrypted }
            throw .unreadable("不是有效的 PDF 文件（\(message)）", "not a readable PDF: \(message)")
        }
        document = opened
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(document)) }

    var pageCount: Int { Int(poppler_document_get_n_pages(document)) }

    /// The text of page `index` (0-based) with a box for every character.
    func page(_ index: Int) -> PDFPageText {
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            return PDFPageText(width: 0, height: 0, glyphs: [], images: 0)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        var glyphs: [PDFGlyph] = []
        if let text = poppler_page_get_text(page) {
            defer { g_free(text) }
            var boxes: UnsafeMutablePointer<PopplerRectangle>?
            var count: guint = 0
            if poppler_page_get_text_layout(page, &boxes, &count) != 0, let boxes {
                defer { g_free(boxes) }
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
        let mapping = poppler_page_get_image_mapping(page)
        let images = Int(g_list_length(mapping))
        poppler_page_free_image_mapping(mapping)
        return PDFPageText(width: width, height: height, glyphs: glyphs, images: images)
    }

    /// poppler reports what it repairs in a damaged file as GLib warnings; the reader reports the
    /// file's state itself, so these would only be noise on standard error.
    private static let silenceWarnings: Void = {
        g_log_set_handler("Poppler", GLogLevelFlags(rawValue: G_LOG_LEVEL_MASK.rawValue), { _, _, _, _ in }, nil)
    }()
}
