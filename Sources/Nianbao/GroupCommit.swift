import FoundationEssentials
import Glibc
import Synchronization

/// Puts the staged files of many batch inputs in place with one sync: a sync per input was some 6 %
/// of a text report's CPU in a batch. A group's files are synced first and then renamed in
/// the order each input gave them (its record last), so after a crash every output is whole or
/// absent, and an input without its record is converted again by --resume.
final class GroupCommit: Sendable {
    /// Inputs staged but not yet in place.
    private let pending = Mutex(Pending())
    /// The folder the temporary files are in; syncing its file system makes them durable.
    private let temporaryFolder: URL
    private let inputsPerGroup: Int
    private let secondsPerGroup: Double

    private struct Pending {
        var inputs: [[StagedFile]] = []
        var since = ContinuousClock.now
    }

    /// A group is put in place when it holds `inputsPerGroup` inputs, or when an input is added
    /// `secondsPerGroup` after the group's first, so that a slow batch still shows its outputs.
    init(temporaryFolder: URL, inputsPerGroup: Int = 64, secondsPerGroup: Double = 2) {
        self.temporaryFolder = temporaryFolder
        self.inputsPerGroup = inputsPerGroup
        self.secondsPerGroup = secondsPerGroup
    }

    /// Adds one input's files; they are in place at the latest after `finish`.
    func add(_ files: [StagedFile]) {
        guard !files.isEmpty else { return }
        let due: [[StagedFile]] = pending.withLock { pending in
            if pending.inputs.isEmpty { pending.since = .now }
            pending.inputs.append(files)
            guard pending.inputs.count >= inputsPerGroup || pending.since.duration(to: .now) >= .seconds(secondsPerGroup) else {
                return []
            }
            defer { pending.inputs = [] }
            return pending.inputs
        }
        if !due.isEmpty { commit(due) }
    }

    /// Puts every input added so far in place.
    func finish() {
        let due = pending.withLock { pending in
            defer { pending.inputs = [] }
            return pending.inputs
        }
        if !due.isEmpty { commit(due) }
    }

    /// Syncs the group, then renames each input's files in order. A sync that fails leaves the whole
    /// group out; a rename that fails leaves out the rest of its input, whose record comes last.
    private func commit(_ inputs: [[StagedFile]]) {
        guard (try? FileSystemSync.sync(inputs.flatMap { $0.map(\.temporary) }, in: temporaryFolder)) != nil else {
            inputs.joined().forEach { unlink($0.temporary) }
            return
        }
        for files in inputs {
            // Renamed in order up to the first that fails.
            guard let failed = files.firstIndex(where: { rename($0.temporary, $0.target) != 0 }) else { continue }
            files[failed...].forEach { unlink($0.temporary) }
        }
    }
}
