import Foundation

/// Finds the folders bundled under the server's `Resources/` (templates, static files, data).
enum ServerResources {
    /// The path of `Resources/<name>` in the module's bundle, wherever the platform put the bundle's resources.
    static func directory(_ name: String) -> String? {
        let bundle = Bundle.module
        let candidates = [
            bundle.bundleURL.appendingPathComponent("Resources").appendingPathComponent(name),
            bundle.resourceURL?.appendingPathComponent("Resources").appendingPathComponent(name),
            bundle.resourceURL?.appendingPathComponent(name),
        ].compactMap { $0 }
        var isDirectory: ObjCBool = false
        return candidates.first { FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && isDirectory.boolValue }?.path
    }

    /// The path of the bundled file `Resources/<name>`, if it exists.
    static func file(_ name: String) -> String? {
        let bundle = Bundle.module
        let candidates = [
            bundle.bundleURL.appendingPathComponent("Resources").appendingPathComponent(name),
            bundle.resourceURL?.appendingPathComponent("Resources").appendingPathComponent(name),
            bundle.resourceURL?.appendingPathComponent(name),
        ].compactMap { $0 }
        return candidates.first { FileManager.default.isReadableFile(atPath: $0.path) }?.path
    }
}
