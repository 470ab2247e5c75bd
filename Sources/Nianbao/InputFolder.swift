import Foundation

/// The files of a batch's input folder: regular, visible files, by path relative to the folder, with
/// the office's own litter (Word's lock files, Windows' thumbnail caches) set apart as skipped, not failed.
struct InputFolder {
    /// Names of files that are never reports: cache files Windows leaves (hidden ones such as
    /// .DS_Store and LibreOffice's .~lock.* are passed over as hidden files already).
    static let junkNames: Set<String> = ["thumbs.db", "ehthumbs.db", "desktop.ini"]
    /// Name beginnings of such files: `~$报告.docx` is Word's lock file, `~WRL0001.tmp` its temporary copy.
    static let junkPrefixes = ["~$", "~wrl"]

    /// Whether a file name is an office's litter rather than an input.
    static func isJunk(_ name: String) -> Bool {
        let lower = name.lowercased()
        return junkNames.contains(lower) || junkPrefixes.contains { lower.hasPrefix($0) }
    }

    var inputs: [String] = []
    var skipped: [String] = []

    /// Lists `folder`; hidden files and folders are passed over without a word, litter is listed as skipped.
    init(_ folder: URL) {
        let base = folder.resolvingSymlinksInPath().standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return }
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = String(url.resolvingSymlinksInPath().standardizedFileURL.path.dropFirst(base.path.count + 1))
            if InputFolder.isJunk(url.lastPathComponent) { skipped.append(path) } else { inputs.append(path) }
        }
        inputs.sort()
        skipped.sort()
    }
}
