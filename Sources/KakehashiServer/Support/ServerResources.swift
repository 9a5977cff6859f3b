import Foundation

/// Finds the folders and files bundled under the server's `Resources/` (templates, static files, data).
enum ServerResources {
    /// The path of the folder `Resources/<name>` in the module's bundle, wherever the platform put the bundle's resources.
    static func directory(_ name: String) -> String? {
        var isDirectory: ObjCBool = false
        return candidates(name).first { FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && isDirectory.boolValue }?.path
    }

    /// The path of the bundled file `Resources/<name>`, if it exists.
    static func file(_ name: String) -> String? {
        candidates(name).first { FileManager.default.isReadableFile(atPath: $0.path) }?.path
    }

    /// Where `Resources/<name>` may be: the bundle's layout differs between platforms.
    private static func candidates(_ name: String) -> [URL] {
        let bundle = Bundle.module
        return [
            bundle.bundleURL.appendingPathComponent("Resources").appendingPathComponent(name),
            bundle.resourceURL?.appendingPathComponent("Resources").appendingPathComponent(name),
            bundle.resourceURL?.appendingPathComponent(name),
        ].compactMap { $0 }
    }
}
