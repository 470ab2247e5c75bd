import Foundation
import Nianbao

/// The server's bounded pool of conversions: at most `workers` worker processes at once, and at
/// most `workers + waiting` requests admitted (reading their bodies, queued or running), so that a
/// burst of uploads costs a bounded amount of memory and is told "busy" instead of piling up.
actor ConversionPool {
    private let workers: Int
    private let admissions: Int
    private var admitted = 0
    private var running = 0
    private var queue: [CheckedContinuation<Void, Never>] = []

    init(workers: Int, waiting: Int) {
        self.workers = workers
        self.admissions = workers + waiting
    }

    /// Takes a place for one request, false when the server is full.
    func admit() -> Bool {
        guard admitted < admissions else { return false }
        admitted += 1
        return true
    }

    /// Gives back a request's place.
    func release() { admitted -= 1 }

    /// How many requests are admitted and how many conversions run, for /healthz.
    var load: (admitted: Int, running: Int) { (admitted, running) }

    /// Runs `run` in a worker slot, waiting for one to come free.
    func withWorker<T: Sendable>(_ run: @escaping @Sendable () -> T) async -> T {
        if running >= workers {
            await withCheckedContinuation { queue.append($0) }
        } else {
            running += 1
        }
        // The slot passes straight to the next in the queue, so `running` stays counted for it.
        defer {
            if queue.isEmpty { running -= 1 } else { queue.removeFirst().resume() }
        }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: run()) }
        }
    }
}

/// A request's conversion: the files through a worker, and again without each file a worker died
/// or stalled on (that file then carries its error), until the worker finishes.
struct Conversion: Sendable {
    let worker: [String]
    let timeout: Double
    let maximumOutputBytes: Int

    /// The worker's answer over `files`, with `arguments` after `serve-worker`.
    func run(_ files: [UploadedFile], arguments: [String], in pool: ConversionPool) async -> WorkerRun.Outcome {
        let run = WorkerRun(command: worker + arguments, timeout: timeout, maximumOutputBytes: maximumOutputBytes)
        return await pool.withWorker {
            var files = files
            while true {
                let outcome = run.run(files)
                // Each round marks one more file, so this ends after at most one round per file.
                guard case .stopped(let index, let error) = outcome, files.indices.contains(index),
                      files[index].failure == nil else { return outcome }
                files[index] = UploadedFile(name: files[index].name, bytes: [], failure: error)
            }
        }
    }
}
