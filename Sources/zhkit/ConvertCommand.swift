import ArgumentParser
import Foundation
import ZhKit

extension ScriptConverter.Target: ExpressibleByArgument {}

enum VariantArgument: String, ExpressibleByArgument, CaseIterable {
    case tw, hk
    var variant: ScriptConverter.Variant { self == .tw ? .taiwan : .hongKong }
}

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert", abstract: "Convert between simplified and traditional characters (ICU's rules, compiled, plus corrections).")

    @Option(help: "simplified or traditional.")
    var to: ScriptConverter.Target

    @Option(help: "Regional standard for traditional output: tw or hk.")
    var variant: VariantArgument?

    @Option(name: .customLong("dict"), help: "An OpenCC-format phrase table (phrase<TAB>target); repeatable.")
    var dicts: [String] = []

    @Flag(name: .customLong("icu-only"), help: "ICU's rules alone, without ZhKit's corrections.")
    var icuOnly = false

    @Flag(name: .customLong("convert-quotes"), help: "Convert “” to 「」 (and back) as ICU does.")
    var convertQuotes = false

    @Flag(help: "Print timing as one JSON line on standard error.")
    var stats = false

    @Argument(help: "Input files (standard input when none or -).")
    var files: [String] = []

    func run() throws {
        do {
            let t0 = Stats.now()
            var tables: [(name: String, text: String)] = []
            for d in dicts { tables.append((d, try decodeText(try InputReader.read(d), command: "convert"))) }
            let converter: ScriptConverter
            do {
                converter = try ScriptConverter(to: to, options: .init(icuOnly: icuOnly, convertQuotes: convertQuotes,
                                                                         variant: variant?.variant ?? .standard, phraseTables: tables))
            } catch let e as NormalizationError { throw CommandFailure(nil, e.description) }
            var stats = Stats()
            stats.loadSeconds = Stats.now() - t0
            let t1 = Stats.now()
            var out = OutputBuffer()
            for path in InputReader.paths(files) {
                let file = try InputReader.read(path)
                stats.bytes += file.count
                stats.documents += 1
                // Well-formed UTF-8 goes from the file to the output as bytes; anything else
                // (byte order marks, ill-formed bytes) is decoded first and said so.
                try file.rejectBinary()
                let streamed = !file.isUTF16WithByteOrderMark && file.withBytes { bytes in
                    converter.convert(utf8: bytes) { out.write(bytes: $0) }
                }
                if !streamed { out.write(converter.convert(try decodeText(file, command: "convert"))) }
            }
            out.flush()
            stats.seconds = Stats.now() - t1
            if self.stats { stats.print() }
        } catch let f as CommandFailure {
            printError("zhkit convert: \(f.description)")
            throw ExitCode(1)
        }
    }
}

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Clean text: encoding repair, Unicode clean-up and script conversion, with an offset map.",
        discussion: """
            --json prints one object per input: {"id", "text", "repairs", "offset_map"}. offset_map lists the \
            stages from the last to the first; each stage lists its edits [out_start, out_end, in_start, in_end] \
            (code points): output [out_start, out_end) replaced input [in_start, in_end); between edits positions \
            shift one to one. Apply the stages in order to map an output range back to the raw input.
            """)

    @Option(help: "simplified, traditional or keep.")
    var to: String = "simplified"

    @Flag(name: .customLong("no-repair"), help: "Skip encoding repair.")
    var noRepair = false

    @Flag(help: "One JSON object per input instead of plain text.")
    var json = false

    @Flag(help: "Print timing as one JSON line on standard error.")
    var stats = false

    @Argument(help: "Input files (standard input when none or -).")
    var files: [String] = []

    func run() throws {
        do {
            let t0 = Stats.now()
            let target: ScriptConverter.Target?
            switch to {
            case "simplified": target = .simplified
            case "traditional": target = .traditional
            case "keep": target = nil
            default: throw CommandFailure(nil, "--to must be simplified, traditional or keep, not \(to)")
            }
            let normalizer = try Normalizer(target: target, repairStages: noRepair ? [] : defaultRepairStages())
            var stats = Stats()
            stats.loadSeconds = Stats.now() - t0
            let t1 = Stats.now()
            var out = OutputBuffer()
            for path in InputReader.paths(files) {
                let file = try InputReader.read(path)
                stats.bytes += file.count
                stats.documents += 1
                let text = try decodeText(file, command: "normalize")
                guard json else {
                    // Plain text goes out as bytes, without a String of the result.
                    _ = normalizer.normalize(text) { out.write(bytes: $0) }
                    continue
                }
                let result = normalizer.normalize(text)
                var w = JSONWriter()
                w.raw("{")
                w.key("id", first: true); w.string(file.name)
                w.key("text"); w.string(result.text)
                w.key("repairs"); writeRepairs(&w, result.repairs)
                w.key("offset_map")
                w.array(result.offsets.stageEdits) { w, stage in
                    w.array(stage) { w, e in w.raw("[\(e.0),\(e.1),\(e.2),\(e.3)]") }
                }
                w.raw("}\n")
                w.drain { out.write(bytes: $0) }
            }
            out.flush()
            stats.seconds = Stats.now() - t1
            if self.stats { stats.print() }
        } catch let f as CommandFailure {
            printError("zhkit normalize: \(f.description)")
            throw ExitCode(1)
        } catch let e as NormalizationError {
            printError("zhkit normalize: \(e.description)")
            throw ExitCode(1)
        }
    }
}

func writeRepairs(_ w: inout JSONWriter, _ repairs: [Repair]) { w.repairs(repairs) }

/// The repair stages `normalize` and `extract` run unless told not to.
func defaultRepairStages() -> [any NormalizationStage] { [GBKMisalignmentRepairer(), MojibakeRepairer(), PinyinAnnotationRemover()] }

struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Repair encoding: raw bytes of any encoding (detected) to UTF-8, with inline pinyin removed.")

    @Flag(help: #"One JSON object per input: {"id", "encoding", "text", "repairs"}."#)
    var json = false

    @Flag(help: "Print timing as one JSON line on standard error.")
    var stats = false

    @Argument(help: "Input files (standard input when none or -).")
    var files: [String] = []

    func run() throws {
        do {
            let t0 = Stats.now()
            let detector = EncodingDetector()
            let stages = defaultRepairStages()
            var stats = Stats()
            stats.loadSeconds = Stats.now() - t0
            let t1 = Stats.now()
            var out = OutputBuffer()
            for path in InputReader.paths(files) {
                let file = try InputReader.read(path)
                stats.bytes += file.count
                stats.documents += 1
                try file.rejectBinary()
                let decoded = file.withBytes { detector.decode($0) }
                let repaired = Normalizer.run(stages, on: decoded.text)
                let text = repaired.text, repairs = repaired.repairs
                if json {
                    var w = JSONWriter()
                    w.raw("{")
                    w.key("id", first: true); w.string(file.name)
                    w.key("encoding"); w.string(decoded.encoding)
                    w.key("text"); w.string(text)
                    w.key("repairs"); writeRepairs(&w, repairs)
                    w.raw("}\n")
                    w.drain { out.write(bytes: $0) }
                } else {
                    out.write(text)
                }
            }
            out.flush()
            stats.seconds = Stats.now() - t1
            if self.stats { stats.print() }
        } catch let f as CommandFailure {
            printError("zhkit repair: \(f.description)")
            throw ExitCode(1)
        }
    }
}
