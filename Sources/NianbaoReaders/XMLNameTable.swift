/// The names a reader acts on, as the cases of `Name`, each distinct name of a part matched once:
/// a switch over Strings compared them for every node, a tenth of reading a document.
struct XMLNameTable<Name: RawRepresentable> where Name.RawValue == String {
    /// By name id: nil not matched yet, .some(nil) not one of `Name`'s.
    private var matched: [Name??] = []

    init() {}

    /// The case of the name with this id in `reader`'s part.
    mutating func name(_ id: Int32, in reader: XMLStreamReader) -> Name? {
        guard id >= 0 else { return nil }
        let index = Int(id)
        if index >= matched.count { matched += repeatElement(nil, count: index + 1 - matched.count) }
        if let known = matched[index] { return known }
        let name = Name(rawValue: reader.name(id: id))
        matched[index] = .some(name)
        return name
    }
}

extension XMLStreamReader {
    /// The current node's local name as a case of `Name`.
    func localName<Name>(in table: inout XMLNameTable<Name>) -> Name? { table.name(localNameID, in: self) }

    /// The current node's namespace as a case of `Name`.
    func namespace<Name>(in table: inout XMLNameTable<Name>) -> Name? { table.name(namespaceID, in: self) }
}
