import Foundation
import KakehashiStorage
import Logging
import Testing

/// The engines every server test that touches the database runs on, as the storage tests do.
enum TestEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The PostgreSQL server `scripts/test` started, if any.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["KAKEHASHI_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A fresh, migrated scratch database of this engine, or `nil` when there is no PostgreSQL server
    /// to use: then the PostgreSQL case is skipped, except under `CI=true`, where it fails, because CI
    /// must prove both engines.
    func scratchDatabase(logger: Logger) async throws -> ScratchDatabase? {
        switch self {
        case .sqlite:
            return try await ScratchDatabase.sqlite(logger: logger)
        case .postgres:
            guard let url = Self.postgresURL else {
                if ProcessInfo.processInfo.environment["CI"] == "true" {
                    Issue.record("KAKEHASHI_TEST_POSTGRES_URL is not set under CI=true; run the tests through scripts/test")
                }
                return nil
            }
            return try await ScratchDatabase.postgres(serverURL: url, logger: logger)
        }
    }

    /// Runs `body` on a fresh database of this engine, then drops it (also when `body` throws).
    func withScratchDatabase(logger: Logger, _ body: (ScratchDatabase) async throws -> Void) async throws {
        guard let scratch = try await scratchDatabase(logger: logger) else { return }
        do {
            try await body(scratch)
            await scratch.drop()
        } catch {
            await scratch.drop()
            throw error
        }
    }
}
