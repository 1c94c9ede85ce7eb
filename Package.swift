// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "tandem",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tandem", targets: ["tandem"]),
        .executable(name: "tandem-bench", targets: ["TandemBench"]),
        .library(name: "DialogueEngine", targets: ["DialogueEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .target(
            name: "DialogueEngine",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: []
        ),
        .target(name: "CReadline", linkerSettings: [.linkedLibrary("readline")]),
        .target(name: "Console", dependencies: ["DialogueEngine", "CReadline"]),
        .target(name: "TandemStore", dependencies: ["DialogueEngine"]),
        .target(name: "TandemProtocol", dependencies: ["DialogueEngine"]),
        .target(name: "DialogueLanguage", dependencies: ["DialogueEngine"]),
        .target(
            name: "TandemDoors",
            dependencies: ["DialogueEngine", "TandemProtocol", "TandemStore", .product(name: "Logging", package: "swift-log")]
        ),
        .target(name: "PlanStore", dependencies: ["DialogueEngine", "TandemStore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(name: "BenchStore", dependencies: ["PlanStore", "TandemStore", "DialogueEngine"], path: "Benchmarks/BenchStore"),
        .executableTarget(
            name: "BenchCost", dependencies: ["PlanStore", "TandemStore", "DialogueEngine", .product(name: "Yams", package: "Yams")],
            path: "Benchmarks/BenchCost"),
        .target(
            name: "LineServer",
                dependencies: [
                "DialogueEngine", "TandemDoors", "TandemProtocol", "TandemStore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LineClient",
            dependencies: [
                "DialogueEngine", "Console", "CReadline", "TandemProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .executableTarget(
            name: "tandem-fuzz", dependencies: ["DialogueEngine", "TandemProtocol", "LineServer", .product(name: "NIOCore", package: "swift-nio")],
            path: "Fuzz/TandemFuzz"),
        .target(name: "CEpoll"),
        .executableTarget(name: "TandemBench", dependencies: [
            "CEpoll", .product(name: "Histogram", package: "hdrhistogram-swift"),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .executableTarget(
            name: "tandem",
            dependencies: [
                "DialogueEngine", "Console", "CReadline", "TandemStore", "TandemDoors", "PlanStore", "LineServer", "LineClient", "DialogueLanguage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "DialogueEngineTests", dependencies: ["DialogueEngine"], exclude: ["Fixtures"]),
        .testTarget(name: "PlanStoreTests", dependencies: ["PlanStore", "TandemStore", "DialogueEngine", .product(name: "GRDB", package: "GRDB.swift")], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "TandemEndToEndTests", dependencies: ["tandem"]),
        .testTarget(name: "DialogueLanguageTests", dependencies: ["DialogueLanguage", "DialogueEngine"]),
        .testTarget(name: "ConnectEndToEndTests", dependencies: ["tandem", "LineClient", "DialogueEngine"]),
        .testTarget(
            name: "LineServerTests",
            dependencies: [
                "LineServer", "DialogueEngine", "PlanStore", "TandemStore", "TandemProtocol", "TandemDoors", "tandem",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
    ]
)
