// Matcher benchmarks on the files the issue names: the pattern set
// ../shared/bench/jieba-words-100k.txt, the news in ../shared/bench/cctv-news-2023.txt and the
// seeds repeated to 10 MB. Skipped, saying so, when ../shared is absent.
import Benchmark
import Foundation
import ZhMatch

private let shared: String? = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<5 { url.deleteLastPathComponent() }  // .../Benchmarks/Benchmarks/ZhMatchBenchmarks/x.swift -> parent of repo
    let path = url.appendingPathComponent("shared").path
    return FileManager.default.fileExists(atPath: path + "/bench/jieba-words-100k.txt") ? path : nil
}()

private func readText(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

private let words: [String] = {
    guard let shared else { return [] }
    return readText(shared + "/bench/jieba-words-100k.txt").split(separator: "\n").map { String($0) }.filter { !$0.isEmpty }
}()

private let news: String = shared.map { readText($0 + "/bench/cctv-news-2023.txt") } ?? ""

private let seeds10MB: String = {
    guard let shared else { return "" }
    let dir = shared + "/seeds"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    let one = names.map { readText(dir + "/" + $0) }.joined(separator: "\n") + "\n"
    var out = ""
    while out.utf8.count < 10_000_000 { out += one }
    return out
}()

let benchmarks: @Sendable () -> Void = {
    guard shared != nil else {
        print("ZhMatchBenchmarks: ../shared/bench is absent; nothing to measure.")
        return
    }
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .peakMemoryResident],
                                           maxDuration: .seconds(10), maxIterations: 30)
    let matcher = try! PatternMatcher(patterns: words)
    let compiled = matcher.serialized()

    Benchmark("match leftmost-longest, news 2023 (bytes/s = 8.95 MB x throughput)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(matcher.countMatches(in: news)) }
    }
    Benchmark("match leftmost-longest, seeds x 10 MB") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(matcher.countMatches(in: seeds10MB)) }
    }
    Benchmark("match raw UTF-8 bytes (validating), news 2023") { benchmark in
        var bytes = Array(news.utf8)
        benchmark.startMeasurement()
        bytes.withUnsafeBufferPointer { b in
            for _ in benchmark.scaledIterations { blackHole(matcher.countMatches(inUTF8: b)) }
        }
        bytes = []
    }
    Benchmark("build 100k jieba words", configuration: .init(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal])) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try PatternMatcher(patterns: words)) }
    }
    Benchmark("load compiled 100k automaton (checked)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try PatternMatcher(serialized: compiled)) }
    }
    Benchmark("memory per pattern (bytes), 100k jieba words",
              configuration: .init(metrics: [.custom("bytes per pattern", polarity: .prefersSmaller)], maxIterations: 1)) { benchmark in
        benchmark.measurement(.custom("bytes per pattern"), matcher.memoryFootprint / max(matcher.patternCount, 1))
    }
}
