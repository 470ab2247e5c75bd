import ArgumentParser

/// An option's choices as an enum's raw values, none with a description of its own. argument-parser's
/// generic answers to `allValueStrings` and `allValueDescriptions` (through CaseIterable and
/// RawRepresentable, asked two dozen times while a convert's arguments were parsed) cost its start
/// 6 % of its instructions; these give the same, written for the type.
protocol ChoiceArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension ChoiceArgument {
    static var allValueStrings: [String] { allCases.map(\.rawValue) }
    static var allValueDescriptions: [String: String] { [:] }
}
