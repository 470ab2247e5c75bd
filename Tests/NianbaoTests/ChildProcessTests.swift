import Foundation
import Nianbao
import Testing

/// The worker processes' launcher: pipes both ways, the environment added, and each way of ending
/// told apart, as batch and serve report a worker's death.
@Suite struct ChildProcessTests {
    @Test func echoesThroughItsPipesAndTellsItsExitStatus() throws {
        let child = try ChildProcess(["/bin/sh", "-c", "cat; echo \"$EXTRA\" >&2; exit 3"],
                                     environment: ["EXTRA": "加上的"], capturingMessages: true)
        #expect(FileDescriptorIO.write(child.input, Data("一行\n".utf8)) == nil)
        child.closeInput()
        #expect(String(decoding: FileDescriptorIO.read(child.output), as: UTF8.self) == "一行\n")
        #expect(String(decoding: FileDescriptorIO.read(child.messages), as: UTF8.self) == "加上的\n")
        #expect(child.wait() == .exited(3))
        #expect(WorkerLaunch.ending(child.wait()) == "退出码 3 (exit status 3)")
    }

    @Test func aKilledChildIsToldBySignal() throws {
        let child = try ChildProcess(["/bin/sleep", "30"], capturingMessages: false)
        #expect(child.messages == -1)
        child.stop()
        #expect(child.wait() == .signalled(SIGKILL))
        #expect(WorkerLaunch.ending(child.wait()) == "信号 9 (signal 9)")
    }

    /// The child starts with SIGPIPE at its default even though nianbao ignores it: a shell pipeline
    /// in a worker ends as it would from a terminal.
    @Test func signalsStartAtTheirDefaults() throws {
        signal(SIGPIPE, SIG_IGN)
        let child = try ChildProcess(["/bin/sh", "-c", "grep SigIgn /proc/self/status"], capturingMessages: false)
        child.closeInput()
        let line = String(decoding: FileDescriptorIO.read(child.output), as: UTF8.self)
        let ignored = try #require(UInt64(line.dropFirst("SigIgn:\t".count).dropLast(), radix: 16))
        #expect(ignored & (1 << (SIGPIPE - 1)) == 0)
        #expect(child.wait() == .exited(0))
    }

    @Test func aMissingExecutableIsAnError() {
        #expect(throws: POSIXError.self) {
            try ChildProcess(["/nonexistent/worker"], capturingMessages: false)
        }
    }
}
