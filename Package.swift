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
        // System ICU: only the CZhICU shim's C file sees its headers.
        .systemLibrary(name: "CICU", pkgConfig: "icu-i18n", providers: [.apt(["libicu-dev", "pkg-config"]), .brew(["icu4c"])]),
        .target(name: "CZhICU", dependencies: ["CICU"]),
        .target(name: "ZhNormalize", dependencies: ["ZhMatch", "CZhICU"]),
        .target(name: "ZhExtract", dependencies: ["ZhMatch"]),
        .target(name: "ZhKit", dependencies: ["ZhMatch", "ZhNormalize", "ZhExtract"]),
        .executableTarget(
            name: "zhkit",
            dependencies: [
                "ZhKit", "ZhMatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "ZhTestSupport", path: "Tests/ZhTestSupport"),
        .testTarget(name: "ZhMatchTests", dependencies: ["ZhMatch", "ZhTestSupport"]),
        .testTarget(name: "ZhNormalizeTests", dependencies: ["ZhNormalize", "ZhTestSupport"]),
        .testTarget(name: "ZhExtractTests", dependencies: ["ZhExtract", "ZhKit", "ZhTestSupport"]),
    ]
)
