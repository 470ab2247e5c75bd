import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Nianbao
import ServiceLifecycle

/// `nianbao serve`: the office's page at `/` and the API it uses, until SIGINT or SIGTERM.
public enum WebServer {
    /// A running server: the port bound (the one asked for, or the free one the system gave for port
    /// 0), and a graceful stop, as SIGINT and SIGTERM give (requests under way are answered).
    public struct Running: Sendable {
        public let port: Int
        public let stop: @Sendable () async -> Void
    }

    /// Serves until SIGINT, SIGTERM or `Running.stop`; `onRunning` is told once it listens.
    public static func run(_ settings: ServerSettings, onRunning: @escaping @Sendable (Running) async -> Void) async throws {
        let api = API(settings: settings)
        let router = Router()
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(bytes: PackageResources.page_html)))
        }
        router.get("/healthz") { _, _ in await api.health() }
        router.post("/api/convert") { request, _ in await api.convert(request) }
        router.post("/api/check") { request, _ in await api.check(request) }
        var logger = Logger(label: "nianbao.serve")
        logger.logLevel = .warning
        let group = GroupReference()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "nianbao"),
            onServerRunning: { channel in
                await onRunning(Running(port: channel.localAddress?.port ?? settings.port) {
                    await group.value?.triggerGracefulShutdown()
                })
            },
            logger: logger)
        group.value = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint],
                                                        logger: logger))
        try await group.value?.run()
    }
}

/// The service group, made after the application whose start hands out a way to stop it.
private final class GroupReference: @unchecked Sendable {
    // Set once, before the group runs and so before any stop can be asked for.
    var value: ServiceGroup?
}
