import NianbaoModel
import NianbaoReport
import NianbaoTables

/// The data dictionary: every canonical value key of every edition with the labels the template
/// prints, so that a user of the JSON or CSV knows what each key means without the template at hand.
public enum KeyDictionary {
    public static let header = ["edition", "table", "row", "column", "key", "table_label", "row_label", "column_label", "unit", "signed"]

    /// One line per value key of every edition, in template order.
    public static func records() -> [[String]] {
        Edition.all.flatMap { edition in
            edition.tables.flatMap { table in
                table.rows.flatMap { row in
                    row.columns.map { column in
                        [edition.name, table.key, row.key, column.key, "\(table.key).\(row.key).\(column.key)",
                         table.name, row.path.joined(separator: " / "), column.label,
                         unitName(column.unit), column.signed ? "yes" : "no"]
                    }
                }
            }
        }
    }

    /// The template as a markdown document: the sections, the sums per edition, then one table of
    /// keys per edition and standard table.
    public static func markdown() -> String {
        var text = """
            # 模板与标准键 The template and its canonical keys

            Generated from the template data by `nianbao keys --to markdown`; do not edit by hand. \
            Each value of the JSON (`tables.TABLE.values.ROW.COLUMN`) and of the CSV (`table`, `row`, \
            `column`; wide: `TABLE.ROW.COLUMN`) is named by these keys. 单位 unit: 件 counts, 万元 \
            amounts; signed: the value may be below zero.

            ## 章节 Sections (`sections[].key`)

            | number | key | 标题 |
            |---|---|---|

            """
        for section in SectionTemplate.all {
            text += "| \(section.number) | `\(section.key)` | \(section.numeral)、\(section.title) |\n"
        }
        text += "\n## 勾稽关系 Sums checked (`checks[].id`)\n\n| edition | id | 规则 rule | holds in |\n|---|---|---|---|\n"
        for edition in Edition.all {
            for rule in edition.rules {
                let axis = rule.axis == .eachColumn ? "each column 每列" : "each row 每行"
                text += "| \(edition.name) | `\(rule.id)` | \(rule.leftName) = \(rule.rightName) | \(axis) |\n"
            }
        }
        for edition in Edition.all {
            for table in edition.tables {
                text += "\n## \(edition.name) \(table.key) — \(table.name)\n\n"
                text += "| row | 行（标签路径） | column | 列 | 单位 | signed |\n|---|---|---|---|---|---|\n"
                for row in table.rows {
                    for column in row.columns {
                        let path = row.path.joined(separator: " / ").replacingAll("|", with: "\\|")
                        text += "| `\(row.key)` | \(path) | `\(column.key)` | \(column.label) | "
                            + "\(unitName(column.unit)) | \(column.signed ? "yes" : "") |\n"
                    }
                }
            }
        }
        return text
    }

    private static func unitName(_ unit: ValueUnit) -> String {
        switch unit {
        case .count: "件"
        case .tenThousandYuan: "万元"
        }
    }
}
