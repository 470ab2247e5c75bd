import NianbaoModel

/// A table after repair: a rectangular grid, and for a standard table its values at canonical keys.
public struct RepairedTable: Sendable, Equatable {
    /// The key of the standard table recognised, nil for any other table.
    public var templateKey: String?
    /// The edition the table is drawn in; nil where it is drawn alike in several, or nothing tells.
    public var edition: String? = nil
    public var values: TableValues?
    public var grid: Grid
    public var diagnostics: [Diagnostic]
    public var location: SourceLocation
    /// Lines a text form's table region took in that turned out not to be the table (a heading right
    /// under its last row): they go back to the text, in order, after the table.
    public var trailingText: [Paragraph] = []
}
