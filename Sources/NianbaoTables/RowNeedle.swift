/// What identifies a template row inside running text: its marker's numeral and the first words of its
/// label (or of an alias), in `LabelKey.plain` form. Text forms cut and wrap labels, so the opening
/// words, found in the template's row order, are what can be relied on.
struct RowNeedle {
    /// Per label form: the marker numeral ("1", "一") or nil, and the opening words.
    let forms: [(marker: String?, words: String)]

    static let openingLength = 6

    init(_ row: RowTemplate) {
        forms = ([row.label] + row.aliases).map { label in
            let key = LabelKey(label)
            return (key.marker, String(key.text.prefix(RowNeedle.openingLength)))
        }
    }

    /// Where the row's label starts in `plain`, the marker included when `withMarker`.
    func find(in plain: String, withMarker: Bool) -> Range<String.Index>? {
        forms.lazy.compactMap { form -> Range<String.Index>? in
            guard !form.words.isEmpty else { return nil }
            let needle = withMarker ? (form.marker ?? "") + form.words : form.words
            return plain.firstRange(of: needle)
        }.first
    }

    /// Whether `plain` holds the row's label: `find` without the range, searched as bytes, which
    /// recognising a text table asks for every row of every template.
    func occurs(in plain: String, withMarker: Bool) -> Bool {
        forms.contains { form in
            !form.words.isEmpty && plain.containsText(withMarker ? (form.marker ?? "") + form.words : form.words)
        }
    }

    /// The row's marker numeral when it is written in digits (what a glued number run can swallow).
    var digitMarker: String? {
        forms.first?.marker.flatMap { $0.allSatisfy(\.isASCII) ? $0 : nil }
    }
}
