import ArgumentParser
import Dispatch
import Foundation
import ZhKit

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract places, officials, organisations, dates, visits, pairings and amounts: one JSON object per document.",
        discussion: """
            With --jsonl each input line is {"id": ..., "text": ..., "published"?: "yyyy-mm-dd"} and the output keeps \
            the ids and the input order; a bad line gets one error line on standard error, the other documents are \
            processed, and the exit status is 2.
            """)

    @Flag(help: "Read JSON Lines documents instead of one document per file.")
    var jsonl = false

    @Option(name: .customLong("gazetteer"), help: "More divisions: the official CSV layout (code,name,parent...) or ZhKit's TSV; repeatable.")
    var gazetteers: [String] = []

    @Option(name: .customLong("officials"), help: "Known officials, CSV name,title,org,from,to; repeatable.")
    var officials: [String] = []

    @Option(help: "Documents processed at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .customLong("include-text"), help: "Add the normalized text to each object.")
    var includeText = false

    @Flag(help: "Print timing as one JSON line on standard error.")
    var stats = false

    @Argument(help: "Input files (standard input when none or -).")
    var files: [String] = []

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var failed = false
        // Documents streaming in one after another reuse each other's freed memory.
        if jsonl { ZhKitCommand.keepFreedMemory(trimMiB: 128) }
        do {
            let t0 = Stats.now()
            let pipeline = try Pipeline(extractor: try makeExtractor(warnings: &failed))
            var stats = Stats()
            stats.loadSeconds = Stats.now() - t0
            let t1 = Stats.now()
            var out = OutputBuffer()
            var batch: [(id: String, text: String, published: Day?)] = []
            let batchSize = max(1, jobs) * 16
            var progress = Progress()
            var bytesRead = 0
            func flush() {
                defer { progress.update(documents: stats.documents, bytes: bytesRead) }
                if jobs <= 1 || batch.count == 1 {
                    // In order, each text let go as soon as it is taken: a 60 MB page is not
                    // held twice while it is processed.
                    for i in batch.indices {
                        let text = batch[i].text
                        batch[i].text = ""
                        let doc = pipeline.extract(consume text, id: batch[i].id, published: batch[i].published)
                        doc.writeJSONLine(includeText: includeText) { out.write(bytes: $0) }
                        out.write("\n")
                    }
                    batch.removeAll(keepingCapacity: true)
                    return
                }
                var results = [String](repeating: "", count: batch.count)
                let work = batch
                let includeText = self.includeText
                results.withUnsafeMutableBufferPointer { buffer in
                    // Each index is written by exactly one iteration.
                    nonisolated(unsafe) let base = buffer.baseAddress!
                    let run: @Sendable (Int) -> Void = { i in
                        base[i] = pipeline.extract(work[i].text, id: work[i].id, published: work[i].published).jsonLine(includeText: includeText)
                    }
                    if self.jobs > 1 && work.count > 1 {
                        DispatchQueue.concurrentPerform(iterations: work.count, execute: run)
                    } else {
                        for i in work.indices { run(i) }
                    }
                }
                for r in results { out.write(r + "\n") }
                batch.removeAll(keepingCapacity: true)
            }
            for path in InputReader.paths(files) {
                if jsonl {
                    stats.bytes += try LineReader.forEachLine(path) { bytes, lineNumber in
                        bytesRead += bytes.count + 1
                        var line = bytes
                        if line.last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
                        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                        switch parseJSONLine(line) {
                        case .success(let doc):
                            batch.append(doc)
                            stats.documents += 1
                        case .failure(let reason):
                            printError("zhkit extract: \(path):\(lineNumber): \(reason.description)")
                            failed = true
                        }
                        if batch.count >= batchSize { flush() }
                    }
                } else {
                    // The file (mapped) is let go once decoded, before the batch runs.
                    let (name, text, size) = try { () throws -> (String, String, Int) in
                        let file = try InputReader.read(path)
                        return ((file.name as NSString).lastPathComponent, try decodeText(file, command: "extract"), file.count)
                    }()
                    stats.bytes += size
                    bytesRead += size
                    batch.append((name, text, nil))
                    stats.documents += 1
                    if batch.count >= batchSize { flush() }
                }
            }
            flush()
            out.flush()
            progress.finish()
            stats.seconds = Stats.now() - t1
            if self.stats { stats.print() }
        } catch let f as CommandFailure {
            printError("zhkit extract: \(f.description)")
            throw ExitCode(1)
        } catch let e as NormalizationError {
            printError("zhkit extract: \(e.description)")
            throw ExitCode(1)
        }
        if failed { throw ExitCode(2) }
    }

    private func parseJSONLine(_ line: UnsafeBufferPointer<UInt8>) -> Result<(id: String, text: String, published: Day?), CommandFailure> {
        do {
            let d = try JSONLineReader.document(line)
            return .success((d.id, d.text, d.published.flatMap { Day(parsing: Substring($0)) }))
        } catch {
            return .failure(CommandFailure(nil, error.description))
        }
    }

    private func makeExtractor(warnings failed: inout Bool) throws -> Extractor {
        var known: [String: [TitleAssignment]] = [:]
        for path in officials {
            let text = try decodeText(try InputReader.read(path), command: "extract")
            for (n, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
                let cols = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                if n == 0 && cols.first == "name" { continue }
                if cols.allSatisfy(\.isEmpty) { continue }
                guard cols.count >= 2, !cols[0].isEmpty else {
                    printError("zhkit extract: \(path):\(n + 1): expected name,title,org,from,to")
                    failed = true
                    continue
                }
                let org = cols.count > 2 && !cols[2].isEmpty ? cols[2] : nil
                known[cols[0], default: []].append(TitleAssignment(title: cols[1], org: org, place: nil))
            }
        }
        guard !gazetteers.isEmpty else { return Extractor(officials: known) }
        var table = DivisionTable.builtin
        for path in gazetteers {
            let file = try InputReader.read(path)
            try file.rejectBinary()
            // Ill-formed bytes become U+FFFD, and the rows holding them are named as bad rows.
            let text = file.withBytes { String(decoding: $0, as: UTF8.self) }
            let firstLine = text.prefix { $0 != "\n" }
            let problems = firstLine.contains("\t") || text.hasPrefix("#")
                ? try table.load(tsv: text, source: path)
                : table.load(csv: text, source: path)
            if !problems.isEmpty { failed = true }
            for p in problems.prefix(20) { printError("zhkit extract: \(p.description)") }
            if problems.count > 20 { printError("zhkit extract: \(path): \(problems.count - 20) more bad rows") }
        }
        return Extractor(gazetteer: Gazetteer(table: table), officials: known)
    }
}
