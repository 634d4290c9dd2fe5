// swift-tools-version: 6.1
// Fuzz targets (libFuzzer) for the automaton loader, the repairer and extraction. Its own
// package, like Benchmarks/, so that users of ZhKit never build them. Run through
// scripts/fuzz.sh, which builds with `-sanitize=fuzzer,address`.
import PackageDescription

let fuzzing: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
let linking: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]

let package = Package(
    name: "ZhKitFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "ZhKit", path: "..")],
    targets: [
        .executableTarget(name: "FuzzAutomatonLoader", dependencies: [.product(name: "ZhMatch", package: "ZhKit")],
                          swiftSettings: fuzzing, linkerSettings: linking),
        .executableTarget(name: "FuzzRepair", dependencies: [.product(name: "ZhKit", package: "ZhKit")],
                          swiftSettings: fuzzing, linkerSettings: linking),
        .executableTarget(name: "FuzzExtract", dependencies: [.product(name: "ZhKit", package: "ZhKit")],
                          swiftSettings: fuzzing, linkerSettings: linking),
    ]
)
