// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ZhKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ZhKit", targets: ["ZhKit"]),
        .library(name: "ZhMatch", targets: ["ZhMatch"]),
        .executable(name: "zhkit", targets: ["zhkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The double-array Aho-Corasick automaton. Pure Swift: no Foundation, no ICU.
        .target(name: "ZhMatch"),
        .target(name: "ZhKit", dependencies: ["ZhMatch"]),
        .executableTarget(
            name: "zhkit",
            dependencies: [
                "ZhKit", "ZhMatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "ZhTestSupport", path: "Tests/ZhTestSupport"),
        .testTarget(name: "ZhMatchTests", dependencies: ["ZhMatch", "ZhTestSupport"]),
    ]
)
