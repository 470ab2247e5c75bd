/// What a check or a diagnostic is about, named as the report prints it, so a person can find it:
/// the table (“表三（收到和处理政府信息公开申请情况）”), the row (“（一）予以公开”), the column (“自然人”).
public struct Subject: Sendable, Equatable, Codable {
    public var table: String?
    public var row: String?
    public var column: String?

    public init(table: String? = nil, row: String? = nil, column: String? = nil) {
        self.table = table
        self.row = row
        self.column = column
    }
}
