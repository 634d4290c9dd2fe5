/// Page chrome around an article: menus, app prompts, share buttons, source and editor lines,
/// ICP and copyright lines. Facts are not taken from it, except the page's own metadata
/// (publication date, source, editor).
struct PageChrome {
    /// Line ranges (code points) judged chrome, in text order.
    var lines: [Range<Int>] = []
    var title: String?
    var published: Day?

    /// Words only page chrome writes.
    static let markers = ["下载客户端", "扫码", "分享到", "字号", "听全文", "当前位置", "责任编辑", "发布时间", "发布日期", "ICP", "备案",
                          "©", "版权所有", "Copyright", "相关文章", "相关阅读", "公众号", "APP", "Logo", "浏览次数", "返回顶部", "上一篇",
                          "下一篇", "网站地图", "联系我们", "查看原文", "更新时间"]
    /// Words page chrome writes that are common words too (报告关注全球…, 由…主办的论坛): they mark
    /// chrome only at the start of a line, before a colon or a space, or ending the line.
    static let weakMarkers = ["登录", "首页", "来源", "编辑", "打印", "关闭", "作者", "阅读", "点击", "收藏", "关注", "政府网", "主办", "承办", "浏览"]


    /// Whether the weak marker at `r` stands where chrome puts it, on the line `a..<b`: first on
    /// the line (after spaces and opening brackets: 【关闭窗口】), last on it, or before a colon,
    /// a space, a bar or a closing bracket.
    private static func weakMarkerCounts(_ s: [Unicode.Scalar], _ r: Range<Int>, line a: Int, _ b: Int) -> Bool {
        var k = a
        while k < r.lowerBound && (isTrimmed(s[k]) || openings.contains(s[k])) { k += 1 }
        if k == r.lowerBound { return true }
        var e = r.upperBound
        while e < b && (isTrimmed(s[e]) || s[e] == "\r") { e += 1 }
        if e >= b { return true }
        return followers.contains(s[r.upperBound])
    }

    private static let openings: Set<Unicode.Scalar> = ["【", "[", "『", "(", "（", "|", "｜"]
    private static let followers: Set<Unicode.Scalar> = ["：", ":", " ", "|", "｜", "\u{3000}", "】", "]", "』", ")", "）", "\r", "\t"]

    /// Characters trimmed from both ends of a line before it is judged.
    private static func isTrimmed(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "•" || c == "·" || c == "\u{3000}"
    }

    /// A chrome word's place and whether it is a weak one (``weakMarkers``).
    typealias Marker = (start: Int, end: Int, weak: Bool)

    /// The chrome of `s`, with its chrome words (found by ``DocumentWords/scan(_:)``) in order of
    /// their ends.
    ///
    /// - Complexity: O(*n*), plus O(length) per line of at most 60 characters.
    init(_ s: [Unicode.Scalar], markers markerAt: [Marker]) {
        var nextMarker = 0
        var start = 0
        var lineIndex = 0
        var bodyStarted = false
        var titleLine: Range<Int>?
        var dayHeading = false
        var storyHeadings = 0
        var firstStory: String?
        defer { if dayHeading && storyHeadings == 1, let story = firstStory, story.unicodeScalars.count >= 4 { title = story } }
        var i = 0
        while i <= s.count {
            // The end of the line starting at `start`.
            while i < s.count && s[i] != "\n" { i += 1 }
            defer { i += 1; start = i; lineIndex += 1 }
            while nextMarker < markerAt.count && markerAt[nextMarker].start < start { nextMarker += 1 }
            var lineHasMarker = false
            var m = nextMarker
            while m < markerAt.count && markerAt[m].start < i {
                if !markerAt[m].weak || Self.weakMarkerCounts(s, markerAt[m].start..<markerAt[m].end, line: start, i) {
                    lineHasMarker = true
                    break
                }
                m += 1
            }
            // A line that is a link and nothing else ([查看原文](https://…), a bare address) is chrome
            // however long.
            if Self.isLinkLine(s, start, i) {
                lines.append(start..<i)
                // A news site's address holds its day (tv.cctv.com/2023/12/12/…): the page's, when no
                // date line gave it.
                if published == nil { published = Self.pathDate(s, start, i) }
                continue
            }
            // A Markdown heading opening the page is its title however long (### …).
            let heading = start < i && s[start] == "#" && i - start <= 160 ? Self.headingText(s, start, i) : nil
            if !bodyStarted && title == nil, let h = heading, h.count >= 8 {
                title = String(scalars: s[h])
                titleLine = start..<i
                let day = Self.compactDate(s, h.lowerBound, h.upperBound)
                if published == nil { published = day }
                dayHeading = day != nil
                continue
            }
            // Under a day's heading (# 《新闻联播》（20230612）), a page of one story is titled by the
            // story's heading (### …); a page of several keeps the day's.
            if let h = heading {
                storyHeadings += 1
                if storyHeadings == 1 { firstStory = String(scalars: s[h]) }
            }
            // Long lines are article text: chrome lines are short.
            if i - start > 60 {
                bodyStarted = true
                continue
            }
            var a = start, b = i
            while a < b && Self.isTrimmed(s[a]) { a += 1 }
            while b > a && (Self.isTrimmed(s[b - 1]) || s[b - 1] == "\r") { b -= 1 }
            let length = b - a
            if length == 0 { continue }
            var han = 0
            var firstDigit = -1
            var hasFullStop = false
            for k in a..<b {
                let v = s[k].value
                if v >= 0x4E00 && v <= 0x9FFF { han += 1 }  // (not full-width marks: ：)
                if firstDigit < 0 && s.isDigit(at: k) { firstDigit = k }
                if s[k] == "。" { hasFullStop = true }
            }
            let isDateLine = length <= 24 && firstDigit >= 0 && Day(scalars: s, at: firstDigit, end: b) != nil && han <= 8
            if published == nil, firstDigit >= 0, lineIndex < 20 || isDateLine, let d = Self.findDate(s, from: firstDigit, to: b) ?? Self.compactDate(s, a, b) {
                published = d
            }
            // (A dateline with its marks runs up to 60: 2024年08月25日 16:40  来源:…融媒体中心  浏览:2316次;
            // not a paragraph opening with a date, which has more words and a comma.)
            // A menu: items between bars (首页 | 机构职能 | 政务公开 | …), no sentence marks.
            var bars = 0
            var arrows = 0
            for k in a..<b where s[k] == "|" || s[k] == "｜" { bars += 1 }
            for k in a..<b where s[k] == ">" || s[k] == "＞" || s[k] == "»" || s[k] == "›" { arrows += 1 }
            // (Or a breadcrumb: 新华网 > 地方 > 正文.)
            // (Not a table's row in the article: | 北京市 | 内蒙古自治区 | 300万元 |.)
            let menu = (bars >= 3 || (arrows >= 2 && length <= 40)) && !hasFullStop && !(a..<b).contains { s[$0] == "，" }
                && !(bodyStarted && (s[a] == "|" || s[b - 1] == "|"))
                || Self.isEditionLine(s, a, b)
            let hasMarker = menu || lineHasMarker && (length <= 40 || (firstDigit >= a && firstDigit - a <= 5 && han <= 24 && !(a..<b).contains { s[$0] == "，" }
                && Day(scalars: s, at: firstDigit, end: b) != nil))
            let tiny = length <= 4 && !hasFullStop
            // A site's name above the title (六盘水日报, 承德新闻网, 西湖区人民政府门户网站).
            let siteName = !bodyStarted && title == nil && length <= 16 && !hasFullStop && !(a..<b).contains { s[$0] == "，" }
                && Self.isSiteName(s, a, b)
            if hasMarker || isDateLine || tiny || siteName {
                // A first line taken for the title, right above the menu, is the site's name
                // (天津市合作交流办公室 above 首页 | 机构职能 | …).
                if menu || Self.navigation(s, a, b), let first = titleLine, first.lowerBound == 0, (first.upperBound..<start).allSatisfy({ s[$0] == "\n" || s[$0] == "\r" || Self.isTrimmed(s[$0]) }),
                   first.count <= 20 {
                    lines.append(first)
                    title = nil
                    titleLine = nil
                }
                lines.append(start..<i)
                continue
            }
            if !bodyStarted && title == nil && length >= 8 && s[b - 1] != "。" {
                // A Markdown heading's marks are no part of the title (# 《新闻联播》（20240212）).
                var t = a
                while t < b && (s[t] == "#" || s[t] == " ") { t += 1 }
                var v = String.UnicodeScalarView()
                v.append(contentsOf: s[t..<b])
                title = String(v)
                titleLine = start..<i
            }
            if length > 40 { bodyStarted = true }
        }
    }

    /// Whether the line `s[a..<b]` is a link alone: a Markdown link `[text](address)` or an
    /// address starting with http, after spaces.
    static func isLinkLine(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        var k = a
        while k < b && isTrimmed(s[k]) { k += 1 }
        var e = b
        while e > k && (isTrimmed(s[e - 1]) || s[e - 1] == "\r") { e -= 1 }
        guard e - k >= 8 else { return false }
        if s[k] == "[", s[e - 1] == ")", let close = (k..<e).first(where: { s[$0] == "]" }), close + 1 < e, s[close + 1] == "(",
           !s[(close + 2)..<(e - 1)].contains(where: { $0 == " " || $0 == ")" }) {
            return true
        }
        return s.hasWord(Self.http, at: k) && !s[k..<e].contains(" ")
    }
    static let http = Array("http".unicodeScalars)

    /// The day in an address's path (`/2023/12/12/`, `/2023-12-12/`), or nil.
    static func pathDate(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Day? {
        var k = a
        while k + 10 <= b {
            if s[k] == "/", let y = s.digitRun(at: k + 1), y.end - k - 1 == 4, y.end < b, s[y.end] == "/" || s[y.end] == "-",
               let m = s.digitRun(at: y.end + 1, maxDigits: 2), m.end < b, s[m.end] == s[y.end],
               let d = s.digitRun(at: m.end + 1, maxDigits: 2), d.end < b, s[d.end] == "/",
               (1990...2100).contains(y.value), (1...12).contains(m.value), (1...Day.daysIn(m.value, y.value)).contains(d.value) {
                return Day(year: y.value, month: m.value, day: d.value)
            }
            k += 1
        }
        return nil
    }

    /// A day written as eight digits in brackets on a heading line (《新闻联播》（20230224）), or nil.
    static func compactDate(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Day? {
        for k in a..<b where s[k] == "（" || s[k] == "(" {
            guard let run = s.digitRun(at: k + 1, maxDigits: 8), run.end - k - 1 == 8, run.end < b, s[run.end] == "）" || s[run.end] == ")" else { continue }
            let y = run.value / 10000, m = run.value / 100 % 100, d = run.value % 100
            if (1990...2100).contains(y), (1...12).contains(m), (1...Day.daysIn(m, y)).contains(d) { return Day(year: y, month: m, day: d) }
        }
        return nil
    }

    /// The text of the Markdown heading on the line `s[a..<b]` (without its marks and the spaces
    /// around it).
    static func headingText(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Range<Int> {
        var t = a
        while t < b && (s[t] == "#" || s[t] == " ") { t += 1 }
        var e = b
        while e > t && (isTrimmed(s[e - 1]) || s[e - 1] == "\r") { e -= 1 }
        return t..<e
    }

    /// Whether the line opens with 首页 (a site's navigation).
    static func navigation(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool { b - a >= 2 && s[a] == "首" && s[a + 1] == "页" }

    /// A paper's page line: 第01版：要闻, 第3版 (a number between 第 and 版 opening the line).
    static func isEditionLine(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        guard b - a <= 30, s[a] == "第", let digits = s.digitRun(at: a + 1), digits.end < b else { return false }
        return s[digits.end] == "版"
    }

    /// How the names of news sites and papers end.
    static let siteWords = ["日报", "晚报", "新闻网", "门户网站", "人民政府", "融媒体中心", "电视台"].map { Array($0.unicodeScalars) }

    /// Whether the line `s[a..<b]` is a site's or paper's name (六盘水日报, 承德新闻网, 央视网); a
    /// short headline ending in 网 or 新闻 names the net or the news (国家电网, 联播新闻) only when
    /// longer than a site's name.
    static func isSiteName(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        if siteWords.contains(where: { b - a > $0.count && s.hasWord($0, at: b - $0.count) }) { return true }
        guard b - a <= 6, b - a >= 2 else { return false }
        if s[b - 1] == "网" { return !"电联".unicodeScalars.contains(s[b - 2]) }
        return b - a >= 3 && s[b - 2] == "新" && s[b - 1] == "闻"
    }

    /// The first date written in `s[from..<to]` (a run of digits starting a full date).
    static func findDate(_ s: [Unicode.Scalar], from: Int, to: Int) -> Day? {
        var k = from
        while k < to {
            if s.isDigit(at: k) && !s.isDigit(at: k - 1), let d = Day(scalars: s, at: k, end: to) { return d }
            k += 1
        }
        return nil
    }

    /// Whether `position` lies on a chrome line.
    ///
    /// - Complexity: O(log *lines*).
    func contains(_ position: Int) -> Bool {
        var lo = 0, hi = lines.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lines[mid].upperBound <= position { lo = mid + 1 } else { hi = mid }
        }
        return lo < lines.count && lines[lo].contains(position)
    }
}
