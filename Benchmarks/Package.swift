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
        benchmark("ZhMatchBenchmarks", measuring: "ZhMatch"),
        benchmark("ZhKitBenchmarks", measuring: "ZhKit"),
    ]
)

/// A benchmark executable in Benchmarks/NAME measuring one product of ZhKit.
func benchmark(_ name: String, measuring product: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            .product(name: product, package: "ZhKit"),
            .product(name: "Benchmark", package: "benchmark"),
        ],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
