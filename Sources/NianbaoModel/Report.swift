/// The canonical report (JSON schema "nianbao.report/1").
public struct Report: Sendable, Equatable {
    public static let schema = "nianbao.report/1"

    public var source: SourceInfo
    public var meta: Meta
    public var sections: [Section]
    /// The three standard tables, in template order, whether present or not.
    public var tables: [StandardTable]
    /// Tables that are not standard tables, kept as repaired grids.
    public var otherTables: [Grid]
    public var checks: [Check]
    public var diagnostics: [Diagnostic]

    public init(source: SourceInfo, meta: Meta, sections: [Section], tables: [StandardTable],
                otherTables: [Grid], checks: [Check], diagnostics: [Diagnostic]) {
        self.source = source
        self.meta = meta
        self.sections = sections
        self.tables = tables
        self.otherTables = otherTables
        self.checks = checks
        self.diagnostics = diagnostics
    }

    /// The standard table with this canonical key.
    public func table(_ key: String) -> StandardTable? {
        tables.first { $0.key == key }
    }
}

/// Where the report came from.
public struct SourceInfo: Sendable, Equatable, Codable {
    public var path: String?
    public var format: InputFormat
    public var encoding: String
    public var layout: String?
    public var sha256: String
    /// What the file says about itself (DOCX core properties), as hints.
    public var properties: DocumentProperties?

    public init(path: String?, format: InputFormat, encoding: String, layout: String?, sha256: String,
                properties: DocumentProperties? = nil) {
        self.path = path
        self.format = format
        self.encoding = encoding
        self.layout = layout
        self.sha256 = sha256
        self.properties = properties
    }
}

/// Facts about the report found in its text; nil where the source does not state them.
public struct Meta: Sendable, Equatable, Codable {
    public var title: String?
    public var organ: String?
    public var year: Int?
    public var period: Period?
    /// Publication date, ISO yyyy-MM-dd.
    public var published: String?
    /// The template edition of the report's tables ("2019", "2021"), "mixed" when its tables are drawn
    /// in different editions, nil when no table tells.
    public var template: String?
    /// Paragraphs before the first section heading, other than the title.
    public var preamble: [String]

    public init(title: String? = nil, organ: String? = nil, year: Int? = nil, period: Period? = nil,
                published: String? = nil, template: String? = nil, preamble: [String] = []) {
        self.title = title
        self.organ = organ
        self.year = year
        self.period = period
        self.published = published
        self.template = template
        self.preamble = preamble
    }
}

/// The statistics period, ISO dates.
public struct Period: Sendable, Equatable, Codable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// One of the six numbered sections.
public struct Section: Sendable, Equatable, Codable {
    public var number: Int
    public var key: String
    /// The canonical title (TEMPLATE.md).
    public var title: String
    /// The heading as the source wrote it.
    public var heading: String
    public var paragraphs: [String]
    public var location: SourceLocation?
    /// Where each of `paragraphs` is in the source, in the same order (empty when not known).
    public var paragraphLocations: [SourceLocation]
    /// Images that stand in the section (their names or package paths).
    public var images: [String]
    /// The section's numeral ("三"), as its canonical heading writes it.
    public var numeral: String

    /// Where paragraph `index` is; the section's heading when the source does not say.
    public func location(ofParagraph index: Int) -> SourceLocation? {
        paragraphLocations.indices.contains(index) ? paragraphLocations[index] : location
    }

    public init(number: Int, key: String, title: String, heading: String, paragraphs: [String],
                location: SourceLocation?, paragraphLocations: [SourceLocation] = [], images: [String] = [],
                numeral: String = "") {
        self.numeral = numeral
        self.paragraphLocations = paragraphLocations
        self.number = number
        self.key = key
        self.title = title
        self.heading = heading
        self.paragraphs = paragraphs
        self.location = location
        self.images = images
    }
}

/// One standard table of the report: its values at canonical keys and its repaired grid, and what
/// names it (the writers need nothing else to lay it out).
public struct StandardTable: Sendable, Equatable, Codable {
    public var key: String
    public var present: Bool
    public var values: TableValues?
    public var grid: Grid?
    public var location: SourceLocation?
    /// The template edition the table is drawn in ("2019", "2021"); nil when nothing in the report tells.
    public var edition: String?
    /// Its name in messages ("表三（收到和处理政府信息公开申请情况）").
    public var name: String
    /// The numeral of the section it belongs to ("三").
    public var numeral: String

    public init(key: String, present: Bool, values: TableValues?, grid: Grid?, location: SourceLocation?,
                edition: String? = nil, name: String = "", numeral: String = "") {
        self.key = key
        self.present = present
        self.values = values
        self.grid = grid
        self.location = location
        self.edition = edition
        self.name = name
        self.numeral = numeral
    }

    /// A table the report does not contain in readable form.
    public static func absent(_ key: String, name: String = "", numeral: String = "") -> StandardTable {
        StandardTable(key: key, present: false, values: nil, grid: nil, location: nil, name: name, numeral: numeral)
    }
}

/// Outcome of one arithmetic check.
public enum CheckStatus: String, Sendable, Codable {
    case pass, fail, skipped
}

/// One rule applied to one scope (a column, a row, a group, a section, a sentence): the arithmetic,
/// the dates, the narrative against the tables, the chain across years.
public struct Check: Sendable, Equatable, Codable {
    /// The rule's stable code ("applications.balance", "narrative.new_received").
    public var id: String
    public var scope: String
    public var status: CheckStatus
    /// What was found, in Chinese; for a skipped check, why it could not be checked.
    public var message: String
    /// The cells involved, as "table.row.column".
    public var cells: [String]
    /// How serious a failure is: an error to fix, or a warning worth a look (a hint that may not hold).
    public var severity: Severity
    /// The table, row and column as the report prints them.
    public var subject: Subject?
    /// The value the report gives, and the value the rule expects there, as text.
    public var found: String?
    public var expected: String?
    public var location: SourceLocation?

    public init(id: String, scope: String, status: CheckStatus, message: String, cells: [String] = [],
                severity: Severity = .error, subject: Subject? = nil, found: String? = nil, expected: String? = nil,
                location: SourceLocation? = nil) {
        self.id = id
        self.scope = scope
        self.status = status
        self.message = message
        self.cells = cells
        self.severity = severity
        self.subject = subject
        self.found = found
        self.expected = expected
        self.location = location
    }
}
