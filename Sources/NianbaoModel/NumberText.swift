/// The one text form of a value everywhere nianbao writes it: integers without a decimal point,
/// other numbers in their shortest exact form ("9.51"), never with an exponent (JSON readers and
/// spreadsheets take 0.00001 as written, 1e-05 not always).
public func numberText(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    let shortest = String(value)
    guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(shortest[shortest.index(after: e)...]) else {
        return shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
    }
    // Mantissa digits with the point moved by the exponent.
    var mantissa = String(shortest[..<e])
    let negative = mantissa.hasPrefix("-")
    if negative { mantissa.removeFirst() }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
    let point = parts[0].count + exponent
    var text: String
    if point <= 0 {
        text = "0." + String(repeating: "0", count: -point) + digits
    } else if point >= digits.count {
        text = digits + String(repeating: "0", count: point - digits.count)
    } else {
        text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
    }
    while text.contains("."), text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return (negative ? "-" : "") + text
}
