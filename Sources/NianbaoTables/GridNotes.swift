/// What the repaired grid of a standard table keeps from the source beyond the values: cells whose text
/// as written is not the value's own form (`251000元` in a 万元 column), and blank cells the source merged.
struct GridNotes {
    /// "row.column" → the cell's text as the grid shows it.
    var texts: [String: String] = [:]
    /// Row key → runs of the row's column indexes the source merged into one blank cell.
    var merges: [String: [Range<Int>]] = [:]
}
