import ArgumentParser
import Foundation
import ZhMatch

struct MatchOptions: ParsableArguments {
    @Flag(help: "Report all overlapping matches instead of leftmost-longest ones.")
    var overlapping = false

    @Flag(name: .customLong("leftmost-first"), help: "Leftmost matches preferring the pattern listed first.")
    var leftmostFirst = false

    func kind() throws -> MatchKind {
        if overlapping && leftmostFirst { throw ValidationError("--overlapping and --leftmost-first exclude each other") }
        return overlapping ? .overlapping : leftmostFirst ? .leftmostFirst : .leftmostLongest
    }
}

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Find dictionary words in text: start<TAB>end<TAB>pattern<TAB>value per match (code point offsets).",
        discussion: "With several files each line starts with the file name and a tab.")

    @Option(help: "A word list (pattern[<TAB>value] per line) or an automaton from `zhkit compile`.")
    var dict: String

    @OptionGroup var options: MatchOptions

    @Flag(help: "Print only the number of matches.")
    var count = false

    @Flag(help: "Print timing as one JSON line on standard error.")
    var stats = false

    @Argument(help: "Input files (standard input when none or -).")
    var files: [String] = []

    func run() throws {
        do { try execute() } catch let f as CommandFailure {
            printError("zhkit match: \(f.description)")
            throw ExitCode(1)
        }
    }

    private func execute() throws {
        let t0 = Stats.now()
        let dictionary = try CommandDictionary.load(path: dict, kind: try options.kind())
        var stats = Stats()
        stats.loadSeconds = Stats.now() - t0
        let t1 = Stats.now()
        var out = OutputBuffer()
        var total = 0
        let paths = InputReader.paths(files)
        for path in paths {
            let file = try InputReader.read(path)
            try file.rejectBinary()
            stats.bytes += file.count
            stats.documents += 1
            let prefix = paths.count > 1 ? file.name + "\t" : ""
            func scan(_ buffer: UnsafeBufferPointer<UInt8>) {
                if count {
                    // Valid UTF-8 (the usual case) takes the String path, which skips per-byte checks.
                    if let text = String(validating: buffer, as: UTF8.self) {
                        total += dictionary.matcher.countMatches(in: text)
                    } else {
                        total += dictionary.matcher.countMatches(inUTF8: buffer)
                    }
                    return
                }
                dictionary.matcher.forEachMatch(inUTF8: buffer) { m in
                    out.write("\(prefix)\(m.start)\t\(m.end)\t")
                    out.write(bytes: UnsafeBufferPointer(rebasing: buffer[m.startByte..<m.endByte]))
                    out.write("\t\(dictionary.valueText(m.value))\n")
                    return true
                }
            }
            // Bytes are matched as they are (ill-formed UTF-8 never matches); UTF-16 with a byte
            // order mark is read as such, offsets then counting its characters.
            if file.isUTF16WithByteOrderMark {
                var text = try decodeText(file, command: "match")
                text.withUTF8 { scan($0) }
            } else {
                file.withBytes { scan($0) }
            }
        }
        if count { out.write("\(total)\n") }
        out.flush()
        stats.seconds = Stats.now() - t1
        if self.stats { stats.print() }
    }
}

struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile a word list into an automaton that `--dict` loads without rebuilding.")

    @Option(help: "A word list: pattern[<TAB>value] per line.")
    var dict: String

    @Option(name: .short, help: "Where to write the compiled automaton.")
    var output: String

    @OptionGroup var options: MatchOptions

    @Flag(help: "Print timing as one JSON line on standard error.")
    var stats = false

    func run() throws {
        do {
            let t0 = Stats.now()
            let file = try InputReader.read(dict)
            let dictionary = try CommandDictionary.build(file: file, kind: try options.kind())
            let bytes = dictionary.matcher.serialized()
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                throw CommandFailure(output, "cannot be written")
            }
            if stats {
                var s = Stats()
                s.bytes = file.count
                s.documents = 1
                s.seconds = Stats.now() - t0
                s.print()
            }
        } catch let f as CommandFailure {
            printError("zhkit compile: \(f.description)")
            throw ExitCode(1)
        }
    }
}
