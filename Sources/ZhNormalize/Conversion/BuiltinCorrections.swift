/// The project's own corrections to ICU's conversion: words where ICU (and OpenCC) pick the
/// wrong character, written as phrases so they generalize to other text using the same words.
enum BuiltinCorrections {
    struct Entry {
        var key: String
        var value: String
        var context: ConversionTable.OverlayContext? = nil
    }

    static func entries(target: ScriptConverter.Target, variant: ScriptConverter.Variant) -> [Entry] {
        switch target {
        case .traditional:
            var list = pairs(toTraditional).map { Entry(key: $0.0, value: $0.1) }
            // 余 after a number written in digits is 餘 ("300余人"); ICU knows only Chinese numerals.
            list.append(Entry(key: "余", value: "餘", context: .init(set: Set("0123456789０１２３４５６７８９".unicodeScalars.map(\.value)), negated: false)))
            return list
        case .simplified:
            var list = pairs(toSimplified).map { Entry(key: $0.0, value: $0.1) }
            // 乾 as a given name (qián) stays 乾 after a surname: 徐乾學 -> 徐乾学, unless the
            // next character makes it "dry" (乾淨, 乾燥...), which the phrase list handles.
            list.append(Entry(key: "乾", value: "乾",
                              context: .init(set: Set(Surnames.common.unicodeScalars.filter { $0.value >= 0x3400 }.map(\.value)), negated: false)))
            return list
        }
    }

    private static func pairs(_ s: String) -> [(String, String)] {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { item in
            let parts = item.split(separator: ">")
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
    }

    /// Simplified to traditional. 准 meaning "accurate, standard" is 準 (ICU keeps 准);
    /// 里 meaning "inside" is 裏; 并 as "and" is 並 even before 发 (ICU reads 并发 "concurrent").
    static let toTraditional = """
        精准>精準 准确>準確 准确性>準確性 准时>準時 标准>標準 水准>水準 基准>基準 准则>準則 瞄准>瞄準 对准>對準
        精准扶贫>精準扶貧 精准施策>精準施策 精准脱贫>精準脫貧 准备>準備 准星>準星 定准>定準 准点>準點 校准>校準
        时间里>時間裏 这里>這裏 那里>那裏 哪里>哪裏 心里>心裏 家里>家裏 夜里>夜裏 手里>手裏 眼里>眼裏 村里>村裏
        城里>城裏 县里>縣裏 屋里>屋裏 里面>裏面 里边>裏邊 年里>年裏 日子里>日子裏 过程里>過程裏 骨子里>骨子裏
        并发布>並發布 并发出>並發出 并发表>並發表 并发放>並發放 并发展>並發展 并发挥>並發揮 并发现>並發現 并发起>並發起
        并发生>並發生 并发文>並發文 并发言>並發言 并且>並且 并非>並非 并不>並不 并没有>並沒有
        不放松>不放鬆 放松>放鬆 松懈>鬆懈 轻松>輕鬆 宽松>寬鬆
        台湾>臺灣 台北>臺北 台南>臺南 台中>臺中 台东>臺東 舞台>舞臺 平台>平臺 讲台>講臺 电台>電臺 月台>月臺 阳台>陽臺
        后台>後臺 前台>前臺 台阶>臺階 柜台>櫃檯 吧台>吧檯 写字台>寫字檯 梳妆台>梳妝檯 台灯>檯燈 台球>檯球 台风>颱風
        钟情>鍾情 钟爱>鍾愛 重复>重複 复杂>複雜 复制>複製 复印>複印 复合>複合 复数>複數 反复>反覆 答复>答覆 颠覆>顛覆
        饭团>飯糰 恶心>噁心 书签>書籤 标签>標籤 抽签>抽籤 折叠>摺疊 折扇>摺扇 动荡>動盪 震荡>震盪 沉淀>沉澱 淀粉>澱粉
        方便面>方便麵 面条>麵條 面粉>麵粉 面包>麵包 拉面>拉麵 挂面>掛麵 汤面>湯麵 面食>麵食 凉面>涼麵
        头发>頭髮 理发>理髮 白发>白髮 发型>髮型 发廊>髮廊 假发>假髮 毛发>毛髮 短发>短髮 长发>長髮 秀发>秀髮
        干燥>乾燥 干净>乾淨 饼干>餅乾 干杯>乾杯 干旱>乾旱 干脆>乾脆 干枯>乾枯 晒干>曬乾 烘干>烘乾 干货>乾貨
        树干>樹幹 骨干>骨幹 干部>幹部 干活>幹活 能干>能幹 才干>才幹 主干>主幹 干线>幹線 干劲>幹勁 精干>精幹
        若干>若干 干涉>干涉 干扰>干擾 干预>干預 相干>相干 天干>天干 干戈>干戈
        什么>什麼 为什么>為什麼 尽快>儘快 尽量>儘量 尽早>儘早 尽管>儘管 扎实>紮實 扎根>紮根 驻扎>駐紮 扎营>紮營 包扎>包紮
        研制>研製 摄制>攝製 监制>監製 定制>定製 一周>一週 每周>每週 上周>上週 下周>下週 本周>本週 周末>週末 周年>週年
        周刊>週刊 周报>週報 周期>週期 周岁>週歲
        """

    /// Traditional to simplified: names and reign titles keep 乾 (ICU makes 干); 著 as "to apply" is 着.
    static let toSimplified = """
        乾隆>乾隆 乾坤>乾坤 乾安>乾安 乾縣>乾县 乾陵>乾陵 乾州>乾州 乾清宮>乾清宫 乾元>乾元 乾卦>乾卦 乾嘉>乾嘉
        乾道>乾道 乾寧>乾宁 乾德>乾德 乾封>乾封 乾綱>乾纲
        乾淨>干净 乾燥>干燥 乾杯>干杯 乾旱>干旱 乾脆>干脆 乾枯>干枯 乾涸>干涸
        著力>着力 著手>着手 著眼>着眼 著重>着重 著想>着想 著落>着落 著急>着急 著迷>着迷 著陸>着陆 沉著>沉着
        瞭望>瞭望 瞭哨>瞭哨 慰藉>慰藉 狼藉>狼藉 枕藉>枕藉 藉藉>藉藉 反覆>反复 答覆>答复 祇是>只是 祇有>只有 祇要>只要
        神祇>神祇 矇騙>蒙骗 矇矓>蒙眬 甚麼>什么
        """

    /// Regional forms, applied to traditional output (same length, so offsets are unchanged):
    /// OpenCC's variant tables (generated, `Variants+Data.swift`), then the project's own
    /// entries for forms ICU writes that those tables do not cover.
    static func variantPairs(_ variant: ScriptConverter.Variant) -> [(String, String)] {
        switch variant {
        case .standard: return []
        case .taiwan: return pairs(taiwanVariants) + pairs(taiwanForms)
        case .hongKong: return pairs(hongKongVariants) + pairs(hongKongForms)
        }
    }

    /// Taiwan: 裏 as 裡 in the words ZhKit's corrections write with 裏, and forms of Hong Kong
    /// or older print that Taiwan writes otherwise.
    static let taiwanForms = """
        時間裏>時間裡 這裏>這裡 那裏>那裡 哪裏>哪裡 心裏>心裡 家裏>家裡 裏面>裡面 綫>線 説>說 悦>悅 脱>脫 税>稅 兑>兌
        鷄>雞 内>內 户>戶 吿>告 衞>衛
        """

    /// Hong Kong: forms ICU writes that Hong Kong writes otherwise.
    static let hongKongForms = """
        裡>裏 着>着
        """
}

/// Common single-character surnames (the project's own list), used where a name changes how a
/// character converts.
enum Surnames {
    static let common = """
        王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣
        蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀
        顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿
        关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈
        饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟
        应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺虞
        """
}
