import NianbaoModel

/// pandoc's grid tables: every cell a box drawn with `+`, `-`, `=`, `:` and `|`, a merged cell one
/// larger box. Since pandoc 3 its markdown and plain output write every table with merged cells this
/// way. The boxes state the spans exactly, so the table arrives as a DOCX or HTML table would, and
/// is not guessed from counted columns.
struct GridTableLayout: TextTableLayout {
    let name = "grid"
    let minimumRows = 1

    /// A whole border line, `+:---+----+` or `+===+`: where a grid table starts.
    func claims(_ line: TextLine) -> Bool {
        let bytes = line.trimmed.utf8
        return bytes.count >= 3 && bytes.first == GridTableLayout.corner && bytes.last == GridTableLayout.corner
            && bytes.contains { $0 != GridTableLayout.corner && $0 != GridTableLayout.colon }
            && bytes.allSatisfy { $0 == GridTableLayout.corner || GridTableLayout.edges.contains($0) }
    }

    /// The lines that begin with `+` or `|`, up to the last whole border line among them.
    func regionEnd(in lines: [TextLine], at start: Int) -> Int? {
        var end = start + 1
        var lastBorder = start
        while end < lines.count, let first = lines[end].trimmed.utf8.first,
              first == GridTableLayout.corner || first == GridTableLayout.bar {
            if claims(lines[end]) { lastBorder = end }
            end += 1
        }
        return lastBorder + 1
    }

    func rows(of lines: [TextLine]) -> [SourceRow] {
        // The drawing is laid out a character a column before its boxes are found; a report's largest
        // grid table is some tens of KiB, and a larger one is no table of a report.
        guard lines.reduce(0, { $0 + $1.text.utf8.count }) <= 1 << 19,
              let boxes = GridBoxes(lines.map { GridTableLayout.displayColumns($0.text) }) else { return [] }
        return boxes.rows.enumerated().map { index, cells in
            let firstLine = boxes.rowTops[index] + 1
            return SourceRow(cells: cells, location: SourceLocation(line: lines[min(firstLine, lines.count - 1)].number))
        }
    }

    static let corner = UInt8(ascii: "+")
    static let bar = UInt8(ascii: "|")
    static let colon = UInt8(ascii: ":")
    /// What a horizontal edge is drawn with: `=` under a header, `:` for a column's alignment.
    static let edges: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: ":")]

    /// A line as display columns, as pandoc aligns them: a wide character stands in its first column
    /// and nil in its second.
    static func displayColumns(_ text: String) -> [Character?] {
        var columns: [Character?] = []
        for character in text {
            columns.append(character)
            if DisplayWidth.of(character) == 2 { columns.append(nil) }
        }
        return columns
    }
}

/// The boxes of a drawn grid table: its row borders are the lines holding an edge, its column borders
/// the corners on them; each elementary cell joins its neighbour wherever no edge stands between
/// them, and each joined group must be a rectangle, the box of one cell.
private struct GridBoxes {
    /// Per grid row, the cells whose box starts in it, left to right.
    let rows: [[SourceCell]]
    /// Per grid row, the index of the border line above it.
    let rowTops: [Int]

    /// Most elementary cells a drawing may have; a report's largest table has a few hundred.
    private static let maximumArea = 250_000

    init?(_ canvas: [[Character?]]) {
        func at(_ line: Int, _ column: Int) -> Character? {
            column < canvas[line].count ? canvas[line][column] : nil
        }
        func isEdge(_ character: Character?) -> Bool {
            character == "-" || character == "=" || character == ":"
        }
        // A corner belongs to an edge beside it; a `+` in a cell's words does not.
        func isCorner(_ line: Int, _ column: Int) -> Bool {
            at(line, column) == "+" && (isEdge(at(line, column + 1)) || column > 0 && isEdge(at(line, column - 1)))
        }
        let borders = canvas.indices.filter { line in canvas[line].indices.contains { isCorner(line, $0) } }
        let columns = Set(borders.flatMap { line in canvas[line].indices.filter { isCorner(line, $0) } }).sorted()
        guard let first = borders.first, first == 0, borders.last == canvas.count - 1,
              borders.count >= 2, columns.count >= 2 else { return nil }
        let height = borders.count - 1, width = columns.count - 1
        guard height * width <= GridBoxes.maximumArea else { return nil }

        // Elementary cells joined into groups (union–find over row * width + column).
        var parent = Array(0..<(height * width))
        func root(_ cell: Int) -> Int {
            var cell = cell
            while parent[cell] != cell { parent[cell] = parent[parent[cell]]; cell = parent[cell] }
            return cell
        }
        func join(_ a: Int, _ b: Int) { parent[root(a)] = root(b) }
        for row in 0..<height {
            let content = (borders[row] + 1)..<borders[row + 1]
            for column in 0..<width {
                // Open to the right: no `|` or `+` on the boundary in any of the row's lines.
                if column + 1 < width, !content.isEmpty,
                   !content.contains(where: { at($0, columns[column + 1]) == "|" || at($0, columns[column + 1]) == "+" }) {
                    join(row * width + column, row * width + column + 1)
                }
                // Open below: the border line under it draws no edge across its width.
                let span = (columns[column] + 1)..<columns[column + 1]
                if row + 1 < height, !span.isEmpty, !span.allSatisfy({ isEdge(at(borders[row + 1], $0)) }) {
                    join(row * width + column, (row + 1) * width + column)
                }
            }
        }

        // Each group's extent; a group that is no rectangle means the drawing is broken.
        var extent: [Int: (top: Int, left: Int, bottom: Int, right: Int, count: Int)] = [:]
        for row in 0..<height {
            for column in 0..<width {
                let group = root(row * width + column)
                if let e = extent[group] {
                    extent[group] = (min(e.top, row), min(e.left, column), max(e.bottom, row), max(e.right, column), e.count + 1)
                } else {
                    extent[group] = (row, column, row, column, 1)
                }
            }
        }
        var rows = Array(repeating: [(column: Int, cell: SourceCell)](), count: height)
        for e in extent.values {
            guard (e.bottom - e.top + 1) * (e.right - e.left + 1) == e.count else { return nil }
            var text = ""
            for line in (borders[e.top] + 1)..<borders[e.bottom + 1] {
                let piece = MarkdownInline.unescaped(String(((columns[e.left] + 1)..<columns[e.right + 1])
                    .compactMap { at(line, $0) }).trimmingBlanks())
                if !piece.isEmpty { text = WrappedCell.join(text, piece) }
            }
            rows[e.top].append((e.left, SourceCell(text, rowSpan: e.bottom - e.top + 1, colSpan: e.right - e.left + 1)))
        }
        self.rows = rows.map { $0.sorted { $0.column < $1.column }.map(\.cell) }
        rowTops = Array(borders.dropLast())
    }
}
