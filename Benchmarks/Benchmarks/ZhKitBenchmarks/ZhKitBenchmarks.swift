// End-to-end benchmarks on the news in ../shared/bench/cctv-news-2023.txt: script conversion,
// normalization, repair on clean text and extraction of one-day documents, in process (no file
// I/O). Skipped, saying so, when ../shared is absent.
import Benchmark
import Foundation
import ZhKit

private let shared: String? = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<5 { url.deleteLastPathComponent() }  // .../Benchmarks/Benchmarks/ZhKitBenchmarks/x.swift -> parent of repo
    let path = url.appendingPathComponent("shared").path
    return FileManager.default.fileExists(atPath: path + "/bench/cctv-news-2023.txt") ? path : nil
}()

private let news: String = shared.flatMap { try? String(contentsOfFile: $0 + "/bench/cctv-news-2023.txt", encoding: .utf8) } ?? ""

/// The news split at its day headings (`# 《新闻联播》（20230101）`): one document a day.
private let days: [String] = {
    var out: [String] = []
    var current = ""
    for line in news.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("# 《新闻联播》"), !current.isEmpty {
            out.append(current)
            current = ""
        }
        current += line
        current += "\n"
    }
    if !current.isEmpty { out.append(current) }
    return out
}()

let benchmarks: @Sendable () -> Void = {
    guard shared != nil else {
        print("ZhKitBenchmarks: ../shared/bench is absent; nothing to measure.")
        return
    }
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .peakMemoryResident],
                                           maxDuration: .seconds(10), maxIterations: 10)
    let pipeline = try! Pipeline()
    let toTraditional = try! ScriptConverter(to: .traditional)
    let toSimplified = try! ScriptConverter(to: .simplified)
    let traditional = toTraditional.convert(news)
    let repairStages: [any NormalizationStage] = [GBKMisalignmentRepairer(), MojibakeRepairer(), PinyinAnnotationRemover()]
    let normalizer = try! Normalizer(target: .simplified, repairStages: repairStages)

    Benchmark("convert simplified → traditional, news 2023 (8.95 MB)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(toTraditional.convert(news)) }
    }
    Benchmark("convert traditional → simplified, news 2023 made traditional") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(toSimplified.convert(traditional)) }
    }
    Benchmark("normalize (repairs, clean-up, conversion, offset map), news 2023") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(normalizer.normalize(news)) }
    }
    Benchmark("repair stages on clean news 2023 (nothing to repair)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Normalizer.run(repairStages, on: news)) }
    }
    Benchmark("extract, news 2023 as \(days.count) one-day documents, one core") { benchmark in
        for _ in benchmark.scaledIterations {
            for d in days { blackHole(pipeline.extract(d).jsonLine()) }
        }
    }
}
