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
}
