/// A table cell written over several lines, put back on one.
enum WrappedCell {
    /// `tail` after `head`: Chinese joins without a space, Latin words keep one between them.
    static func join(_ head: String, _ tail: String) -> String {
        guard !head.isEmpty else { return tail }
        let latin: (Character?) -> Bool = { $0.map { $0.isASCII && $0.isLetter } ?? false }
        return latin(head.last) && latin(tail.first) ? head + " " + tail : head + tail
    }
}
