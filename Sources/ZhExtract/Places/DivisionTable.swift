/// The level of an administrative division.
public enum PlaceLevel: String, Sendable, CaseIterable, Comparable {
    case province, prefecture, county, township, village, community, other

    var rank: Int { PlaceLevel.allCases.firstIndex(of: self)! }
    public static func < (a: PlaceLevel, b: PlaceLevel) -> Bool { a.rank < b.rank }
}

/// One administrative division: its official code, name, level and parent.
public struct Division: Sendable, Hashable {
    /// The official code, normalized to 6 digits for provinces, prefectures and counties,
    /// 9 for townships, 12 for villages; nil for divisions found by their suffix alone.
    public var code: String?
    /// The full official name (黔南布依族苗族自治州).
    public var name: String
    public var level: PlaceLevel
    public var parentCode: String?
    /// Short forms people write (黔南州, 黔南).
    public var aliases: [String]

    public init(code: String?, name: String, level: PlaceLevel, parentCode: String?, aliases: [String] = []) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.aliases = aliases
    }
}

/// Why a division file could not be loaded; `line` is 1-based.
public enum GazetteerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A row is malformed (too few columns, a bad code, an unknown level).
    case badRow(source: String, line: Int, reason: String)
    /// The file is not UTF-8 text.
    case notText(source: String)

    public var description: String {
        switch self {
        case .badRow(let s, let l, let r): return "\(s):\(l): \(r)"
        case .notText(let s): return "\(s): not UTF-8 text"
        }
    }
}

/// Every division ZhKit knows: the built-in table (provinces, prefectures, counties) plus
/// whatever gazetteer files the user loads (townships, villages).
public struct DivisionTable: Sendable {
    public private(set) var divisions: [Division] = []
    private(set) var indexByCode: [String: Int] = [:]
    private(set) var indexByName: [UTF8Key: [Int]] = [:]

    public init() {}

    /// The built-in table: every province, prefecture and county-level division, with aliases.
    public static let builtin: DivisionTable = {
        var t = DivisionTable()
        _ = try! t.load(tsv: builtinSource, source: "built-in")
        return t
    }()

    /// The divisions with this official name.
    public func divisions(named name: String) -> [Division] { (indexByName[UTF8Key(name)] ?? []).map { divisions[$0] } }

    /// The index in ``divisions`` of the division with this code.
    func index(code: String) -> Int? { indexByCode[code] }

    /// The division with this code.
    public func division(code: String) -> Division? { indexByCode[code].map { divisions[$0] } }

    /// Names from the province down to the division itself.
    public func path(of d: Division) -> [String] {
        var names = [d.name]
        var parent = d.parentCode
        var guardCount = 0
        while let p = parent, let pd = division(code: p), guardCount < 8 {
            names.insert(pd.name, at: 0)
            parent = pd.parentCode
            guardCount += 1
        }
        return names
    }

    /// Whether the divisions named `a` and `b` are one line of government: one lies inside the
    /// other (疏附县 and 新疆维吾尔自治区), by the first division of each name.
    func inOneLine(_ a: String, _ b: String) -> Bool {
        if let da = divisions(named: a).first, path(of: da).contains(b) { return true }
        if let db = divisions(named: b).first, path(of: db).contains(a) { return true }
        return false
    }

    /// Whether `ancestor` is on the parent chain of `d`.
    public func isAncestor(_ ancestor: String, of d: Division) -> Bool {
        var parent = d.parentCode
        var n = 0
        while let p = parent, n < 8 {
            if p == ancestor { return true }
            parent = division(code: p)?.parentCode
            n += 1
        }
        return false
    }

    mutating func add(_ d: Division) {
        if let code = d.code, let i = indexByCode[code] {
            indexByName[UTF8Key(divisions[i].name)]?.removeAll { $0 == i }
            divisions[i] = d  // a later file wins for the same code
            indexByName[UTF8Key(d.name), default: []].append(i)
            return
        }
        if let code = d.code { indexByCode[code] = divisions.count }
        indexByName[UTF8Key(d.name), default: []].append(divisions.count)
        divisions.append(d)
    }

    /// Loads rows `code<TAB>name<TAB>level<TAB>parent[<TAB>aliases]` (aliases `|`-separated;
    /// lines starting with `#` are comments).
    ///
    /// Rule for bad rows: the good rows load, and each bad row (too few columns, an unknown
    /// level, a bad code, an empty or ill-formed name, a code repeated in the same file) is
    /// returned as an error naming its line; the caller decides whether to warn or fail.
    /// - Complexity: O(rows).
    @discardableResult
    public mutating func load(tsv: String, source: String) throws -> [GazetteerError] {
        var problems: [GazetteerError] = []
        var seen: [String: Int] = [:]
        for (n, raw) in tsv.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.last == "\r" ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 4 else {
                problems.append(.badRow(source: source, line: n + 1, reason: "expected code, name, level, parent"))
                continue
            }
            guard let level = PlaceLevel(rawValue: String(cols[2])) else {
                problems.append(.badRow(source: source, line: n + 1, reason: "unknown level \(cols[2])"))
                continue
            }
            let code = cols[0].isEmpty ? nil : String(cols[0])
            if let code, !code.allSatisfy({ $0.isASCII && $0.isNumber }) {
                problems.append(.badRow(source: source, line: n + 1, reason: "bad code \(code)"))
                continue
            }
            if cols[1].isEmpty || cols[1].unicodeScalars.contains("\u{FFFD}") {
                problems.append(.badRow(source: source, line: n + 1, reason: cols[1].isEmpty ? "empty name" : "name is not UTF-8"))
                continue
            }
            if let code {
                if let first = seen[code] {
                    problems.append(.badRow(source: source, line: n + 1, reason: "duplicate code \(code) (first on line \(first)); the first row kept"))
                    continue
                }
                seen[code] = n + 1
            }
            let aliases = cols.count > 4 ? cols[4].split(separator: "|").map(String.init) : []
            add(Division(code: code, name: String(cols[1]), level: level,
                         parentCode: cols[3].isEmpty ? nil : String(cols[3]), aliases: aliases))
        }
        return problems
    }

    /// Loads the CSV layout of the official code lists: `code,name[,parent code columns...]`,
    /// the first column after the name being the direct parent. Codes of 2 and 4 digits are
    /// padded to 6; the level follows from the code's length (2 province, 4 prefecture,
    /// 6 county, 9 township, 12 village). Fields may be quoted (`"迤那镇"`, `""` for a quote).
    /// Bad rows (unbalanced quotes, too few fields, a bad code, a name with bytes that are not
    /// UTF-8, a code already given earlier in the same file) are returned as errors naming their
    /// line and skipped; the good rows load. A code also in an earlier file or the built-in
    /// table replaces that division (a later file wins).
    ///
    /// - Complexity: O(*n*) in the text's length; about 1 s for 700,000 villages.
    @discardableResult
    public mutating func load(csv: String, source: String) -> [GazetteerError] {
        var text = csv
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { loadCSV($0, source: source) } ?? []
    }

    private mutating func loadCSV(_ bytes: UnsafeBufferPointer<UInt8>, source: String) -> [GazetteerError] {
        var problems: [GazetteerError] = []
        var seen: [String: Int] = [:]
        var lineStart = 0
        var lineNumber = 0
        var fields: [Range<Int>] = []
        var quoted: [Bool] = []
        let n = bytes.count
        func field(_ k: Int) -> String {
            let r = fields[k]
            if !quoted[k] { return String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) }
            // Inside quotes: "" stands for one quote.
            var out: [UInt8] = []
            var i = r.lowerBound
            while i < r.upperBound {
                out.append(bytes[i])
                i += bytes[i] == 0x22 && i + 1 < r.upperBound && bytes[i + 1] == 0x22 ? 2 : 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        func isDigits(_ r: Range<Int>) -> Bool { !r.isEmpty && r.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } }
        while lineStart < n {
            var lineEnd = lineStart
            while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var end = lineEnd
            if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
            if end == lineStart { continue }
            // Split into fields.
            fields.removeAll(keepingCapacity: true)
            quoted.removeAll(keepingCapacity: true)
            var i = lineStart
            var malformed = false
            while true {
                if i < end && bytes[i] == 0x22 {
                    var j = i + 1
                    while j < end {
                        if bytes[j] == 0x22 {
                            if j + 1 < end && bytes[j + 1] == 0x22 { j += 2; continue }
                            break
                        }
                        j += 1
                    }
                    if j >= end { malformed = true; break }
                    fields.append((i + 1)..<j)
                    quoted.append(true)
                    i = j + 1
                    if i < end && bytes[i] != 0x2C { malformed = true; break }
                } else {
                    var j = i
                    while j < end && bytes[j] != 0x2C { j += 1 }
                    fields.append(i..<j)
                    quoted.append(false)
                    i = j
                }
                if i >= end { break }
                i += 1  // the comma
                if i == end { fields.append(end..<end); quoted.append(false); break }
            }
            if lineNumber == 1 && !fields.isEmpty && field(0) == "code" { continue }
            guard !malformed else {
                problems.append(.badRow(source: source, line: lineNumber, reason: "unbalanced quotes"))
                continue
            }
            guard fields.count >= 2, !fields[1].isEmpty else {
                problems.append(.badRow(source: source, line: lineNumber, reason: "expected code,name"))
                continue
            }
            let codeLength = fields[0].count
            guard isDigits(fields[0]), [2, 4, 6, 9, 12].contains(codeLength) else {
                problems.append(.badRow(source: source, line: lineNumber, reason: "bad code \(field(0))"))
                continue
            }
            // Text decoded with replacement (see the command line) shows bad bytes as U+FFFD.
            guard String(validating: UnsafeBufferPointer(rebasing: bytes[fields[1]]), as: UTF8.self) != nil,
                  !Self.containsReplacement(bytes, fields[1]) else {
                problems.append(.badRow(source: source, line: lineNumber, reason: "name is not UTF-8"))
                continue
            }
            let code = Self.pad(field(0))
            if let first = seen[code] {
                problems.append(.badRow(source: source, line: lineNumber, reason: "duplicate code \(code) (first on line \(first)); the first row kept"))
                continue
            }
            seen[code] = lineNumber
            let level: PlaceLevel = codeLength == 2 ? .province : codeLength == 4 ? .prefecture : codeLength == 6 ? .county
                : codeLength == 9 ? .township : .village
            let name = field(1)
            if name == "市辖区" || name == "县" || name.hasSuffix("直辖县级行政区划") { continue }
            var parent = fields.count > 2 && !fields[2].isEmpty ? Self.pad(field(2)) : nil
            if let p = parent, indexByCode[p] == nil, fields.count > 3, !fields[3].isEmpty { parent = Self.pad(field(3)) }
            add(Division(code: code, name: name, level: level, parentCode: parent, aliases: Self.aliases(of: name, level: level)))
        }
        return problems
    }

    /// Whether U+FFFD (EF BF BD) occurs in `bytes[r]`.
    static func containsReplacement(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i + 2 < r.upperBound {
            if bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD { return true }
            i += 1
        }
        return false
    }

    static func pad(_ code: String) -> String { code.count < 6 ? code + String(repeating: "0", count: 6 - code.count) : code }

    /// Short forms of a township or village name (迤那镇 → 迤那); none shorter than 2 characters.
    static func aliases(of name: String, level: PlaceLevel) -> [String] {
        guard level >= .township else { return [] }
        let u = Array(name.unicodeScalars)
        for suffix in townshipSuffixScalars where u.count - suffix.count >= 2 && Array(u.suffix(suffix.count)) == suffix {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: u.dropLast(suffix.count))
            return [String(v)]
        }
        return []
    }

    private static let townshipSuffixScalars = ["街道办事处", "街道", "镇", "乡", "苏木"].map { Array($0.unicodeScalars) }
}
