import Foundation
import KakehashiHunt

extension DetectionAllowlist {
    /// The hub's bundled allowlist (`Resources/detections/allowlist.txt`: well-known public resolvers).
    /// Empty if the file is missing, so a pack is never refused for want of it; a broken line stops the hub's tests.
    static let bundled: DetectionAllowlist = {
        guard let path = ServerResources.file("detections/allowlist.txt"), let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return DetectionAllowlist()
        }
        return (try? DetectionAllowlist(text: text, source: path)) ?? DetectionAllowlist()
    }()

    /// The host of an HTTP authority (`hub.example:8443`, `[2001:db8::1]:443`), without the port.
    static func host(ofAuthority authority: String) -> String? {
        guard let host = host(of: "http://" + authority) else { return nil }
        return host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
    }
}
