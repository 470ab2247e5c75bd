/// A way of wording something, as data: words, choices, optional and repeated parts, runs of scalars
/// of a class, and named parts to read back. It is matched over Unicode scalars the way a regular
/// expression is (leftmost match, greedy, first choice first, backtracking), but nothing is compiled:
/// building the narrative statements' regular expressions cost more than checking a whole report.
indirect enum Phrase: Sendable {
    case text(String)
    /// The first of these that lets the rest match.
    case either([Phrase])
    /// Taken when it lets the rest match, else skipped.
    case optional(Phrase)
    /// As many times as lets the rest match, none included.
    case repeated(Phrase)
    /// From `min` to `max` scalars of a class, as many as lets the rest match.
    case scalars(ScalarClass, min: Int, max: Int)
    /// From `min` to `max` scalars of a class, as few as lets the rest match (a lazy quantifier).
    case fewest(ScalarClass, min: Int, max: Int)
    case sequence([Phrase])
    /// A part whose text the match gives back by name.
    case named(String, Phrase)

    /// One of several words.
    static func oneOf(_ words: String...) -> Phrase { .either(words.map(Phrase.text)) }
    /// Perhaps one of several words.
    static func maybe(_ words: String...) -> Phrase { .optional(.either(words.map(Phrase.text))) }

    /// One match: the scalars it covers and the named parts' texts.
    struct Match {
        var range: Range<Int>
        var text: String
        var named: [String: String]
    }

    /// The matches in `text`, left to right, none overlapping.
    func matches(in text: String) -> [Match] {
        matches(in: text, limit: .max)
    }

    /// The leftmost match in `text`.
    func firstMatch(in text: String) -> Match? {
        matches(in: text, limit: 1).first
    }

    /// The match that covers all of `text`, if there is one.
    func wholeMatch(_ text: String) -> Match? {
        let scalars = Array(text.unicodeScalars)
        let named = Named()
        guard match(scalars, at: 0, named: named, then: { $0 == scalars.count }) else { return nil }
        return Match(range: 0..<scalars.count, text: text, named: named.ranges.mapValues { Self.string(scalars[$0]) })
    }

    private func matches(in text: String, limit: Int) -> [Match] {
        let scalars = Array(text.unicodeScalars)
        var found: [Match] = []
        // A failed try leaves no named part set, so one record serves every start.
        let named = Named()
        // Most places cannot begin a match: their scalar is none a match can begin with.
        let firsts = firstScalars
        var start = 0
        while start < scalars.count {
            if let firsts, !firsts.contains(scalars[start]) {
                start += 1
                continue
            }
            var end: Int?
            _ = match(scalars, at: start, named: named) { end = $0; return true }
            guard let end, end > start else {
                start += 1
                continue
            }
            found.append(Match(range: start..<end, text: Self.string(scalars[start..<end]),
                               named: named.ranges.mapValues { Self.string(scalars[$0]) }))
            named.ranges = [:]
            if found.count == limit { break }
            start = end
        }
        return found
    }

    /// The scalars a match can begin with; nil when it can begin with any, or match nothing at all.
    private var firstScalars: Set<Unicode.Scalar>? {
        switch self {
        case .text(let word): word.unicodeScalars.first.map { [$0] }
        case .either(let choices):
            choices.reduce(Set<Unicode.Scalar>?([])) { union, choice in
                union.flatMap { union in choice.firstScalars.map { union.union($0) } }
            }
        case .optional, .repeated: nil
        case .scalars(let kind, let min, _), .fewest(let kind, let min, _):
            min > 0 && !kind.excluding && !kind.withSpace ? kind.scalars : nil
        case .sequence(let parts): Self.firstScalars(of: parts[...])
        case .named(_, let part): part.firstScalars
        }
    }

    /// A sequence's first scalars: those of its first part, and of the next while the parts before may match nothing.
    private static func firstScalars(of parts: ArraySlice<Phrase>) -> Set<Unicode.Scalar>? {
        guard let first = parts.first else { return nil }
        switch first {
        case .optional(let part), .repeated(let part):
            guard let own = part.firstScalars, let after = firstScalars(of: parts.dropFirst()) else { return nil }
            return own.union(after)
        default:
            return first.firstScalars
        }
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Whether the phrase matches at `i` so that `rest` accepts where it ends; tries the ends in the
    /// order a regular expression would.
    private func match(_ s: [Unicode.Scalar], at i: Int, named: Named,
                       then rest: (Int) -> Bool) -> Bool {
        switch self {
        case .text(let word):
            var j = i
            for scalar in word.unicodeScalars {
                guard j < s.count, s[j] == scalar else { return false }
                j += 1
            }
            return rest(j)
        case .either(let choices):
            return choices.contains { $0.match(s, at: i, named: named, then: rest) }
        case .optional(let part):
            return part.match(s, at: i, named: named, then: rest) || rest(i)
        case .repeated(let part):
            // Another round only if it moved on, so that a part matching nothing cannot loop.
            return part.match(s, at: i, named: named) { j in
                j > i && self.match(s, at: j, named: named, then: rest)
            } || rest(i)
        case .scalars(let kind, let min, let max):
            var longest = i
            while longest < s.count, longest - i < max, kind.contains(s[longest]) { longest += 1 }
            guard longest - i >= min else { return false }
            return stride(from: longest, through: i + min, by: -1).contains { rest($0) }
        case .fewest(let kind, let min, let max):
            var end = i
            while end < s.count, end - i < min, kind.contains(s[end]) { end += 1 }
            guard end - i == min else { return false }
            while true {
                if rest(end) { return true }
                guard end < s.count, end - i < max, kind.contains(s[end]) else { return false }
                end += 1
            }
        case .sequence(let parts):
            return Self.matchAll(parts[...], s, at: i, named: named, then: rest)
        case .named(let name, let part):
            let before = named.ranges[name]
            return part.match(s, at: i, named: named) { j in
                named.ranges[name] = i..<j
                if rest(j) { return true }
                named.ranges[name] = before
                return false
            }
        }
    }

    /// The named parts' ranges so far; a reference, since the parts that set them are matched
    /// inside the continuations of the parts around them.
    private final class Named {
        var ranges: [String: Range<Int>] = [:]
    }

    private static func matchAll(_ parts: ArraySlice<Phrase>, _ s: [Unicode.Scalar], at i: Int,
                                 named: Named, then rest: (Int) -> Bool) -> Bool {
        guard let first = parts.first else { return rest(i) }
        return first.match(s, at: i, named: named) { j in matchAll(parts.dropFirst(), s, at: j, named: named, then: rest) }
    }
}

/// A class of scalars: these (and white space, when `withSpace`), or all but these.
struct ScalarClass: Sendable {
    var scalars: Set<Unicode.Scalar>
    var withSpace = false
    var excluding = false

    init(_ scalars: String, withSpace: Bool = false, excluding: Bool = false) {
        self.scalars = Set(scalars.unicodeScalars)
        self.withSpace = withSpace
        self.excluding = excluding
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool { (scalars.contains(scalar) || withSpace && scalar.isSpace) != excluding }

    /// ASCII digits: the texts matched are made half-width first.
    static let digits = ScalarClass("0123456789")
    /// White space by Unicode's property, as a regular expression's \s takes it.
    static let whiteSpace = ScalarClass("", withSpace: true)
    /// Any scalar but a line break, as a regular expression's dot takes it.
    static let notLineBreak = ScalarClass("\n\r\u{0B}\u{0C}\u{85}\u{2028}\u{2029}", excluding: true)
}
