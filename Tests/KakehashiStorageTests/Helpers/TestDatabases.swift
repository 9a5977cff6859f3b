import Foundation
import KakehashiStorage
@_exported import KakehashiTestSupport
import Logging
import Testing

enum TestDatabases {
    static var logger: Logger {
        var logger = Logger(label: "kakehashi.tests")
        logger.logLevel = .warning
        return logger
    }

    /// Runs `body` on a fresh, migrated database of `engine`, then drops it; see ``TestEngine``.
    static func with(_ engine: TestEngine, _ body: (HubDatabase) async throws -> Void) async throws {
        try await engine.withScratchDatabase(logger: logger) { try await body($0.database) }
    }
}
