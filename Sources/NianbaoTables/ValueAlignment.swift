import NianbaoModel

/// Finds a row's N values among its value cells, which merged cells may have padded or shifted.
/// Rows whose numbers are all there teach where values start for a given number of cells, and
/// rows with blanks are read the same way.
struct ValueAlignment {
    /// (cells in the value region, values wanted) → index of the first value.
    private var starts: [Pair: Int] = [:]

    private struct Pair: Hashable { var cells: Int; var wanted: Int }

    /// Learns from rows whose values are all numbers.
    mutating func learn(_ region: [CellValue], wanted: Int) {
        guard region.filter(\.isNumber).count == wanted, region.count > wanted,
              let first = region.firstIndex(where: \.isNumber) else { return }
        let pair = Pair(cells: region.count, wanted: wanted)
        if starts[pair] == nil { starts[pair] = first }
    }

    /// How a region was read.
    enum Reading: Equatable {
        case exact
        /// Every value there, among padding cells.
        case padded
        /// Some values blank; where they stand is taken from rows of the same shape.
        case inferred
        /// Some values blank, and nothing says where: the values are only in their order.
        case guessed
        case tooMany(Int)
    }

    /// The `wanted` values of a region (nil for blank), and how sure the reading is.
    func values(_ region: [CellValue], wanted: Int) -> ([CellValue], Reading) {
        let filled = region.filter { $0 != .blank }
        if filled.count == wanted {
            return (filled, region.count == wanted ? .exact : .padded)
        }
        if filled.count > wanted {
            return (Array(filled.prefix(wanted)), .tooMany(filled.count))
        }
        if region.count == wanted {
            return (region, .exact)
        }
        if let start = starts[Pair(cells: region.count, wanted: wanted)], start + wanted <= region.count {
            return (Array(region[start..<start + wanted]), .inferred)
        }
        let head = Array(region.prefix(wanted))
        return (head + Array(repeating: .blank, count: wanted - head.count), .guessed)
    }
}
