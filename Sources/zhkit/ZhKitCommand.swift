import ArgumentParser
import Foundation

@main
struct ZhKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhkit",
        abstract: "Clean messy Chinese text and extract structured facts.",
        subcommands: [ExtractCommand.self, NormalizeCommand.self, ConvertCommand.self, RepairCommand.self, MatchCommand.self, CompileCommand.self]
    )

    /// Runs the command line; a usage error (unknown option, bad value) is one line on standard
    /// error, `zhkit <command>: <reason> (see zhkit <command> --help)`, with exit status 64.
    static func main() {
        keepFreedMemory()
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help, --version: the full text, on standard output.
                exit(withError: error)
            }
            let message = ZhKitCommand.message(for: error)
            if !message.isEmpty {
                let known = Set(configuration.subcommands.compactMap { $0.configuration.commandName })
                let name = arguments.first.map { known.contains($0) ? "zhkit " + $0 : "zhkit" } ?? "zhkit"
                let line = message.split(separator: "\n").first.map(String.init) ?? message
                FileHandle.standardError.write(Data("\(name): \(line) (see \(name) --help)\n".utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }

    /// Lets glibc keep freed buffers for the next document instead of handing them back to the
    /// system and faulting fresh pages in again: buffers up to 32 MiB come from the heap (not each
    /// its own mapping), and up to `trimMiB` of free heap is kept. Page faults took a tenth of
    /// `zhkit normalize`'s time on the news before. The default keeps 16 MiB (a 60 MB page peaks
    /// 1% higher); `extract --jsonl` keeps 128 MiB, as its documents come one after another
    /// (1.34x against 0.99x with 16 MiB, interleaved runs on the news days).
    static func keepFreedMemory(trimMiB: Int32 = 16) {
        #if canImport(Glibc)
        // <malloc.h> is not in Swift's Glibc module: mallopt is looked up, with its constants
        // M_TRIM_THRESHOLD (-1) and M_MMAP_THRESHOLD (-3) from that header.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-3, 32 << 20)
        _ = mallopt(-1, trimMiB << 20)
        #endif
    }
}
