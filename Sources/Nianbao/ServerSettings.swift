/// How `nianbao serve` listens and what it allows one request. `nianbao serve` hands it, as JSON, to
/// `nianbao-serve`, the separate program that links the web server, so that the command line
/// itself does not load a web server at every start.
public struct ServerSettings: Sendable, Codable, Equatable {
    public var host = "127.0.0.1"
    /// 0 asks the system for a free port (tests); the port bound is handed to `onRunning`.
    public var port = 8080
    /// Conversions at once, each in its own worker process.
    public var workers = 2
    /// Requests admitted beyond those converting (reading their upload or waiting for a worker);
    /// past that the server answers busy.
    public var waiting = 16
    /// Seconds one file may take.
    public var timeout = 30.0
    public var maximumRequestBytes = 100 << 20
    public var maximumFiles = 100
    /// The most one answer may hold.
    public var maximumAnswerBytes = 256 << 20
    /// The command that starts a worker (`nianbao serve-worker`), and the limit options it passes on
    /// to `convert` and `check`.
    public var worker: [String]
    public var limitArguments: [String] = []

    public init(worker: [String]) {
        self.worker = worker
    }
}
