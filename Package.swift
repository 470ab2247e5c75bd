// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "nianbao",
    products: [
        .library(name: "Nianbao", targets: ["Nianbao"]),
        .executable(name: "nianbao", targets: ["nianbao"]),
        .executable(name: "nianbao-serve", targets: ["nianbao-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        .systemLibrary(
            // Opened when a DOCX or page is read, not linked (see shim.h): only its headers are wanted
            // here, and naming it to pkg-config would link it.
            name: "CLibXML2", path: "Sources/CLibXML2", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            // Opened when a zip package is read or written, not linked (see shim.h).
            name: "CLibZip", path: "Sources/CLibZip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(
            // Opened when a PDF is read, not linked (see shim.h): poppler-glib is needed only then.
            name: "CLibPoppler", path: "Sources/CLibPoppler", providers: [.apt(["libpoppler-glib8"])]),
        .target(name: "NianbaoModel"),
        .target(
            name: "NianbaoReaders",
            dependencies: ["NianbaoModel", "CLibXML2", "CLibZip", "CLibPoppler", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "NianbaoTables", dependencies: ["NianbaoModel"]),
        .target(name: "NianbaoReport", dependencies: ["NianbaoModel", "NianbaoTables"]),
        .target(name: "NianbaoWriters", dependencies: ["NianbaoModel", "NianbaoTables", "NianbaoReport", "CLibZip"]),
        .target(
            name: "Nianbao",
            dependencies: ["NianbaoModel", "NianbaoReaders", "NianbaoTables", "NianbaoReport", "NianbaoWriters"]),
        .target(
            name: "NianbaoServer",
            dependencies: ["Nianbao", "NianbaoModel", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
            resources: [.embedInCode("Resources/page.html")]),
        .executableTarget(
            name: "nianbao",
            dependencies: ["Nianbao", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // The web server is its own program: `nianbao serve` hands over to it, and the command
        // line, started once per file by many scripts, does not load NIO and Hummingbird.
        .executableTarget(name: "nianbao-serve", dependencies: ["NianbaoServer"]),
        .testTarget(name: "NianbaoModelTests", dependencies: ["NianbaoModel"]),
        .testTarget(name: "NianbaoReadersTests", dependencies: ["NianbaoReaders"]),
        .testTarget(name: "NianbaoTablesTests", dependencies: ["NianbaoTables"]),
        .testTarget(name: "NianbaoReportTests", dependencies: ["NianbaoReport", "NianbaoReaders", "NianbaoTables"]),
        .testTarget(name: "NianbaoWritersTests", dependencies: ["NianbaoWriters", "NianbaoTables"]),
        .testTarget(name: "NianbaoTests", dependencies: ["Nianbao"]),
        .testTarget(name: "NianbaoServerTests", dependencies: ["NianbaoServer", "Nianbao"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets, one per reader; only Scripts/fuzz builds them (NIANBAO_FUZZ=1 and
// -sanitize=fuzzer), so that the ordinary build and test stay as they are.
if ProcessInfo.processInfo.environment["NIANBAO_FUZZ"] != nil {
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["Nianbao"], path: "Fuzz/FuzzSupport"))
    for name in ["FuzzText", "FuzzDocx", "FuzzHTML", "FuzzPDF"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["Nianbao", "FuzzSupport"], path: "Fuzz/\(name)"))
    }
}

// Where Debian's libxml2-dev puts the headers (pkg-config --cflags libxml-2.0), for every target: a
// debug build's modules see NianbaoReaders' internal imports (testing is enabled), so each may load
// CLibXML2, not only NianbaoReaders.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]
}
