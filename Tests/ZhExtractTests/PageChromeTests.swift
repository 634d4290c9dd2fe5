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

    @Test("a site's name above the title is chrome (its place is the page's own); a short headline naming a net is not")
    func siteName() {
        for site in ["六盘水日报", "承德新闻网", "杭州市西湖区人民政府门户网站", "央视网"] {
            let r = Extractor().extract(site + "\n首页 | 时政 | 专题\n天津市考察团来承对接对口帮扶工作\n8月20日，天津市考察团来承考察。")
            #expect(r.boilerplate.first == 0..<site.unicodeScalars.count, "\(site)")
            #expect(r.title == "天津市考察团来承对接对口帮扶工作", "\(site)")
        }
        let grid = Extractor().extract("李强考察国家电网\n李强在北京考察国家电网公司。")
        #expect(grid.boilerplate.isEmpty && grid.title == "李强考察国家电网")
    }

    @Test("a menu of bars, a paper's page line, and a first line right above the menu are chrome")
    func menus() {
        let text = "天津市合作交流办公室\n首页 | 机构职能 | 政务公开 | 对口支援 | 东西部协作 | 对口合作 | 互动交流\n“十四五”以来天津对口支援和田工作综述\n天津市对口支援和田地区。"
        let r = Extractor().extract(text)
        #expect(r.title == "“十四五”以来天津对口支援和田工作综述")
        #expect(r.boilerplate.count == 2 && r.boilerplate.first?.lowerBound == 0)
        let paper = Extractor().extract("数字报 | 首页 | 时政 | 专题\n第01版：要闻　2019年06月20日\n穆怀远会见大连市党政代表团\n本报讯，代表团来访。")
        #expect(paper.title == "穆怀远会见大连市党政代表团" && paper.published == Day(year: 2019, month: 6, day: 20))
        // A table's rows in the article are not a menu.
        let table = Extractor().extract("东西部协作结对关系调整后，各省市的结对关系如下表所示，请各地认真抓好落实，确保工作取得实效，不断巩固拓展脱贫攻坚成果。\n| 北京市 | 内蒙古自治区 | 300万元 |\n| 天津市 | 甘肃省 | 200万元 |")
        #expect(table.boilerplate.isEmpty && table.amounts.count == 2, "\(table.boilerplate)")
        // A breadcrumb is chrome.
        let crumb = Extractor().extract("新华网 > 地方 > 正文\n京沈对口合作成效显著\n新华社沈阳电，两市合作。")
        #expect(crumb.title == "京沈对口合作成效显著")
        // A headline right above a menu-like line keeps its place when it is long (a real title).
        let long = Extractor().extract("习近平在福建考察时强调推动高质量发展取得新进展\n首页 | 新闻\n正文。")
        #expect(long.title == "习近平在福建考察时强调推动高质量发展取得新进展")
    }

    @Test("the day of a page from its address or a heading's eight digits; a long Markdown heading is the title")
    func addressDay() {
        let story = "### 习近平对云南昭通市镇雄县山体滑坡作出重要指示 要求全力搜救失联人员 防范发生次生灾害 切实保障人民群众生命财产安全 李强作出批示\n**央视网消息**：22日，习近平作出重要指示。\n\n[查看原文](https://tv.cctv.com/2024/01/22/VIDEabc.shtml)"
        let r = Extractor().extract(story)
        #expect(r.published == Day(year: 2024, month: 1, day: 22))
        #expect(r.title?.hasPrefix("习近平对云南昭通市镇雄县山体滑坡") == true)
        #expect(r.dates.first?.start == "2024-01-22")
        #expect(Extractor().extract("# 《新闻联播》（20230224）\n\n今天的主要内容。").published == Day(year: 2023, month: 2, day: 24))
        // Under a day's heading, one story's heading is the title; several keep the day's.
        #expect(Extractor().extract("# 《新闻联播》（20230612）\n### 习近平同洪都拉斯总统举行会谈\n正文。").title == "习近平同洪都拉斯总统举行会谈")
        #expect(Extractor().extract("# 《新闻联播》（20230612）\n### 习近平同洪都拉斯总统举行会谈\n正文。\n### 国务院常务会议召开\n正文。").title
                == "《新闻联播》（20230612）")
    }

    @Test("a dateline of full-width marks is chrome (：counts as no character of text)")
    func fullWidthDateline() {
        let text = "上海市黄浦区党政代表团到江孜县考察对口支援工作\n时间：2024年08月12日 10:33　来源：江孜县融媒体中心　责任编辑：白玛央金\n8月6日至9日，代表团到江孜县考察。"
        let r = Extractor().extract(text)
        #expect(r.boilerplate.count == 1 && r.published == Day(year: 2024, month: 8, day: 12))
        #expect(r.dates.map(\.text) == ["8月6日至9日"])
    }

    @Test("a long dateline with its marks is chrome: its date is the publication's, not a fact of the text")
    func dateline() {
        let text = "代表团赴北京考察\n2024年08月25日 16:40  来源:察右前旗融媒体中心  浏览:2316次\n\n8月20日至22日，代表团赴北京市大兴区考察。"
        let r = Extractor().extract(text)
        #expect(r.published == Day(year: 2024, month: 8, day: 25))
        #expect(r.dates.map(\.text) == ["8月20日至22日"])
        #expect(r.boilerplate.count == 1)
    }

    @Test("Markdown: a heading's marks are no part of the title; link lines are chrome; 更新时间")
    func markdown() {
        let text = "# 《新闻联播》（20240212）\n\n[查看原文](https://tv.cctv.com/2024/02/12/VIDE1234567890abcdef.shtml)\n\n本台记者报道，今天各地举行活动。\n\n更新时间：2024-02-13T01:49:34"
        let r = Extractor().extract(text)
        #expect(r.title == "《新闻联播》（20240212）")
        #expect(r.boilerplate.count == 2)
    }
}
