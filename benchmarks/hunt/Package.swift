// swift-tools-version:6.1
import Foundation
import PackageDescription

// A small release-mode driver for the hunt benchmark. It depends on the root package by path and
// builds only the KakehashiHunt library, not the server. HUNT_BENCH_ROOT may point at another
// checkout (or a package exposing the same KakehashiHunt product).
let root = Context.environment["HUNT_BENCH_ROOT"] ?? "../.."
let rootIdentity = URL(fileURLWithPath: root, relativeTo: URL(fileURLWithPath: Context.packageDirectory))
    .standardizedFileURL.lastPathComponent.lowercased()

let package = Package(
    name: "hunt-bench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: root)],
    targets: [
        .executableTarget(
            name: "hunt-bench",
            dependencies: [.product(name: "KakehashiHunt", package: rootIdentity)],
            path: "Sources/HuntBench"
        ),
        .executableTarget(
            name: "hunt-profile",
            dependencies: [.product(name: "KakehashiHunt", package: rootIdentity)],
            path: "Sources/HuntProfile"
        ),
    ]
)
