import ArgumentParser

@main
struct ZhKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhkit",
        abstract: "Clean messy Chinese text and extract structured facts.",
        subcommands: [ExtractCommand.self, NormalizeCommand.self, ConvertCommand.self, RepairCommand.self, MatchCommand.self, CompileCommand.self]
    )
}
