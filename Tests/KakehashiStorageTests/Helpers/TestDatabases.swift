import Foundation
import KakehashiStorage
import Logging
import Testing

/// The engines every storage test runs on.
enum TestEngine: String, CaseIterable, Sendable {
    case sqlite
    case postgres
}

enum TestDatabases {
    static var logger: Logger {
        var logger = Logger(label: "kakehashi.tests")
        logger.logLevel = .warning
        return logger
    }

    /// The PostgreSQL server `scripts/test` started, if any.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["KAKEHASHI_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Runs `body` on a fresh, migrated database of `engine`, then drops it.
    ///
    /// Without a PostgreSQL server the PostgreSQL case is skipped, except under `CI=true`, where
    /// it fails: CI must prove both engines.
    static func with(_ engine: TestEngine, _ body: (HubDatabase) async throws -> Void) async throws {
        let scratch: ScratchDatabase
        switch engine {
        case .sqlite:
            scratch = try await ScratchDatabase.sqlite(logger: logger)
        case .postgres:
            guard let url = postgresURL else {
                if ProcessInfo.processInfo.environment["CI"] == "true" {
                    Issue.record("KAKEHASHI_TEST_POSTGRES_URL is not set under CI=true; run the tests through scripts/test")
                }
                return
            }
            scratch = try await ScratchDatabase.postgres(serverURL: url, logger: logger)
        }
        do {
            try await body(scratch.database)
            await scratch.drop()
        } catch {
            await scratch.drop()
            throw error
        }
    }
}
