import FuzzSupport
import Nianbao

/// libFuzzer entry: any bytes through the whole pipeline as a PDF, and out through the writers.
@_cdecl("FuzzPDF_main")
public func fuzzPDFMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { data, size in data.map { exercise(Array(UnsafeBufferPointer(start: $0, count: size)), as: .pdf) } ?? 0 }
}
