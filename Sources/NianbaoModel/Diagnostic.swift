/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable {
    case info, warning, error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Something a stage noticed about the input: a stable English `code` for scripts, a Chinese
/// `message` for people, and where in the source it was.
public struct Diagnostic: Sendable, Equatable, Codable {
    public var severity: Severity
    public var code: String
    public var message: String
    public var location: SourceLocation?
    /// The table, row and column it concerns, when it concerns a cell or a table.
    public var subject: Subject?

    public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation? = nil,
                subject: Subject? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.subject = subject
    }
}
