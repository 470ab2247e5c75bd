/// A calendar date as nianbao writes every date (yyyy-MM-dd), nil when the month or day cannot be one.
public func isoDate(year: Int, month: Int, day: Int) -> String? {
    guard (1...12).contains(month), (1...31).contains(day) else { return nil }
    let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(pad(month))-\(pad(day))"
}
