import FuzzSupport
import Nianbao

/// libFuzzer entry: any bytes through the whole pipeline as a text extract, and out through the writers.
@_cdecl("FuzzText_main")
public func fuzzTextMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { data, size in data.map { fuzzText($0, size) } ?? 0 }
}

func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    exercise(Array(UnsafeBufferPointer(start: data, count: size)), as: .text)
}

func exercise(_ bytes: [UInt8], as format: InputFormat) -> Int32 {
    guard let report = try? Converter().convert(bytes, path: nil, format: format) else { return 0 }
    _ = ReportJSON.text(report)
    _ = ReportCSV.wideRecord(report)
    _ = ReportText.text(report)
    return 0
}
