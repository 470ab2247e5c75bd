import Nianbao

/// libFuzzer entry: any bytes through the whole pipeline as an HTML page.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let report = try? Converter().convert(bytes, path: nil, format: .html) else { return 0 }
    _ = ReportJSON.text(report)
    _ = ReportText.text(report)
    return 0
}
