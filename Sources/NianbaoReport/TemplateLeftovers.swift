import NianbaoModel

/// Text the template's author left for the office to replace (（文字描述）, ××, [具体地名]) and sections
/// with nothing in them: one check for the title and preamble, and one per section.
struct TemplateLeftovers: ReportCheck {
    /// Markers of text not yet written; an edit here is all a new marker needs.
    static let markers = ["文字描述", "××", "XXX", "ＸＸ", "[具体", "【具体", "［具体", "此处填写", "请填写"]

    func checks(of report: Report) -> [Check] {
        let head = [report.meta.title].compactMap { $0 } + report.meta.preamble
        return [leftovers(in: head, scope: "meta", place: "标题和开头")]
            + report.sections.flatMap { section in
                [leftovers(in: section.paragraphs, scope: section.key, place: "第\(section.numeral)部分“\(section.title)”",
                           locations: section.paragraphs.indices.map(section.location(ofParagraph:))),
                 emptiness(section, table: report.tables.first { $0.numeral == section.numeral })]
            }
    }

    private func leftovers(in paragraphs: [String], scope: String, place: String, locations: [SourceLocation?] = []) -> Check {
        let id = "text.placeholder"
        let found = paragraphs.enumerated().compactMap { index, paragraph in
            Self.markers.first { paragraph.containsText($0) }.map {
                (marker: $0, paragraph: paragraph, location: locations.indices.contains(index) ? locations[index] : nil)
            }
        }
        guard let first = found.first else {
            return Check(id: id, scope: scope, status: .pass, message: "\(place)没有模板中待填写的文字")
        }
        return Check(id: id, scope: scope, status: .fail,
                     message: "\(place)留有模板中待填写的文字“\(first.marker)”：“\(Quote.around(first.marker, in: first.paragraph))”"
                        + (found.count > 1 ? "，共 \(found.count) 段" : ""),
                     found: first.marker, expected: "填写实际内容", location: first.location)
    }

    private func emptiness(_ section: Section, table: StandardTable?) -> Check {
        let id = "section.empty"
        let place = "第\(section.numeral)部分“\(section.title)”"
        let written = section.paragraphs.contains { !$0.allSatisfy(\.isWhitespace) }
        if written || !section.images.isEmpty || table?.present == true {
            return Check(id: id, scope: section.key, status: .pass, message: "\(place)有内容")
        }
        if let table {
            // Its table missing or an image is what the table's own diagnostic says; not said twice.
            return Check(id: id, scope: section.key, status: .skipped,
                         message: "\(place)除\(table.name)外没有文字，而该表未能读取（见表格提示）", location: section.location)
        }
        return Check(id: id, scope: section.key, status: .fail, message: "\(place)只有标题，没有内容",
                     found: "空", expected: "该部分的内容", location: section.location)
    }
}
