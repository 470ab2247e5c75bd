import FuzzSupport
import Nianbao

/// libFuzzer entry: any bytes through the whole pipeline as an HTML page, and out through the writers.
@_cdecl("FuzzHTML_main")
public func fuzzHTMLMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { data, size in data.map { exercise(Array(UnsafeBufferPointer(start: $0, count: size)), as: .html) } ?? 0 }
}
