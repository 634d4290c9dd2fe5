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
    private(set) var indexByName: [String: [Int]] = [:]

    public init() {}

    /// The built-in table: every province, prefecture and county-level division, with aliases.
    public static let builtin: DivisionTable = {
        var t = DivisionTable()
        _ = try! t.load(tsv: builtinSource, source: "built-in")
        return t
    }()

    /// The divisions with this official name.
    public func divisions(named name: String) -> [Division] { (indexByName[name] ?? []).map { divisions[$0] } }

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
            indexByName[divisions[i].name]?.removeAll { $0 == i }
            divisions[i] = d  // a later file wins for the same code
            indexByName[d.name, default: []].append(i)
            return
        }
        if let code = d.code { indexByCode[code] = divisions.count }
        indexByName[d.name, default: []].append(divisions.count)
        divisions.append(d)
    }

    /// Loads rows `code<TAB>name<TAB>level<TAB>parent[<TAB>aliases]` (aliases `|`-separated;
    /// lines starting with `#` are comments).
    ///
    /// Rule for bad rows: the good rows load, and each bad row is returned as an error naming
    /// its line; the caller decides whether to warn or fail.
    /// - Complexity: O(rows).
    @discardableResult
    public mutating func load(tsv: String, source: String) throws -> [GazetteerError] {
        var problems: [GazetteerError] = []
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
            let aliases = cols.count > 4 ? cols[4].split(separator: "|").map(String.init) : []
            add(Division(code: code, name: String(cols[1]), level: level,
                         parentCode: cols[3].isEmpty ? nil : String(cols[3]), aliases: aliases))
        }
        return problems
    }

    /// Loads the CSV layout of the official code lists: `code,name[,parent code columns...]`,
    /// the first column after the name being the direct parent. Codes of 2 and 4 digits are
    /// padded to 6; the level follows from the code's length (2 province, 4 prefecture,
    /// 6 county, 9 township, 12 village). Bad rows are returned as errors naming their line.
    @discardableResult
    public mutating func load(csv: String, source: String) -> [GazetteerError] {
        var problems: [GazetteerError] = []
        for (n, raw) in csv.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.last == "\r" ? raw.dropLast() : raw
            if line.isEmpty { continue }
            let cols = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.filter { $0 != "\"" } }
            if n == 0 && cols.first == "code" { continue }
            guard cols.count >= 2, !cols[1].isEmpty else {
                problems.append(.badRow(source: source, line: n + 1, reason: "expected code,name"))
                continue
            }
            let code = String(cols[0])
            guard code.allSatisfy({ $0.isASCII && $0.isNumber }), [2, 4, 6, 9, 12].contains(code.count) else {
                problems.append(.badRow(source: source, line: n + 1, reason: "bad code \(code)"))
                continue
            }
            let level: PlaceLevel = [2: .province, 4: .prefecture, 6: .county, 9: .township, 12: .village][code.count]!
            let name = String(cols[1])
            if name == "市辖区" || name == "县" || name.hasSuffix("直辖县级行政区划") { continue }
            var parent = cols.count > 2 && !cols[2].isEmpty ? Self.pad(String(cols[2])) : nil
            if let p = parent, division(code: p) == nil, cols.count > 3 { parent = Self.pad(String(cols[3])) }
            add(Division(code: Self.pad(code), name: name, level: level, parentCode: parent, aliases: Self.aliases(of: name, level: level)))
        }
        return problems
    }

    static func pad(_ code: String) -> String { code.count < 6 ? code + String(repeating: "0", count: 6 - code.count) : code }

    /// Short forms of a township or village name (迤那镇 → 迤那); none shorter than 2 characters.
    static func aliases(of name: String, level: PlaceLevel) -> [String] {
        guard level >= .township else { return [] }
        for suffix in ["街道办事处", "街道", "镇", "乡", "苏木"] where name.hasSuffix(suffix) && name.count - suffix.count >= 2 {
            return [String(name.dropLast(suffix.count))]
        }
        return []
    }
}
