// swift-tools-version:6.1
import PackageDescription

// The root package's identity is the name of its folder, which differs between checkouts.
let rootIdentity = Context.packageDirectory.split(separator: "/").dropLast(2).last.map(String.init)?.lowercased() ?? "kakehashi"

let package = Package(
    name: "advisories-benchmark",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "AdvisoriesBenchmark",
            dependencies: [.product(name: "KakehashiCore", package: rootIdentity)],
            path: "Sources/AdvisoriesBenchmark"
        ),
    ]
)
