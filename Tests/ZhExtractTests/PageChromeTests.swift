import Testing
import ZhExtract

@Suite("Page chrome")
struct PageChromeTests {
    @Test("chrome lines are found by their words; headlines using the same words as verbs are not chrome")
    func markers() {
        let lines = [
            "首页 > 新闻 > 正文",
            "报告关注全球多地粮食不安全状况",
            "来源：新华社",
            "广州将承办第十五届全运会开幕式",
            "王沪宁看望新闻工作者代表",
            "责任编辑：张三",
            "打印 关闭",
            "【打印本页】【关闭窗口】",
            "新华社北京12月21日电 十四届全国人大常委会第十三次会议21日在北京举行，会议听取了有关报告，审议了多项法律草案，并作出相关决定。",
        ]
        let text = lines.joined(separator: "\n")
        let r = Extractor().extract(text)
        let scalars = Array(text.unicodeScalars)
        let chrome = Set(r.boilerplate.map { String(String.UnicodeScalarView(scalars[$0])).trimmingCharacters(in: .whitespaces) })
        #expect(chrome == ["首页 > 新闻 > 正文", "来源：新华社", "责任编辑：张三", "打印 关闭", "【打印本页】【关闭窗口】"], "\(chrome)")
        // Facts in a headline are kept.
        #expect(r.places.contains { $0.fullName == "广州市" })
    }
}
