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
            return pairs(toTraditional).map { Entry(key: $0.0, value: $0.1) }
        case .simplified:
            var list = pairs(toSimplified).map { Entry(key: $0.0, value: $0.1) }
            // 乾 as a given name (qián) stays 乾 after a surname: 徐乾學 -> 徐乾学, unless the
            // next character makes it "dry" (乾淨, 乾燥...), which the phrase list handles.
            list.append(Entry(key: "乾", value: "乾",
                              context: .init(set: Set(Surnames.common.unicodeScalars.map(\.value)), negated: false)))
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
        """

    /// Traditional to simplified: names and reign titles keep 乾 (ICU makes 干); 著 as "to apply" is 着.
    static let toSimplified = """
        乾隆>乾隆 乾坤>乾坤 乾安>乾安 乾縣>乾县 乾陵>乾陵 乾州>乾州 乾清宮>乾清宫 乾元>乾元 乾卦>乾卦 乾嘉>乾嘉
        乾道>乾道 乾寧>乾宁 乾德>乾德 乾封>乾封 乾綱>乾纲
        乾淨>干净 乾燥>干燥 乾杯>干杯 乾旱>干旱 乾脆>干脆 乾枯>干枯 乾涸>干涸
        著力>着力 著手>着手 著眼>着眼 著重>着重 著想>着想 著落>着落 著急>着急 著迷>着迷 著陸>着陆 沉著>沉着
        """

    /// Regional forms, applied to traditional output (same length, so offsets are unchanged).
    static func variantPairs(_ variant: ScriptConverter.Variant) -> [(String, String)] {
        switch variant {
        case .standard: return []
        case .taiwan: return pairs(taiwanForms)
        case .hongKong: return pairs(hongKongForms)
        }
    }

    static let taiwanForms = """
        裏>裡 時間裏>時間裡 這裏>這裡 那裏>那裡 哪裏>哪裡 心裏>心裡 家裏>家裡 裏面>裡面 爲>為 僞>偽 衆>眾 綫>線
        啓>啟 溫>溫 説>說 悦>悅 脱>脫 税>稅 兑>兌 峯>峰 鷄>雞 麪>麵 着>著 内>內 户>戶 吿>告 衞>衛 強>強
        """

    static let hongKongForms = """
        裡>裏 為>爲 偽>僞 眾>衆 線>綫 啟>啓 說>説 悅>悦 脫>脱 稅>税 兌>兑 峰>峯 雞>鷄 着>着 內>內 戶>戶 衛>衞
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
