import NianbaoModel

/// A table after repair: a rectangular grid, and for a standard table its values at canonical keys.
public struct RepairedTable: Sendable, Equatable {
    /// The key of the standard table recognised, nil for any other table.
    public var templateKey: String?
    public var values: TableValues?
    public var grid: Grid
    public var diagnostics: [Diagnostic]
    public var location: SourceLocation
}
