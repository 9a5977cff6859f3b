import Foundation
import KakehashiStorage
import Logging
import Testing

/// The engines every test that touches the database runs on: storage, server and command tests alike.
public enum TestEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    public var testDescription: String { rawValue }

    /// The PostgreSQL server `scripts/test` started, if any.
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["KAKEHASHI_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Runs `body` on a fresh, migrated database of this engine, then drops it (also when `body` throws).
    ///
    /// Without a PostgreSQL server the PostgreSQL case does nothing, except under `CI=true`, where it fails,
    /// because CI must prove both engines. At most ``postgresAtOnce`` PostgreSQL databases exist at a time:
    /// every storage, server and command test runs in one process and in parallel, and a database per test
    /// at once opened more connections than the server takes.
    public func withScratchDatabase(logger: Logger, _ body: (ScratchDatabase) async throws -> Void) async throws {
        switch self {
        case .sqlite:
            try await Self.using(try await ScratchDatabase.sqlite(logger: logger), body)
        case .postgres:
            guard let url = Self.postgresURL else {
                if ProcessInfo.processInfo.environment["CI"] == "true" {
                    Issue.record("KAKEHASHI_TEST_POSTGRES_URL is not set under CI=true; run the tests through scripts/test")
                }
                return
            }
            await Self.postgresPermits.acquire()
            do {
                try await Self.using(try await ScratchDatabase.postgres(serverURL: url, logger: logger), body)
                await Self.postgresPermits.release()
            } catch {
                await Self.postgresPermits.release()
                throw error
            }
        }
    }

    /// How many PostgreSQL scratch databases the tests may hold at once.
    public static let postgresAtOnce = 8
    private static let postgresPermits = AsyncSemaphore(limit: postgresAtOnce)

    private static func using(_ scratch: ScratchDatabase, _ body: (ScratchDatabase) async throws -> Void) async throws {
        do {
            try await body(scratch)
            await scratch.drop()
        } catch {
            await scratch.drop()
            throw error
        }
    }
}
