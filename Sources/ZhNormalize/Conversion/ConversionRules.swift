/// One rewriting rule: `key` becomes `replacement` where the contexts hold.
struct ConversionRule: Sendable {
    var key: [Unicode.Scalar]
    var replacement: String
    /// The character before the key (in the output written so far, as ICU checks it) must be
    /// one of these; nil: no condition.
    var before: Set<UInt32>?
    /// The character after the key must be one of these; nil: no condition.
    var afterSet: Set<UInt32>?
    /// These characters must follow the key.
    var afterLiteral: [UInt32]
}

/// Reads ICU transliterator rule source of the forms ICU's Han conversions use:
/// `key > replacement;`, `[set]{key}post > replacement;`, `{key}[set] > replacement;`, with
/// `\uXXXX` escapes. Other forms are returned as unsupported, with their text.
enum ICURuleParser {
    struct Result {
        var rules: [ConversionRule] = []
        var unsupported: [String] = []
    }

    static func parse(_ source: String) -> Result {
        var result = Result()
        for rawLine in source.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let rule = parseRule(line) { result.rules.append(rule) } else { result.unsupported.append(String(line)) }
        }
        return result
    }

    private static func parseRule(_ line: Substring) -> ConversionRule? {
        guard line.hasSuffix(";"), let arrow = line.firstRange(of: " > ") else { return nil }
        let lhs = Array(unescape(line[..<arrow.lowerBound]) ?? [])
        let rhsScalars = unescape(line[arrow.upperBound..<line.index(before: line.endIndex)])
        guard !lhs.isEmpty, let rhs = rhsScalars else { return nil }
        // Split the left side into [before]{key}after.
        var before: Set<UInt32>?
        var i = 0
        if lhs[0] == "[" {
            guard let (set, next) = readSet(lhs, from: 0) else { return nil }
            before = set
            i = next
        }
        var key: [Unicode.Scalar] = []
        var afterSet: Set<UInt32>?
        var afterLiteral: [UInt32] = []
        if i < lhs.count && lhs[i] == "{" {
            guard let close = lhs[i...].firstIndex(of: "}") else { return nil }
            key = Array(lhs[(i + 1)..<close])
            i = close + 1
            if i < lhs.count && lhs[i] == "[" {
                guard let (set, next) = readSet(lhs, from: i) else { return nil }
                afterSet = set
                i = next
            }
            while i < lhs.count {
                let c = lhs[i]
                if c == "[" || c == "{" || c == "}" || c == "|" { return nil }
                afterLiteral.append(c.value)
                i += 1
            }
        } else {
            if before != nil { return nil }
            key = Array(lhs[i...])
            if key.contains(where: { "[]{}|$:".unicodeScalars.contains($0) }) { return nil }
        }
        guard !key.isEmpty else { return nil }
        var r = String.UnicodeScalarView()
        r.append(contentsOf: rhs)
        return ConversionRule(key: key, replacement: String(r), before: before, afterSet: afterSet, afterLiteral: afterLiteral)
    }

    /// Reads `[...]` (single characters and `a-b` ranges) starting at `from`.
    private static func readSet(_ s: [Unicode.Scalar], from: Int) -> (Set<UInt32>, Int)? {
        var set = Set<UInt32>()
        var i = from + 1
        while i < s.count && s[i] != "]" {
            if s[i] == "^" || s[i] == "[" || s[i] == ":" { return nil }
            if i + 2 < s.count && s[i + 1] == "-" && s[i + 2] != "]" {
                guard s[i].value <= s[i + 2].value else { return nil }
                for v in s[i].value...s[i + 2].value { set.insert(v) }
                i += 3
            } else {
                set.insert(s[i].value)
                i += 1
            }
        }
        return i < s.count ? (set, i + 1) : nil
    }

    /// `\uXXXX` and `\UXXXXXXXX` escapes to scalars; other characters stand for themselves;
    /// spaces are ignored (ICU rule syntax), quoted text is not supported.
    static func unescape(_ s: Substring) -> [Unicode.Scalar]? {
        var out: [Unicode.Scalar] = []
        var it = Array(s.unicodeScalars)[...]
        while let c = it.popFirst() {
            if c == "\\" {
                guard let kind = it.popFirst() else { return nil }
                let digits = kind == "u" ? 4 : kind == "U" ? 8 : 0
                if digits == 0 {
                    out.append(kind)
                    continue
                }
                guard it.count >= digits, let v = UInt32(String(String.UnicodeScalarView(it.prefix(digits))), radix: 16),
                      let scalar = Unicode.Scalar(v) else { return nil }
                it = it.dropFirst(digits)
                out.append(scalar)
            } else if c == "'" {
                return nil
            } else if c != " " {
                out.append(c)
            }
        }
        return out
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
