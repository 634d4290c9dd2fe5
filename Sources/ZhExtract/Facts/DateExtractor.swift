/// A calendar day, for resolving dates against the publication date.
public struct Day: Sendable, Hashable, Comparable {
    public var year: Int, month: Int, day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `2017-08-14`, `2020/9/9`, `2023年12月21日` at the start of `text`.
    public init?(parsing text: Substring) {
        var nums: [Int] = []
        var cur = ""
        for c in text {
            if c.isASCII && c.isNumber { cur.append(c) } else {
                if !cur.isEmpty { nums.append(Int(cur)!); cur = "" }
                if nums.count == 3 || !"-/年月日. ".contains(c) { break }
            }
            if nums.count == 3 { break }
        }
        if !cur.isEmpty && nums.count < 3 { nums.append(Int(cur)!) }
        guard nums.count == 3, (1900...2100).contains(nums[0]), (1...12).contains(nums[1]), (1...31).contains(nums[2]) else { return nil }
        self.init(year: nums[0], month: nums[1], day: nums[2])
    }

    /// Parses a date written from `s[i]` on (before `end`), as ``init(parsing:)`` does.
    init?(scalars s: [Unicode.Scalar], at i: Int, end: Int) {
        var nums: [Int] = []
        nums.reserveCapacity(3)
        var cur = -1
        var k = i
        while k < end {
            let v = s[k].value
            if v >= 0x30 && v <= 0x39 {
                cur = (cur < 0 ? 0 : cur) * 10 + Int(v - 0x30)
                if cur > 100_000 { return nil }
            } else {
                if cur >= 0 { nums.append(cur); cur = -1 }
                if nums.count == 3 { break }
                switch s[k] {
                case "-", "/", "年", "月", "日", ".", " ": break
                default: k = end; continue
                }
            }
            k += 1
        }
        if cur >= 0 && nums.count < 3 { nums.append(cur) }
        guard nums.count == 3, (1900...2100).contains(nums[0]), (1...12).contains(nums[1]), (1...31).contains(nums[2]) else { return nil }
        self.init(year: nums[0], month: nums[1], day: nums[2])
    }

    public var iso: String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// The day after.
    var next: Day {
        if day < Day.daysIn(month, year) { return Day(year: year, month: month, day: day + 1) }
        return month < 12 ? Day(year: year, month: month + 1, day: 1) : Day(year: year + 1, month: 1, day: 1)
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }
}

/// Dates in news text, resolved against the publication date: 8月10日至11日, 12月1日至2日,
/// 11日下午, 2016年以来, 自2017年起, 2022年; a damaged 97日 read as 9月7日 when the
/// publication month allows.
struct DateExtractor {
    /// Marks that end a clause: what 自 opens closes before them.
    static let clauseEnds = ScalarSet("，。；、！？：\n,;")

    let s: [Unicode.Scalar]
    let published: Day?

    private func digitRun(_ i: Int) -> (value: Int, end: Int)? { s.digitRun(at: i) }

    private func at(_ i: Int, _ c: Unicode.Scalar) -> Bool { i < s.count && s[i] == c }

    private static let wordScalars: [String: [Unicode.Scalar]] = {
        var m: [String: [Unicode.Scalar]] = [:]
        for w in ["以来", "起", "开始"] + timesOfDay { m[w] = w.scalars }
        return m
    }()
    private static let timesOfDay = ["上午", "下午", "晚上", "早上", "中午", "凌晨", "晚"]
    /// Marks before a day that look ahead (将于28日, 下月, 至30日); 从 too when 起 or 开始 follows
    /// the day (从27日起).
    private static let aheadMarks = ScalarSet("将下至到")
    /// Times of their own 以来 may follow (有记录以来, 新世纪以来, 入冬以来).
    static let otherSinces = ["记录", "有史", "世纪", "入冬", "入夏", "入春", "入秋", "入汛", "年初", "开年", "今年", "去年", "年来", "月来"].map(\.scalars)
    private static let nightScalars = ["夜间", "夜里", "深夜"].map(\.scalars)
    private static let relativeYears: [([Unicode.Scalar], Int)] = [("今年".scalars, 0), ("去年".scalars, -1), ("明年".scalars, 1), ("前年".scalars, -2)]
    private static let timeOfDayScalars = timesOfDay.map(\.scalars)

    /// Parts of a year: the word and its first and last month.
    private static let periods: [(word: [Unicode.Scalar], first: Int, last: Int)] = [
        ("上半年", 1, 6), ("下半年", 7, 12), ("前三季度", 1, 9), ("前两个季度", 1, 6), ("前两季度", 1, 6),
        ("第一季度", 1, 3), ("第二季度", 4, 6), ("第三季度", 7, 9), ("第四季度", 10, 12),
        ("一季度", 1, 3), ("二季度", 4, 6), ("三季度", 7, 9), ("四季度", 10, 12),
    ].map { ($0.0.scalars, $0.1, $0.2) }
    private static let periodStarts = ScalarSet(periods.map { $0.word[0] })

    /// A half or a quarter at `i` of a year written right before it (2024年, 今年, 去年): its
    /// months as a range; nil without such a year (上半年 alone is left out).
    private func period(at i: Int) -> (mention: DateMention, end: Int)? {
        guard let p = Self.periods.first(where: { s.hasWord($0.word, at: i) }) else { return nil }
        var from = i
        var yy: Int?
        if let y = s.yearEnding(at: i) {
            yy = y
            from = i - 5
        } else if let pub = published {
            for (w, delta) in Self.relativeYears where i >= w.count && s.hasWord(w, at: i - w.count) {
                yy = pub.year + delta
                from = i - w.count
                break
            }
        }
        guard let yy else { return nil }
        // Not a quarter's end (三季度末) nor a part of another word (第三季度 inside 前三季度 is read whole above).
        let end = i + p.word.count
        if at(end, "末") { return nil }
        return (DateMention(text: String(scalars: s[from..<end]), start: Day(year: yy, month: p.first, day: 1).iso,
                            end: Day(year: yy, month: p.last, day: Day.daysIn(p.last, yy)).iso, granularity: "month",
                            mentions: [from..<end]), end)
    }

    /// Whether 起 at `j` after a day starts something from that day on (11月10日起，…; 1日起实施), not
    /// a word (起草, 起飞).
    private func dayStarts(_ j: Int) -> Bool {
        guard at(j, "起") else { return false }
        let n = j + 1
        return n >= s.count || !PersonExtractor.isHan(s[n]) || Self.afterStartingDay.contains { s.hasWord($0, at: n) }
    }
    private static let afterStartingDay = ["实施", "施行", "执行", "生效", "开始", "正式", "全面", "将", "在", "至", "到", "陆续", "分批", "启动"].map(\.scalars)

    /// The first `n` months (前5个月, 今年前五个月): `s[from..<end]` with the year written before it
    /// (今年, 去年) or the publication's.
    private func firstMonths(_ n: Int, from: Int, end e: Int, published pub: Day) -> DateMention {
        var from = from
        var yy = pub.year
        for (w, delta) in Self.relativeYears where from >= w.count && s.hasWord(w, at: from - w.count) {
            yy = pub.year + delta
            from -= w.count
            break
        }
        return DateMention(text: String(scalars: s[from..<e]), start: Day(year: yy, month: 1, day: 1).iso,
                           end: Day(year: yy, month: n, day: Day.daysIn(n, yy)).iso, granularity: "month", mentions: [from..<e])
    }

    /// What a clause opens after.
    static let clauseOpeners = ScalarSet("，。；！？：\n 　")

    /// A half or a quarter at `i` with no year before it, followed by a comma (一季度，上半年，):
    /// the publication's year when the period has ended by the publication's month.
    private func barePeriod(at i: Int) -> (mention: DateMention, end: Int)? {
        guard let pub = published, let p = Self.periods.first(where: { s.hasWord($0.word, at: i) }) else { return nil }
        let end = i + p.word.count
        guard end < s.count, s[end] == "，" || s[end] == ",", pub.month > p.last else { return nil }
        return (DateMention(text: String(scalars: s[i..<end]), start: Day(year: pub.year, month: p.first, day: 1).iso,
                            end: Day(year: pub.year, month: p.last, day: Day.daysIn(p.last, pub.year)).iso, granularity: "month",
                            mentions: [i..<end]), end)
    }

    private func word(_ i: Int, _ w: String) -> Bool {
        s.hasWord(Self.wordScalars[w] ?? w.scalars, at: i)
    }

    func extract(skipping skipped: (Int) -> Bool) -> [DateMention] {
        var out: [DateMention] = []
        var year = published?.year
        var month = published?.month
        var i = 0
        func text(_ r: Range<Int>) -> String {
            String(scalars: s[r])
        }
        // Whether the running year was written in this paragraph (else it is the publication's).
        var yearWritten = false
        // The day of the last date written with one, in the running month.
        var runningDay = 0
        // The last single day written (for 次日, the day after it), across paragraphs.
        var lastDay: Day?
        // (Read once: a static's every use costs a call on Linux, and these are tested per character.)
        let periodStarts = Self.periodStarts, clauseOpeners = Self.clauseOpeners
        while i < s.count {
            // 次日 and 翌日: the day after the last single day written (9月30日下午…次日上午).
            if (s[i] == "次" || s[i] == "翌"), i + 1 < s.count, s[i + 1] == "日", !skipped(i), let d = lastDay,
               i == 0 || (!PersonExtractor.isHan(s[i - 1]) && !s.isDigit(at: i - 1)) || s[i - 1] == "于" || s[i - 1] == "至" {
                var j = i + 2
                for t in Self.timeOfDayScalars where s.hasWord(t, at: j) {
                    j += t.count
                    break
                }
                let day = d.next
                out.append(DateMention(text: text(i..<j), start: day.iso, end: day.iso, granularity: "day", mentions: [i..<j]))
                lastDay = day
                i = j
                continue
            }
            if s[i] == "\n" {
                runningDay = 0
                // A new paragraph: dates without a year go back to the publication's year and month.
                year = published?.year
                month = published?.month
                yearWritten = false
                i += 1
                continue
            }
            // Halves and quarters of a year written just before (2024年上半年, 今年前三季度).
            if i > 0, s[i - 1] == "年", periodStarts.contains(s[i]), !skipped(i), let p = period(at: i) {
                out.append(p.mention)
                i = p.end
                continue
            }
            // One opening its clause with no year (一季度，国内生产总值…): the publication's year,
            // when the period is over by then.
            if periodStarts.contains(s[i]), i == 0 || clauseOpeners.contains(s[i - 1]), !skipped(i), let p = barePeriod(at: i) {
                out.append(p.mention)
                i = p.end
                continue
            }
            // 前五个月: the first months, the count in Chinese.
            if i > 0, s[i - 1] == "前", let n = chineseDigits[s[i]] ?? (s[i] == "十" ? 10 : nil), i + 2 < s.count, s[i + 1] == "个", s[i + 2] == "月",
               !skipped(i), let pub = published {
                out.append(firstMonths(n, from: i - 1, end: i + 3, published: pub))
                i += 3
                continue
            }
            // Dates start with a digit: everything else is passed over at once.
            guard s[i].value >= 0x30 && s[i].value <= 0x39 else { i += 1; continue }
            let prevIsDigit = i > 0 && s[i - 1].value >= 0x30 && s[i - 1].value <= 0x39
            guard !prevIsDigit, !skipped(i), let first = digitRun(i) else { i += 1; continue }
            var start = (i > 0 && s[i - 1] == "自") ? i - 1 : i
            // 从…起 opens a range as 自…起 does; 从 is the date's only then (从2022年的3% is not).
            let from从 = i > 0 && s[i - 1] == "从"
            var j = first.end
            var y: Int? = nil, m: Int? = nil, d: Int? = nil
            // 今年/去年/明年 before a month: the year, and part of the date (今年4月, 去年2月);
            // 前 before a count of months: the months from January (前5个月, 今年前11个月).
            var relativeYear: Int? = nil
            if let pub = published {
                for (w, delta) in Self.relativeYears where start >= w.count && s.hasWord(w, at: start - w.count) {
                    relativeYear = pub.year + delta
                    start -= w.count
                    break
                }
            }
            // (前5月 too, where no day follows: the first five months, not May.)
            let countWords = at(j, "个") && at(j + 1, "月") ? 2 : at(j, "月") && digitRun(j + 1) == nil && !at(j + 1, "日") ? 1 : 0
            if start > 0 && s[start - 1] == "前", countWords > 0, (1...12).contains(first.value), let pub = published {
                let e = j + countWords
                out.append(firstMonths(first.value, from: start - 1, end: e, published: pub))
                i = e
                continue
            }
            if at(j, "年") && first.value >= 1900 && first.value <= 2100 {
                // The year of a half or a quarter (2024年上半年) is part of that period's date.
                if Self.periods.contains(where: { s.hasWord($0.word, at: j + 1) }) { i = j + 1; continue }
                y = first.value
                j += 1
                if let mm = digitRun(j), at(mm.end, "月"), (1...12).contains(mm.value) {
                    m = mm.value
                    j = mm.end + 1
                    if let dd = digitRun(j), at(dd.end, "日") || at(dd.end, "号"), (1...31).contains(dd.value) {
                        d = dd.value
                        j = dd.end + 1
                    }
                } else if at(j, "底") || at(j, "末") {
                    // 2022年底, 2023年末: the year's last month.
                    m = 12
                    j += 1
                }
            } else if at(j, "月") && (1...12).contains(first.value) {
                m = first.value
                j += 1
                if let dd = digitRun(j), at(dd.end, "日") || at(dd.end, "号"), (1...31).contains(dd.value) {
                    d = dd.value
                    j = dd.end + 1
                } else if at(j, "份") {
                    j += 1  // 6月份: the month
                }
            } else if (at(j, "至") || at(j, "到") || at(j, "-") || at(j, "—") || at(j, "～") || at(j, "~")) && (1900...2100).contains(first.value),
                      let b = digitRun(j + 1), at(b.end, "年"), (first.value...2100).contains(b.value) {
                // A span of years: 2021—2030年, 2021至2025年.
                let e = b.end + 1
                out.append(DateMention(text: text(start..<e), start: Day(year: first.value, month: 1, day: 1).iso,
                                       end: Day(year: b.value, month: 12, day: 31).iso, granularity: "year", mentions: [start..<e]))
                i = e
                continue
            } else if (at(j, "至") || at(j, "到") || at(j, "-") || at(j, "—")) && (1...12).contains(first.value),
                      let b = digitRun(j + 1), at(b.end, "月"), (first.value...12).contains(b.value), !at(b.end + 1, "日") {
                // A span of months: 1至11月.
                let yy = relativeYear ?? year ?? published?.year
                guard let yy else { i = b.end + 1; continue }
                var e = b.end + 1
                if at(e, "份") { e += 1 }
                out.append(DateMention(text: text(start..<e), start: Day(year: yy, month: first.value, day: 1).iso,
                                       end: Day(year: yy, month: b.value, day: Day.daysIn(b.value, yy)).iso, granularity: "month",
                                       mentions: [start..<e]))
                i = e
                continue
            } else if at(j, "日") && (1...31).contains(first.value) {
                d = first.value
                j += 1
            } else if at(j, "日") && first.value >= 13 && first.value <= 129, let pm = published?.month,
                      first.value / 10 == pm || first.value / 100 == pm {
                // A damaged date: 97日 with 月 lost, read as 9月7日 in a September article.
                let mm = first.value >= 100 ? first.value / 100 : first.value / 10
                let dd = first.value >= 100 ? first.value % 100 : first.value % 10
                if (1...31).contains(dd) { m = mm; d = dd }
                j += 1
                if d == nil { i = j; continue }
            } else {
                i = j
                continue
            }
            // Only full dates move the running year and month: 自2017年起 does not.
            var ry: Int
            if let yy = y { ry = yy } else if let yy = relativeYear { ry = yy } else if let yy = year { ry = yy } else { i = j; continue }
            // A month without a year, far from the publication month, is of the year before or
            // after (12月30日 in news of 2 January).
            if y == nil, relativeYear == nil, !yearWritten, let pub = published, let mm = m {
                if mm - pub.month > 6 { ry -= 1 }
            }
            if let mm = m { month = mm }
            if y != nil && m != nil { year = y; yearWritten = true }
            // A range: 至 / - / 到 followed by a day, month-day or year.
            var endDay: Day? = nil
            var open = false
            var granularity = d != nil ? "day" : m != nil ? "month" : "year"
            var startDay: Day
            // 本月, 上月, 下月 before a day alone: the publication's month, the one before, after.
            if d != nil, m == nil, let pub = published, i >= 2, s[i - 1] == "月",
               let delta = s[i - 2] == "本" ? 0 : s[i - 2] == "上" ? -1 : s[i - 2] == "下" ? 1 : nil {
                var mm = pub.month + delta, yy = pub.year
                if mm == 0 { mm = 12; yy -= 1 } else if mm == 13 { mm = 1; yy += 1 }
                m = mm
                ry = yy
            }
            if let dd = d, var rm = m ?? month {
                // A day alone after the publication day of the publication month is last
                // month's (31日 in news of 11 August), unless the sentence looks ahead (将于28日).
                if m == nil, let pub = published, rm == pub.month, ry == pub.year, dd > pub.day,
                   !(max(0, i - 8)..<i).contains(where: { Self.aheadMarks.contains(s[$0]) || (s[$0] == "从" && (word(j, "起") || word(j, "开始"))) }) {
                    rm -= 1
                    if rm == 0 { rm = 12; ry -= 1 }
                } else if m == nil, let pub = published, dd < runningDay, dd + Day.daysIn(rm, ry) - runningDay <= 7,
                          ry == pub.year, rm < pub.month, dd <= pub.day {
                    // A day alone just after the end of the month last written, in a month before the
                    // publication's, has moved on to the next month (7月31日…1日 in news of 2 August);
                    // one further back looks back (7月28日…早在20日).
                    rm += 1
                    month = rm
                }
                startDay = Day(year: ry, month: rm, day: min(dd, Day.daysIn(rm, ry)))
            } else if let rm = m {
                startDay = Day(year: ry, month: rm, day: 1)
                endDay = Day(year: ry, month: rm, day: Day.daysIn(rm, ry))
            } else {
                startDay = Day(year: ry, month: 1, day: 1)
                endDay = Day(year: ry, month: 12, day: 31)
            }
            // A part of a month: 上旬, 中旬, 下旬.
            if d == nil, let rm = m, j + 1 < s.count, s[j + 1] == "旬", let part = "上中下".unicodeScalars.firstIndex(of: s[j]) {
                let k = "上中下".unicodeScalars.distance(from: "上中下".unicodeScalars.startIndex, to: part)
                startDay = Day(year: ry, month: rm, day: 1 + 10 * k)
                endDay = Day(year: ry, month: rm, day: k == 2 ? Day.daysIn(rm, ry) : 10 + 10 * k)
                granularity = "day"
                j += 2
            }
            // A time of day before the end of a range: 27日晚到28日.
            var gap = 0
            for t in Self.timeOfDayScalars + Self.nightScalars where d != nil && s.hasWord(t, at: j) {
                if j + t.count < s.count, "至到".unicodeScalars.contains(s[j + t.count]) { gap = t.count }
                break
            }
            let beforeRange = j
            if at(j + gap, "至") || at(j + gap, "到") || at(j + gap, "—") || at(j + gap, "-") {
                let k = j + gap + 1
                if let a = digitRun(k) {
                    if at(a.end, "日") || at(a.end, "号"), d != nil, (1...31).contains(a.value) {
                        endDay = Day(year: ry, month: startDay.month, day: a.value)
                        j = a.end + 1
                    } else if at(a.end, "月"), d == nil, m != nil, (1...12).contains(a.value), !(digitRun(a.end + 1).map { at($0.end, "日") } ?? false) {
                        // 2024年1月至11月.
                        endDay = Day(year: ry, month: a.value, day: Day.daysIn(a.value, ry))
                        j = a.end + 1
                    } else if at(a.end, "月"), let b = digitRun(a.end + 1), at(b.end, "日") {
                        endDay = Day(year: ry, month: a.value, day: b.value)
                        j = b.end + 1
                    } else if at(a.end, "年"), let y, m != nil, (y...2100).contains(a.value), let mm = digitRun(a.end + 1), at(mm.end, "月"),
                              (1...12).contains(mm.value) {
                        // Across years: 2012年11月至2022年10月, 2022年12月31日至2023年1月2日.
                        if d != nil, let dd = digitRun(mm.end + 1), at(dd.end, "日"), (1...31).contains(dd.value) {
                            endDay = Day(year: a.value, month: mm.value, day: min(dd.value, Day.daysIn(mm.value, a.value)))
                            j = dd.end + 1
                        } else if d == nil, !(digitRun(mm.end + 1).map { at($0.end, "日") } ?? false) {
                            endDay = Day(year: a.value, month: mm.value, day: Day.daysIn(mm.value, a.value))
                            j = mm.end + 1
                        }
                    } else if at(a.end, "年"), y != nil, d == nil, m == nil {
                        endDay = Day(year: a.value, month: 12, day: 31)
                        j = a.end + 1
                    }
                }
            }
            if word(j, "以来") || ((start < i || from从 || (y != nil && m == nil) || (d != nil && dayStarts(j))) && (word(j, "起") || word(j, "开始"))) {
                open = true
                if from从 && start == i { start = i - 1 }
                j += word(j, "以来") ? 2 : word(j, "开始") ? 2 : 1
            } else if start < i || (y != nil && m == nil && (start == 0 || Self.clauseEnds.contains(s[start - 1]))),
                      j == beforeRange {
                // 自2018年揭牌以来, or a year opening its clause (2010年新一轮对口援疆工作启动以来): 以来
                // later in the same clause still opens the range (not when the range's end is
                // written: 自2018年至2020年).
                var k = j
                while k < s.count, k - j < 40, !Self.clauseEnds.contains(s[k]), !word(k, "以来") { k += 1 }
                // (Not 以来 of another time after a bare year: 2023年成为有记录以来最热的一年.)
                // (After 自 it is the range's own: 自1940年有记录以来.)
                if k < s.count, word(k, "以来"), start < i || !Self.otherSinces.contains(where: { k >= $0.count && s.hasWord($0, at: k - $0.count) }) {
                    open = true
                }
            }
            if d != nil, endDay == nil { endDay = startDay }
            // Times of day belong to their day.
            for t in Self.timeOfDayScalars where s.hasWord(t, at: j) {
                j += t.count
                break
            }
            if open { granularity = d != nil ? "day" : m != nil ? "month" : "year" }
            out.append(DateMention(text: text(start..<j), start: startDay.iso, end: open ? nil : endDay?.iso,
                                   granularity: granularity, mentions: [start..<j]))
            if d != nil { runningDay = startDay.day }
            if d != nil, !open, endDay == startDay { lastDay = startDay } else if d != nil { lastDay = nil }
            i = j
        }
        return out
    }
}

/// Money: 14654.73万元, 9500余万元, 约2亿元, 3000多万元, 近500万元.
struct AmountExtractor {
    let s: [Unicode.Scalar]

    static let units: [Unicode.Scalar: Double] = ["千": 1e3, "百": 1e2, "十": 1e1]
    /// What follows a size class rather than an amount (百亿元级, 万亿元台阶, 千亿元以上).
    static let 以上 = "以上".scalars
    static let notAmountAfter: [[Unicode.Scalar]] = ["级", "以上", "台阶", "量级", "规模", "户"].map(\.scalars)

    func extract(skipping skipped: (Int) -> Bool) -> [Amount] {
        var out: [Amount] = []
        var i = 0
        while i < s.count {
            guard s[i] == "元" else { i += 1; continue }
            var j = i - 1
            var multiplier = 1.0
            // 2.3亿余元, 3亿多元: "more than" written after the unit.
            var approximateAfterUnit = false
            if j >= 1 && (s[j] == "余" || s[j] == "多") && (s[j - 1] == "万" || s[j - 1] == "亿") { approximateAfterUnit = true; j -= 1 }
            if j >= 0 && s[j] == "万" { multiplier = 1e4; j -= 1 } else if j >= 0 && s[j] == "亿" { multiplier = 1e8; j -= 1 }
            else if j >= 0 && s[j] == "千" { multiplier = 1e3; j -= 1 }
            if j >= 0 && s[j] == "万" && multiplier == 1e8 { multiplier = 1e12; j -= 1 }
            // A unit before 万 or 亿 (7千亿元, 近千亿元, 三百万元).
            var unitWritten = false
            if multiplier >= 1e4, j >= 0, let u = Self.units[s[j]] { multiplier *= u; j -= 1; unitWritten = true }
            var approximate = approximateAfterUnit
            if j >= 0 && (s[j] == "余" || s[j] == "多") { approximate = true; j -= 1 }
            let numEnd = j + 1
            while j >= 0 && ((s[j].value >= 0x30 && s[j].value <= 0x39) || s[j] == "." || s[j] == ",") { j -= 1 }
            var numStart = j + 1
            var value: Double
            if numStart < numEnd {
                var v = String.UnicodeScalarView()
                v.append(contentsOf: s[numStart..<numEnd].filter { $0 != "," })
                guard let x = Double(String(v)) else { i += 1; continue }
                value = x
            } else if unitWritten, j >= 0, let d = chineseDigits[s[j]] {
                // 三千亿元, 两百万元.
                value = Double(d)
                numStart = j
            } else if unitWritten || multiplier >= 1e4, j >= 0, s[j] == "近" || s[j] == "约", !(j > 0 && s[j - 1] == "最"),
                      !Self.notAmountAfter.contains(where: { s.hasWord($0, at: i + 1) }) {
                // 近千亿元: about a thousand 亿; 近万元: about ten thousand (not 百亿元级, 万亿元台阶).
                value = 1
            } else if unitWritten, j >= 0, s[j] == "超" || s[j] == "逾" || (s[j] == "过" && j > 0 && s[j - 1] == "超"),
                      !(j > 0 && s[j - 1] == "不") && !(j > 1 && s[j - 2] == "不"), !Self.notAmountAfter.contains(where: { s.hasWord($0, at: i + 1) }) {
                // 超千亿元, 超过百亿元: more than a thousand 亿 (the word is no part of the text).
                value = 1
            } else {
                i += 1
                continue
            }
            guard !skipped(numStart) else { i += 1; continue }
            var start = numStart
            if start > 0 && (s[start - 1] == "约" || s[start - 1] == "近") { approximate = true; start -= 1 }
            // More than: 超过1500万元, 超5000亿元, 逾300万元 (the words are not part of the amount's text);
            // not 不超过, an upper bound.
            else if start > 0 && (s[start - 1] == "超" || s[start - 1] == "逾" || (start > 1 && s[start - 2] == "超" && s[start - 1] == "过"))
                        && !(start > 2 && s[start - 3] == "不" && s[start - 1] == "过") && !(start > 1 && s[start - 2] == "不") {
                approximate = true
            }
            // 3500元以上: at least that much.
            if s.hasWord(Self.以上, at: i + 1) { approximate = true }
            var t = String.UnicodeScalarView()
            t.append(contentsOf: s[start...i])
            out.append(Amount(text: String(t), yuan: (value * multiplier).rounded(), approximate: approximate, mentions: [start..<(i + 1)]))
            i += 1
        }
        return out
    }
}
