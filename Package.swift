// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "kakehashi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kakehashi", targets: ["kakehashi"]),
        .library(name: "KakehashiPrimitives", targets: ["KakehashiPrimitives"]),
        .library(name: "KakehashiCore", targets: ["KakehashiCore"]),
        .library(name: "KakehashiHunt", targets: ["KakehashiHunt"]),
        .library(name: "KakehashiStorage", targets: ["KakehashiStorage"]),
        .library(name: "KakehashiServer", targets: ["KakehashiServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        .target(
            name: "KakehashiPrimitives",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KakehashiCore",
            dependencies: [
                "KakehashiPrimitives",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(
            name: "KakehashiHunt",
            dependencies: ["KakehashiPrimitives", "CZlib"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KakehashiStorage",
            dependencies: [
                "KakehashiCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KakehashiServer",
            dependencies: [
                "KakehashiCore",
                "KakehashiStorage",
                "KakehashiHunt",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "kakehashi",
            dependencies: [
                "KakehashiServer",
                "KakehashiStorage",
                "KakehashiCore",
                "KakehashiHunt",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KakehashiTestSupport",
            dependencies: ["KakehashiStorage", .product(name: "Logging", package: "swift-log")],
            path: "Tests/KakehashiTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "KakehashiPrimitivesTests", dependencies: ["KakehashiPrimitives"], swiftSettings: swiftSettings),
        .testTarget(name: "KakehashiCoreTests", dependencies: ["KakehashiCore"], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "KakehashiHuntTests", dependencies: ["KakehashiHunt"], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "KakehashiStorageTests", dependencies: ["KakehashiStorage", "KakehashiTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "kakehashiTests",
            dependencies: [
                "kakehashi",
                "KakehashiCore",
                "KakehashiServer",
                "KakehashiStorage",
                "KakehashiTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KakehashiServerTests",
            dependencies: [
                "KakehashiServer",
                "KakehashiTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

