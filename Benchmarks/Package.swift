// swift-tools-version: 6.1
// The benchmark package: its own package so that users of ZhKit never resolve its dependencies.
// Run from this folder: `swift package benchmark` (see the README's Performance section).
import PackageDescription

let package = Package(
    name: "ZhKitBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "ZhKit", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ZhMatchBenchmarks",
            dependencies: [
                .product(name: "ZhMatch", package: "ZhKit"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ZhMatchBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ZhKitBenchmarks",
            dependencies: [
                .product(name: "ZhKit", package: "ZhKit"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ZhKitBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
