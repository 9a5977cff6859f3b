import Foundation

/// Where the hub keeps its data: an SQLite file or a PostgreSQL server.
///
/// Parsed from the `--database` option: `sqlite:PATH` or `postgres://user:pass@host:port/db`.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(host: String, port: Int, username: String, password: String?, database: String, requireTLS: Bool)

    /// The embedded default, created on first run.
    public static let defaultLocation = DatabaseLocation.sqlite(path: "./kakehashi-data/kakehashi.sqlite")

    /// Parses a database URL.
    /// - Throws: ``StorageError`` saying what is wrong with the text.
    public init(parsing text: String) throws {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else {
                throw StorageError(.badURL, "the SQLite location '\(text)' names no file; write sqlite:PATH, e.g. sqlite:./kakehashi-data/kakehashi.sqlite")
            }
            self = .sqlite(path: path)
            return
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
                throw StorageError(.badURL, "the PostgreSQL URL could not be read; write postgres://user:password@host:port/database")
            }
            guard let user = components.user, !user.isEmpty else {
                throw StorageError(.badURL, "the PostgreSQL URL names no user; write postgres://user:password@\(host)/database")
            }
            let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
            guard !database.isEmpty else {
                throw StorageError(.badURL, "the PostgreSQL URL names no database; add /DATABASE after the host")
            }
            let sslmode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value
            self = .postgres(
                host: host,
                port: components.port ?? 5432,
                username: user.removingPercentEncoding ?? user,
                password: components.password?.removingPercentEncoding ?? components.password,
                database: database,
                requireTLS: sslmode == "require" || sslmode == "verify-full"
            )
            return
        }
        throw StorageError(.badURL, "unknown database location '\(text.prefix(40))'; expected sqlite:PATH or postgres://user:password@host:port/database")
    }

    /// The location without any password, safe to log.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let host, let port, let username, _, let database, _): "postgres://\(username)@\(host):\(port)/\(database)"
        }
    }
}
