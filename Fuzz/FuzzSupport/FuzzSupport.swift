import Nianbao

/// libFuzzer's driver, for the `<Target>_main` entry SwiftPM gives each fuzz executable.
public func runLibFuzzer(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                         _ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, body)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// Any bytes through the whole pipeline as `format`, and out through the writers.
public func exercise(_ bytes: [UInt8], as format: InputFormat) -> Int32 {
    guard let report = try? Converter().convert(bytes, path: nil, format: format) else { return 0 }
    _ = ReportJSON.text(report)
    _ = ReportCSV.wideRecord(report)
    _ = ReportText.text(report)
    return 0
}
