import Foundation
import ZhMatch

/// A dictionary as the command line sees it: a matcher plus the value text of each pattern.
///
/// Word lists are one pattern per line with an optional `<TAB>value`; blank lines are skipped;
/// a pattern listed twice keeps its first value. Compiled files carry the value texts in the
/// automaton's user data.
struct CommandDictionary {
    var matcher: PatternMatcher
    var values: [String]

    private static let userDataTag = "zhkit-values-1\n"

    static func load(path: String, kind: MatchKind) throws -> CommandDictionary {
        let file = try InputReader.read(path)
        if file.withBytes({ $0.starts(with: Array("ZHMATCH".utf8)) }) {
            let matcher: PatternMatcher
            do { matcher = try file.withBytes { try PatternMatcher(serialized: UnsafeRawBufferPointer($0)) } } catch let e as PatternMatcherError {
                throw CommandFailure(path, e.description)
            }
            guard matcher.kind == kind else {
                throw CommandFailure(path, "compiled for \(matcher.kind) matching, not \(kind); compile it again with the matching option")
            }
            var values: [String] = []
            let user = String(decoding: matcher.userData, as: UTF8.self)
            if user.hasPrefix(userDataTag) {
                values = user.dropFirst(userDataTag.count).split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
            }
            return CommandDictionary(matcher: matcher, values: values)
        }
        return try build(file: file, kind: kind)
    }

    static func build(file: InputFile, kind: MatchKind) throws -> CommandDictionary {
        var pairs: [(Substring, UInt32)] = []
        var valueIDs: [Substring: UInt32] = [:]
        var values: [String] = []
        let bytes = file.bytes
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // Name the first bad line.
            let file = (name: file.name, bytes: bytes)
            var line = 1
            var i = 0
            while i < file.bytes.count {
                var end = i
                while end < file.bytes.count && file.bytes[end] != 0x0A { end += 1 }
                if String(validating: file.bytes[i..<end], as: UTF8.self) == nil {
                    throw CommandFailure("\(file.name):\(line)", "not valid UTF-8")
                }
                i = end + 1
                line += 1
            }
            throw CommandFailure(file.name, "not valid UTF-8")
        }
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = rawLine
            if line.last == "\r" { line = line.dropLast() }
            if line.isEmpty { continue }
            let pattern: Substring
            var value: Substring = ""
            if let tab = line.firstIndex(of: "\t") {
                pattern = line[..<tab]
                value = line[line.index(after: tab)...]
            } else {
                pattern = line
            }
            if pattern.isEmpty { continue }
            let id: UInt32
            if let known = valueIDs[value] { id = known } else {
                id = UInt32(values.count)
                valueIDs[value] = id
                values.append(String(value))
            }
            pairs.append((pattern, id))
        }
        let user = Array((userDataTag + values.joined(separator: "\n")).utf8)
        do {
            let matcher = try PatternMatcher(pairs: pairs, kind: kind, userData: user)
            return CommandDictionary(matcher: matcher, values: values)
        } catch let e as PatternMatcherError {
            throw CommandFailure(file.name, e.description)
        }
    }

    func valueText(_ id: UInt32) -> String { Int(id) < values.count ? values[Int(id)] : String(id) }
}
