/// One thing to fix in a report, one line of an office's problem list: a failed check, or a
/// diagnostic at or above the severity the office fails on, or a file that could not be read.
public struct Problem: Sendable, Equatable, Codable {
    public var file: String?
    public var organ: String?
    public var year: Int?
    public var severity: Severity
    public var code: String
    public var subject: Subject?
    public var found: String?
    public var expected: String?
    public var message: String
    public var location: SourceLocation?
    /// The opening words of the paragraph the problem stands in, where the source has no lines to
    /// point at (a DOCX): what a person searches for in Word.
    public var opening: String?

    public init(file: String?, organ: String? = nil, year: Int? = nil, severity: Severity, code: String,
                subject: Subject? = nil, found: String? = nil, expected: String? = nil, message: String,
                location: SourceLocation? = nil) {
        self.file = file
        self.organ = organ
        self.year = year
        self.severity = severity
        self.code = code
        self.subject = subject
        self.found = found
        self.expected = expected
        self.message = message
        self.location = location
    }

    /// A file that could not be converted at all.
    public static func unreadable(_ file: String?, reason: String, code: String = "file.unreadable") -> Problem {
        Problem(file: file, severity: .error, code: code, message: reason)
    }

    /// Where to look, for a person: the line of a text or HTML source; in a DOCX the paragraph by its
    /// opening words (a table's cell is named by `subject`).
    public var place: String {
        if let page = location?.page { return "第 \(page) 页" }
        if let line = location?.line { return "第 \(line) 行" }
        return opening.map { "段落“\($0)”" } ?? ""
    }
}

extension Report {
    /// What needs fixing: failed checks and diagnostics whose severity is at least `threshold`.
    public func problems(failingAt threshold: Severity = .warning) -> [Problem] {
        let failed = checks.filter { $0.status == .fail && $0.severity >= threshold }.map { check in
            Problem(file: source.path, organ: meta.organ, year: meta.year, severity: check.severity, code: check.id,
                    subject: check.subject, found: check.found, expected: check.expected, message: check.message,
                    location: check.location)
        }
        let noted = diagnostics.filter { $0.severity >= threshold }.map { d in
            Problem(file: source.path, organ: meta.organ, year: meta.year, severity: d.severity, code: d.code,
                    subject: d.subject, message: d.message, location: d.location)
        }
        return (failed + noted).map { problem in
            var problem = problem
            if problem.location?.line == nil { problem.opening = paragraphOpening(at: problem.location) }
            return problem
        }
    }

    /// The first words of the section paragraph at `location`, nil when no paragraph is there.
    private func paragraphOpening(at location: SourceLocation?) -> String? {
        guard let location else { return nil }
        for section in sections {
            guard let index = section.paragraphLocations.firstIndex(of: location),
                  section.paragraphs.indices.contains(index) else { continue }
            let text = section.paragraphs[index]
            return text.count > 16 ? String(text.prefix(16)) + "…" : text
        }
        return nil
    }

    /// How many checks passed, failed and were skipped.
    public var checkTally: (passed: Int, failed: Int, skipped: Int) {
        (checks.filter { $0.status == .pass }.count, checks.filter { $0.status == .fail }.count,
         checks.filter { $0.status == .skipped }.count)
    }
}
