import NianbaoModel

/// pandoc's simple and multiline tables (markdown and plain output): columns marked by groups of
/// dashes, cells cut at those columns (counted in display width, CJK being two wide). In a multiline
/// table rows are separated by blank lines and a cell's lines join up; a trailing `\` is markdown's
/// line break inside a cell.
struct DashedColumnsLayout: TextTableLayout {
    let name = "dashed"
    let minimumRows = 1

    /// A line of two or more groups of dashes.
    func claims(_ line: TextLine) -> Bool {
        DashedColumnsLayout.columns(line.text).count >= 2
    }

    /// The table ends at the next dashed line (a multiline table) or, failing that, at a blank line.
    func regionEnd(in lines: [TextLine], at start: Int) -> Int? {
        var end = start + 1
        var blanks = 0
        while end < lines.count {
            let body = lines[end].trimmed
            if !body.isEmpty, DashedColumnsLayout.isRule(body) { return end + 1 }
            blanks = body.isEmpty ? blanks + 1 : 0
            if blanks >= 2 { break }
            end += 1
        }
        end = start + 1
        while end < lines.count, !lines[end].isBlank { end += 1 }
        return end
    }

    func rows(of lines: [TextLine]) -> [SourceRow] {
        guard let first = lines.first else { return [] }
        let columns = DashedColumnsLayout.columns(first.text)
        let content = lines.dropFirst().filter { $0.isBlank || !DashedColumnsLayout.isRule($0.trimmed) }
        let multiline = content.contains(where: \.isBlank)
        var groups: [[TextLine]] = []
        for line in content {
            if line.isBlank {
                if groups.last?.isEmpty == false { groups.append([]) }
            } else if multiline, !groups.isEmpty {
                groups[groups.count - 1].append(line)
            } else {
                groups.append([line])
            }
        }
        return groups.filter { !$0.isEmpty }.map { group in
            var cells = Array(repeating: "", count: columns.count)
            for line in group {
                for (i, part) in DashedColumnsLayout.slices(line.text, columns).enumerated() where !part.isEmpty {
                    cells[i] = join(cells[i], part)
                }
            }
            return SourceRow(cells: cells.map { SourceCell($0.hasSuffix("\\") ? String($0.dropLast()) : $0) },
                             location: SourceLocation(line: group[0].number))
        }
    }

    /// A line of dashes and spaces only: a rule of the table.
    static func isRule(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") }
    }

    /// The display column where each group of dashes starts.
    static func columns(_ line: String) -> [Int] {
        guard line.containsUTF8(UInt8(ascii: "-")), isRule(line) else { return [] }
        var starts: [Int] = []
        var previous: Character = " "
        var lengths: [Int] = []
        for (column, character) in line.enumerated() {
            if character == "-" {
                if previous == " " { starts.append(column); lengths.append(0) }
                lengths[lengths.count - 1] += 1
            }
            previous = character
        }
        return lengths.allSatisfy { $0 >= 3 } ? starts : []
    }

    /// A line's text cut at the columns, by display width.
    static func slices(_ line: String, _ columns: [Int]) -> [String] {
        var parts = Array(repeating: "", count: columns.count)
        var column = 0
        for character in line {
            let index = (columns.lastIndex { $0 <= column }) ?? 0
            parts[index].append(character)
            column += DisplayWidth.of(character)
        }
        return parts.map { $0.trimmingBlanks() }
    }

    /// A cell's lines joined, markdown's `\` break dropped.
    private func join(_ head: String, _ tail: String) -> String {
        WrappedCell.join(head.hasSuffix("\\") ? String(head.dropLast()) : head, tail)
    }
}
