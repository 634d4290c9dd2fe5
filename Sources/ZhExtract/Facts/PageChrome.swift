import ZhMatch

/// Page chrome around an article: menus, app prompts, share buttons, source and editor lines,
/// ICP and copyright lines. Facts are not taken from it, except the page's own metadata
/// (publication date, source, editor).
struct PageChrome {
    /// Line ranges (code points) judged chrome.
    var lines: [Range<Int>] = []
    var title: String?
    var published: Day?

    static let markers = ["下载客户端", "扫码", "登录", "分享到", "字号", "听全文", "当前位置", "首页", "来源", "编辑", "责任编辑",
                          "发布时间", "发布日期", "ICP", "备案", "©", "版权所有", "Copyright", "相关文章", "相关阅读", "打印", "关闭",
                          "公众号", "APP", "Logo", "作者", "浏览次数", "阅读", "点击", "返回顶部", "上一篇", "下一篇", "收藏", "关注", "政府网", "网站地图", "联系我们", "主办", "承办"]

    static let markerMatcher = try! PatternMatcher(patterns: markers, kind: .overlapping)

    init(_ s: [Unicode.Scalar], text: String) {
        // Marker words, found in one pass over the text.
        var markerAt: [Int] = []
        Self.markerMatcher.forEachMatch(in: text) { m in
            markerAt.append(m.start)
            return true
        }
        var nextMarker = 0
        var start = 0
        var lineIndex = 0
        var bodyStarted = false
        for i in 0...s.count where i == s.count || s[i] == "\n" {
            defer { start = i + 1; lineIndex += 1 }
            // Long lines are article text: chrome lines are short.
            while nextMarker < markerAt.count && markerAt[nextMarker] < start { nextMarker += 1 }
            let lineHasMarker = nextMarker < markerAt.count && markerAt[nextMarker] < i
            if i - start > 60 {
                bodyStarted = true
                continue
            }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: s[start..<i])
            let line = String(v)
            let trimmed = line.trimmingCharacters(in: " \t•·\u{3000}")
            if trimmed.isEmpty { continue }
            let isDateLine = trimmed.count <= 24 && Day(parsing: Substring(trimmed.drop(while: { !($0.isASCII && $0.isNumber) }))) != nil
                && trimmed.filter({ $0.unicodeScalars.first!.value >= 0x4E00 }).count <= 8
            if published == nil, let d = Self.findDate(line), lineIndex < 20 || isDateLine { published = d }
            let hasMarker = lineHasMarker && trimmed.count <= 40
            let tiny = trimmed.count <= 4 && !trimmed.contains("。")
            if hasMarker || isDateLine || tiny {
                lines.append(start..<i)
                continue
            }
            if !bodyStarted && title == nil && trimmed.count >= 8 && !trimmed.hasSuffix("。") {
                title = trimmed
            }
            if trimmed.count > 40 { bodyStarted = true }
        }
    }

    static func findDate(_ line: String) -> Day? {
        var idx = line.startIndex
        while idx < line.endIndex {
            if line[idx].isASCII && line[idx].isNumber, idx == line.startIndex || !(line[line.index(before: idx)].isASCII && line[line.index(before: idx)].isNumber),
               let d = Day(parsing: line[idx...]) {
                return d
            }
            idx = line.index(after: idx)
        }
        return nil
    }

    func contains(_ position: Int) -> Bool { lines.contains { $0.contains(position) } }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
