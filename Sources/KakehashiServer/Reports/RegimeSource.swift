import Foundation
import KakehashiCore
import KakehashiStorage

/// Where the hub's regime catalogue comes from: the newest one an administrator put in force, else the
/// catalogue file read at start.
struct RegimeSource: Sendable {
    /// The catalogue read at start, and the file it came from.
    let fileCatalogue: RegimeCatalog
    let filePath: String
    let store: RegimeCatalogueStore

    /// The catalogue in force and its version (0 for the file's).
    func active() async throws -> (catalogue: RegimeCatalog, version: Int) {
        guard let entry = try await store.active() else { return (fileCatalogue, 0) }
        do {
            return (try RegimeCatalog.decode(from: Data(entry.json.utf8)), entry.version)
        } catch {
            throw APIError(.internalServerError, code: "regimes-unreadable", "the active regime catalogue (version \(entry.version)) no longer decodes: \(error); an administrator must PUT a valid one")
        }
    }

    /// Reads and checks the start catalogue.
    /// - Throws: ``RegimeLoadingError`` naming the file and what is wrong with it.
    static func load(configuredPath: String?, store: RegimeCatalogueStore) throws -> RegimeSource {
        guard let path = configuredPath ?? defaultPath() else {
            throw RegimeLoadingError(path: "config/regimes.json", message: "no regime catalogue found in the working directory nor bundled with the server; pass its path")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RegimeLoadingError(path: path, message: "cannot be read (\(error.localizedDescription))")
        }
        do {
            return RegimeSource(fileCatalogue: try RegimeCatalog.decode(from: data), filePath: path, store: store)
        } catch {
            throw RegimeLoadingError(path: path, message: String(describing: error))
        }
    }

    /// `config/regimes.json` under the working directory (a site's own catalogue), else the copy bundled
    /// with the server (`Sources/KakehashiServer/Resources/regimes.json`, the one source of the shipped catalogue).
    static func defaultPath() -> String? {
        let local = FileManager.default.currentDirectoryPath + "/config/regimes.json"
        if FileManager.default.isReadableFile(atPath: local) { return local }
        return ServerResources.file("regimes.json")
    }
}

/// The regime catalogue file could not be used at start.
struct RegimeLoadingError: Error, CustomStringConvertible {
    let path: String
    let message: String

    var description: String { "regime catalogue \(path): \(message)" }
}
