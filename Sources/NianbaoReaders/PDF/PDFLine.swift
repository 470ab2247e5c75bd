/// One laid-out line of a page, with what the layout saw of its ends: whether it could continue the
/// line above it (running text from its column's left edge, no list marker) and whether the line below
/// could continue it (running text to its column's right edge).
struct PDFLine {
    var text: String
    var mayContinueAbove = false
    var mayContinueBelow = false

    /// The pages' lines with a paragraph broken by a page break joined again: a page's last line that
    /// reaches its column's edge and the next page's first line that starts at its own are one line,
    /// on the first page. Run after the running heads and feet are gone, which stand between the two.
    static func joiningAcrossPages(_ pages: [[PDFLine]]) -> [[PDFLine]] {
        var pages = pages
        for index in pages.indices.dropFirst() {
            guard let last = pages[index - 1].last, last.mayContinueBelow,
                  let first = pages[index].first, first.mayContinueAbove else { continue }
            // The continuation's own indent is the page's layout, not a space in the text.
            pages[index - 1][pages[index - 1].count - 1].text += first.text.drop { $0 == " " }
            pages[index - 1][pages[index - 1].count - 1].mayContinueBelow = first.mayContinueBelow
            pages[index].removeFirst()
        }
        return pages
    }
}
