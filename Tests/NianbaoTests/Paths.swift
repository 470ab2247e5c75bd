import Foundation

/// Places in the package the end-to-end tests read from.
enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let samples = root.appendingPathComponent("Samples")
    static let textFixtures = root.appendingPathComponent("Tests/Fixtures/text")
    static let docxFixtures = root.appendingPathComponent("Tests/Fixtures/docx")
    static let htmlFixtures = root.appendingPathComponent("Tests/Fixtures/html")
    static let formFixtures = root.appendingPathComponent("Tests/Fixtures/forms")
    static let editionFixtures = root.appendingPathComponent("Tests/Fixtures/editions")
    static let checkFixtures = root.appendingPathComponent("Tests/Fixtures/check")
    static let pdfFixtures = root.appendingPathComponent("Tests/Fixtures/pdf")

    static func files(in folder: URL, ending suffix: String) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.lastPathComponent.hasSuffix(suffix) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
