import FuzzSupport
import Nianbao

/// libFuzzer entry: any bytes through the whole pipeline as an HTML page.
@_cdecl("FuzzHTML_main")
public func fuzzHTMLMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { data, size in data.map { fuzzHTML($0, size) } ?? 0 }
}

func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let report = try? Converter().convert(bytes, path: nil, format: .html) else { return 0 }
    _ = ReportJSON.text(report)
    _ = ReportText.text(report)
    return 0
}
