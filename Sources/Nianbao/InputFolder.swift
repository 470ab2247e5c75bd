import FoundationEssentials
import Glibc

/// The entries of a batch's input folder, every one accounted for: regular files to convert, by
/// path relative to the folder, and the rest set apart with the reason they are not read (the
/// office's litter, hidden files, symlinks, special files, folders that cannot be opened, names
/// that are not UTF-8). The tree is walked with opendir/readdir and never through a symlink.
struct InputFolder {
    /// Names of files that are never reports: cache files Windows leaves.
    static let junkNames: Set<String> = ["thumbs.db", "ehthumbs.db", "desktop.ini"]
    /// Name beginnings of such files: `~$报告.docx` is Word's lock file, `~WRL0001.tmp` its temporary copy.
    static let junkPrefixes = ["~$", "~wrl"]

    /// Whether a file name is an office's litter rather than an input.
    static func isJunk(_ name: String) -> Bool {
        let lower = name.lowercased()
        return junkNames.contains(lower) || junkPrefixes.contains { lower.hasPrefix($0) }
    }

    /// An entry that is not converted, and why, in Chinese and English.
    struct Entry: Equatable {
        var path: String
        var reason: String
    }

    var inputs: [String] = []
    /// Entries set apart, listed as skipped.
    var skipped: [Entry] = []
    /// Entries reported as failed without being read (names that are not UTF-8).
    var refused: [Entry] = []

    init(_ folder: URL) {
        walk(folder.path, relative: "")
        inputs.sort()
        skipped.sort { $0.path < $1.path }
        refused.sort { $0.path < $1.path }
    }

    private mutating func walk(_ path: String, relative: String) {
        guard let directory = opendir(path) else {
            skipped.append(Entry(path: relative.isEmpty ? "." : relative,
                                   reason: "目录无法读取：\(SystemErrorText.sentence(errno: errno)) (folder cannot be read)"))
            return
        }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name != Array(".".utf8) && name != Array("..".utf8) { names.append(name) }
        }
        for bytes in names {
            // A name that is not UTF-8 cannot be carried through paths made of Strings; it is shown
            // with its bad bytes replaced and reported, not silently dropped or misread.
            guard let name = String(validating: bytes, as: UTF8.self) else {
                refused.append(Entry(path: relative + String(decoding: bytes, as: UTF8.self),
                                       reason: "文件名不是有效的 UTF-8，请改名后重试 (the name is not valid UTF-8; rename it)"))
                continue
            }
            let child = path + "/" + name
            let childRelative = relative + name
            var status = stat()
            guard lstat(child, &status) == 0 else {
                skipped.append(Entry(path: childRelative,
                                       reason: "无法读取：\(SystemErrorText.sentence(errno: errno)) (cannot be read)"))
                continue
            }
            let hidden = name.hasPrefix(".")
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                if hidden {
                    skipped.append(Entry(path: childRelative + "/", reason: "隐藏目录，未读取 (hidden folder, not read)"))
                } else {
                    walk(child, relative: childRelative + "/")
                }
            case S_IFREG:
                if hidden {
                    skipped.append(Entry(path: childRelative, reason: "隐藏文件，已跳过 (hidden file, skipped)"))
                } else if InputFolder.isJunk(name) {
                    skipped.append(Entry(path: childRelative, reason: "不是报告，已跳过 (office litter, skipped)"))
                } else {
                    inputs.append(childRelative)
                }
            case S_IFLNK:
                skipped.append(Entry(path: childRelative, reason: "符号链接，未跟随 (symlink, not followed)"))
            default:
                skipped.append(Entry(path: childRelative,
                                       reason: "不是普通文件（管道、设备或套接字），已跳过 (special file, skipped)"))
            }
        }
    }
}
