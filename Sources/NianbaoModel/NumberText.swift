/// The one text form of a value everywhere nianbao writes it: integers without a decimal point,
/// other numbers in their shortest exact form ("9.51").
public func numberText(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}
