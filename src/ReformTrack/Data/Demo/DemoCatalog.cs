using ReformTrack.Modules.Organisation;

namespace ReformTrack.Data;

/// <summary>A unit of the demo tree; <see cref="Parent"/> is the code of the unit above.</summary>
internal sealed record DemoUnit(string Code, string Name, string ShortName, UnitKind Kind, string? Parent);

/// <summary>A key task of the demo programme with its sub-tasks, document topics and measures.</summary>
internal sealed record DemoKeyTask(
    string Code,
    string Title,
    string[] SubTasks,
    string[] Topics,
    string[] Actions,
    string[] LeadDepartments,
    string[] Tags);

/// <summary>
/// The fixed texts of the "Fuzhou 2014–2022" demonstration programme: the reform structure,
/// the four aspects and ten key tasks, and the wording a municipal reform office would use.
/// </summary>
internal static class DemoCatalog
{
    public const string Commission = "FZ";
    public const string Office = "FZ-OFFICE";

    public static readonly DemoUnit[] Units =
    [
        new(Commission, "中共福州市委全面深化改革委员会", "市委深改委", UnitKind.Commission, null),
        new(Office, "中共福州市委全面深化改革委员会办公室", "市委改革办", UnitKind.Office, Commission),

        new("FZ-G01", "经济体制和生态文明体制改革专项小组", "经济生态专项小组", UnitKind.WorkingGroup, Commission),
        new("FZ-G02", "民主法制领域改革专项小组", "民主法制专项小组", UnitKind.WorkingGroup, Commission),
        new("FZ-G03", "文化体制改革专项小组", "文化体制专项小组", UnitKind.WorkingGroup, Commission),
        new("FZ-G04", "社会体制改革专项小组", "社会体制专项小组", UnitKind.WorkingGroup, Commission),
        new("FZ-G05", "党的建设制度改革专项小组", "党建制度专项小组", UnitKind.WorkingGroup, Commission),
        new("FZ-G06", "纪律检查体制改革专项小组", "纪检体制专项小组", UnitKind.WorkingGroup, Commission),
        new("FZ-G07", "政务服务和营商环境改革专项小组", "营商环境专项小组", UnitKind.WorkingGroup, Commission),
        new("FZ-G08", "国资国企改革专项小组", "国资国企专项小组", UnitKind.WorkingGroup, Commission),
        new("FZ-G09", "农业农村改革专项小组", "农业农村专项小组", UnitKind.WorkingGroup, Commission),
        new("FZ-G10", "对外开放和自贸试验区改革专项小组", "对外开放专项小组", UnitKind.WorkingGroup, Commission),

        new("FZ-GL", "鼓楼区委全面深化改革委员会办公室", "鼓楼区", UnitKind.DistrictOffice, Commission),
        new("FZ-TJ", "台江区委全面深化改革委员会办公室", "台江区", UnitKind.DistrictOffice, Commission),
        new("FZ-CS", "仓山区委全面深化改革委员会办公室", "仓山区", UnitKind.DistrictOffice, Commission),
        new("FZ-JA", "晋安区委全面深化改革委员会办公室", "晋安区", UnitKind.DistrictOffice, Commission),
        new("FZ-MW", "马尾区委全面深化改革委员会办公室", "马尾区", UnitKind.DistrictOffice, Commission),
        new("FZ-CL", "长乐区委全面深化改革委员会办公室", "长乐区", UnitKind.DistrictOffice, Commission),
        new("FZ-FQ", "福清市委全面深化改革委员会办公室", "福清市", UnitKind.DistrictOffice, Commission),
        new("FZ-MH", "闽侯县委全面深化改革委员会办公室", "闽侯县", UnitKind.DistrictOffice, Commission),
        new("FZ-LJ", "连江县委全面深化改革委员会办公室", "连江县", UnitKind.DistrictOffice, Commission),
        new("FZ-LY", "罗源县委全面深化改革委员会办公室", "罗源县", UnitKind.DistrictOffice, Commission),
        new("FZ-MQ", "闽清县委全面深化改革委员会办公室", "闽清县", UnitKind.DistrictOffice, Commission),
        new("FZ-YT", "永泰县委全面深化改革委员会办公室", "永泰县", UnitKind.DistrictOffice, Commission),
        new("FZ-XQ", "福州新区改革工作办公室", "福州新区", UnitKind.DistrictOffice, Commission),
        new("FZ-FTZ", "中国（福建）自由贸易试验区福州片区管委会改革办", "自贸试验区福州片区", UnitKind.DistrictOffice, Commission),

        new("FZ-D-FGW", "福州市发展和改革委员会", "市发改委", UnitKind.Department, Commission),
        new("FZ-D-GXJ", "福州市工业和信息化局", "市工信局", UnitKind.Department, Commission),
        new("FZ-D-CZJ", "福州市财政局", "市财政局", UnitKind.Department, Commission),
        new("FZ-D-JYJ", "福州市教育局", "市教育局", UnitKind.Department, Commission),
        new("FZ-D-WJW", "福州市卫生健康委员会", "市卫健委", UnitKind.Department, Commission),
        new("FZ-D-STHJ", "福州市生态环境局", "市生态环境局", UnitKind.Department, Commission),
        new("FZ-D-SWJ", "福州市商务局", "市商务局", UnitKind.Department, Commission),
        new("FZ-D-SJJ", "福州市大数据发展管理委员会", "市数据管理局", UnitKind.Department, Commission),
        new("FZ-D-KJJ", "福州市科学技术局", "市科技局", UnitKind.Department, Commission),
        new("FZ-D-ZRZY", "福州市自然资源和规划局", "市自然资源和规划局", UnitKind.Department, Commission),
        new("FZ-D-ZJJ", "福州市城乡建设局", "市建设局", UnitKind.Department, Commission),
        new("FZ-D-CGW", "福州市城市管理委员会", "市城管委", UnitKind.Department, Commission),
        new("FZ-D-SLJ", "福州市水利局", "市水利局", UnitKind.Department, Commission),
        new("FZ-D-NYNC", "福州市农业农村局", "市农业农村局", UnitKind.Department, Commission),
        new("FZ-D-MZJ", "福州市民政局", "市民政局", UnitKind.Department, Commission),
        new("FZ-D-RSJ", "福州市人力资源和社会保障局", "市人社局", UnitKind.Department, Commission),
        new("FZ-D-SCJG", "福州市市场监督管理局", "市市场监管局", UnitKind.Department, Commission),
        new("FZ-D-GZW", "福州市人民政府国有资产监督管理委员会", "市国资委", UnitKind.Department, Commission),
        new("FZ-D-XZFW", "福州市行政服务中心管理委员会", "市行政服务中心", UnitKind.Department, Commission),
        new("FZ-D-YBJ", "福州市医疗保障局", "市医保局", UnitKind.Department, Commission),
        new("FZ-D-JTJ", "福州市交通运输局", "市交通运输局", UnitKind.Department, Commission),
        new("FZ-D-HYYY", "福州市海洋与渔业局", "市海洋与渔业局", UnitKind.Department, Commission),
        new("FZ-D-WLJ", "福州市文化和旅游局", "市文旅局", UnitKind.Department, Commission),
        new("FZ-D-GAJ", "福州市公安局", "市公安局", UnitKind.Department, Commission),
        new("FZ-D-SFJ", "福州市司法局", "市司法局", UnitKind.Department, Commission),
        new("FZ-D-JRJ", "福州市地方金融监督管理局", "市金融监管局", UnitKind.Department, Commission),
        new("FZ-D-YLZX", "福州市园林中心", "市园林中心", UnitKind.Department, Commission),
        new("FZ-D-SJIJ", "福州市审计局", "市审计局", UnitKind.Department, Commission),
        new("FZ-D-TJJ", "福州市统计局", "市统计局", UnitKind.Department, Commission),
        new("FZ-D-YJJ", "福州市应急管理局", "市应急管理局", UnitKind.Department, Commission),
        new("FZ-D-KAB", "福州市人民政府口岸与物流办公室", "市口岸办", UnitKind.Department, Commission),

        new("FZ-GL-RJY", "福州软件园管理委员会", "福州软件园", UnitKind.Park, "FZ-GL"),
        new("FZ-CS-JSK", "金山工业区管理委员会", "金山工业区", UnitKind.Park, "FZ-CS"),
        new("FZ-MW-KFQ", "福州经济技术开发区管理委员会", "福州经济技术开发区", UnitKind.Park, "FZ-MW"),
        new("FZ-MW-GTJ", "马尾区国有资产投资集团有限公司", "马尾国投集团", UnitKind.Enterprise, "FZ-MW"),
        new("FZ-CL-LK", "长乐临空经济区管理委员会", "长乐临空经济区", UnitKind.Park, "FZ-CL"),
        new("FZ-CL-CT", "长乐区城市建设投资集团有限公司", "长乐城投集团", UnitKind.Enterprise, "FZ-CL"),
        new("FZ-FQ-RQ", "福清融侨经济技术开发区管理委员会", "融侨经济技术开发区", UnitKind.Park, "FZ-FQ"),
        new("FZ-FQ-JY", "江阴港城经济区管理委员会", "江阴港城经济区", UnitKind.Park, "FZ-FQ"),
        new("FZ-MH-GX", "福州高新技术产业开发区管理委员会", "福州高新区", UnitKind.Park, "FZ-MH"),
        new("FZ-LJ-KFQ", "连江经济开发区管理委员会", "连江经济开发区", UnitKind.Park, "FZ-LJ"),
        new("FZ-LY-KFQ", "罗源湾经济开发区管理委员会", "罗源湾经济开发区", UnitKind.Park, "FZ-LY"),
        new("FZ-D-GZW-CT", "福州城市建设投资集团有限公司", "福州城投集团", UnitKind.Enterprise, "FZ-D-GZW"),
        new("FZ-D-GZW-JT", "福州市交通建设集团有限公司", "福州交建集团", UnitKind.Enterprise, "FZ-D-GZW"),
        new("FZ-D-GZW-SW", "福州水务投资发展有限公司", "福州水务集团", UnitKind.Enterprise, "FZ-D-GZW"),
    ];

    /// <summary>The four aspects of the 11th Municipal Party Congress.</summary>
    public static readonly (string Code, string Title)[] Aspects =
    [
        ("A1", "机制活：以改革激发体制机制活力"),
        ("A2", "产业优：推动产业转型升级和高质量发展"),
        ("A3", "百姓富：改善民生、促进共同富裕"),
        ("A4", "生态美：建设生态文明和美丽福州"),
    ];

    /// <summary>The ten key tasks, each under the aspect at the same index in <see cref="AspectOfKeyTask"/>.</summary>
    public static readonly int[] AspectOfKeyTask = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3];

    public static readonly DemoKeyTask[] KeyTasks =
    [
        new("K01", "深化“放管服”改革，打造一流营商环境",
            ["推行政务服务“一趟不用跑”", "深化工程建设项目审批制度改革", "创新市场主体准入和事中事后监管"],
            ["优化营商环境", "政务服务“一趟不用跑”", "工程建设项目审批制度改革", "“证照分离”改革"],
            ["推行政务服务事项“一网通办”", "压缩企业开办时间至一个工作日内", "推进工程建设项目审批“多测合一”",
                "实现“证照分离”改革全覆盖", "建立“双随机、一公开”联合监管机制", "推行惠企政策“免申即享”",
                "推广市民服务中心“马上就办”工作法", "开展营商环境对标提升行动"],
            ["FZ-D-XZFW", "FZ-D-SCJG", "FZ-D-FGW", "FZ-D-ZJJ", "FZ-D-SJJ"],
            ["营商环境", "放管服"]),
        new("K02", "深化国资国企改革，增强国有经济活力",
            ["推进国有企业战略性重组", "稳妥推进混合所有制改革"],
            ["市属国有企业改革重组", "国有企业混合所有制改革", "国有资本投资运营公司改革"],
            ["推进市属国有企业战略性重组整合", "开展国有企业混合所有制改革试点", "完善国有资本授权经营体制",
                "健全国有企业市场化选人用人机制", "推行国有企业经理层任期制和契约化管理", "清理处置国有企业低效无效资产"],
            ["FZ-D-GZW", "FZ-D-CZJ", "FZ-D-GZW-CT", "FZ-D-GZW-JT", "FZ-D-GZW-SW"],
            ["国资国企"]),
        new("K03", "深化科技体制改革，建设创新型城市",
            ["促进科技成果转移转化", "创新人才发展体制机制", "建设知识产权强市"],
            ["科技成果转化", "人才发展体制机制改革", "知识产权强市建设"],
            ["建设国家自主创新示范区福州片区", "完善科技成果转化收益分配机制", "推进闽都创新实验室建设运行",
                "实施高层次人才集聚计划", "推行科技项目“揭榜挂帅”机制", "建立知识产权强市建设工作机制"],
            ["FZ-D-KJJ", "FZ-D-RSJ", "FZ-D-SCJG", "FZ-D-GXJ"],
            ["科技创新", "人才"]),
        new("K04", "推进园区标准化建设，实行产业链链长制",
            ["推进工业园区标准化建设", "实行重点产业链链长制"],
            ["工业园区标准化建设", "重点产业链链长制", "园区“亩均效益”评价"],
            ["开展工业园区标准化建设评估", "推行重点产业链“链长制”", "推进园区“亩均效益”综合评价",
                "建设标准化厂房和配套设施", "盘活园区闲置低效用地", "完善园区一站式企业服务"],
            ["FZ-D-GXJ", "FZ-D-ZRZY", "FZ-D-FGW", "FZ-MW-KFQ", "FZ-MH-GX", "FZ-FQ-RQ", "FZ-FQ-JY"],
            ["园区", "产业链"]),
        new("K05", "做大做强数字经济，建设数字福州",
            ["推进数字产业化和产业数字化", "建设数字政府和新型智慧城市"],
            ["数字福州建设", "公共数据资源开发利用", "新型智慧城市建设"],
            ["建设公共数据开放平台", "推进鲲鹏生态创新中心建设", "推动政务数据共享交换",
                "建设城市大脑运营管理中心", "推进5G网络和新型基础设施建设", "培育数字经济重点企业"],
            ["FZ-D-SJJ", "FZ-D-GXJ", "FZ-GL-RJY", "FZ-D-FGW"],
            ["数字经济", "数字政府"]),
        new("K06", "发展海洋经济，推进高水平对外开放",
            ["建设“海上福州”", "深化自贸试验区制度创新"],
            ["海洋经济高质量发展", "自贸试验区福州片区制度创新", "“两国双园”建设", "国家物流枢纽城市建设"],
            ["推进养殖海域使用权“三权分置”改革", "建设国家海洋经济发展示范区", "开展自贸试验区制度创新复制推广",
                "推进“两国双园”合作机制建设", "常态化开行中欧、中老班列", "建设国家物流枢纽城市"],
            ["FZ-D-HYYY", "FZ-D-SWJ", "FZ-FTZ", "FZ-D-KAB", "FZ-D-JTJ", "FZ-XQ"],
            ["海洋经济", "对外开放", "自贸试验区"]),
        new("K07", "深化医药卫生体制改革，建设健康福州",
            ["推进“三医联动”改革", "推进分级诊疗制度建设"],
            ["“三医联动”综合改革", "紧密型县域医共体建设", "公立医院综合改革"],
            ["推进医疗、医保、医药联动改革", "建设国家区域医疗中心", "推进紧密型县域医共体建设",
                "落实药品耗材集中带量采购", "完善家庭医生签约服务", "推进公立医院薪酬制度改革"],
            ["FZ-D-WJW", "FZ-D-YBJ", "FZ-D-RSJ"],
            ["医改", "民生"]),
        new("K08", "推进教育综合改革，完善养老服务体系",
            ["推进集团化办学和教育资源扩容", "构建居家社区养老服务体系"],
            ["集团化办学", "学前教育普惠发展", "居家社区养老服务", "“一老一小”服务体系建设"],
            ["推进中小学集团化办学", "新建改扩建公办幼儿园和中小学", "推行“3443”居家社区养老服务模式",
                "推广“e福养”智慧养老平台", "打造“15分钟养老服务圈”", "深化中小学教师“县管校聘”改革"],
            ["FZ-D-JYJ", "FZ-D-MZJ", "FZ-D-RSJ"],
            ["教育", "养老", "民生"]),
        new("K09", "推进城乡融合发展，全面实施乡村振兴",
            ["建设国家城乡融合发展试验区", "深化农村综合改革"],
            ["城乡融合发展试验区建设", "农村集体产权制度改革", "乡村振兴体制机制"],
            ["建设国家城乡融合发展试验区福州东部片区", "深化农村集体产权制度改革", "稳慎推进农村宅基地制度改革",
                "完善城乡居民增收机制", "推进县域综合改革", "健全自治法治德治相结合的乡村治理体系"],
            ["FZ-D-NYNC", "FZ-D-FGW", "FZ-D-ZRZY", "FZ-D-MZJ"],
            ["乡村振兴", "城乡融合"]),
        new("K10", "深化生态文明体制改革，建设美丽福州",
            ["全面推行河湖长制", "推进海绵城市建设", "健全生态环境治理体系"],
            ["河湖长制", "海绵城市建设", "生态环境损害赔偿制度改革", "生活垃圾分类"],
            ["全面推行河长制湖长制", "推进海绵城市建设试点", "建立生态环境损害赔偿制度",
                "推进城市公园绿地串珠成链", "建立水系综合治理长效管护机制", "推进生活垃圾分类和资源化利用"],
            ["FZ-D-STHJ", "FZ-D-SLJ", "FZ-D-ZJJ", "FZ-D-CGW", "FZ-D-YLZX"],
            ["生态文明", "河湖长制"]),
    ];

    /// <summary>The Decision's five supporting documents, each covering two key tasks.</summary>
    public static readonly (string Title, int[] KeyTasks)[] SupportingDocuments =
    [
        ("关于深化行政审批制度改革加快转变政府职能的实施意见", [0, 4]),
        ("关于深化国有企业改革增强发展活力的实施意见", [1, 2]),
        ("关于推进园区建设和产业转型升级的实施意见", [3, 5]),
        ("关于深化社会事业改革保障和改善民生的实施意见", [6, 7]),
        ("关于推进城乡一体化和生态文明体制改革的实施意见", [8, 9]),
    ];

    public const string DecisionTitle = "中共福州市委关于全面深化改革加快建设新福州的决定";

    public static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "林", "郑", "何", "高", "罗", "梁", "谢", "宋", "唐", "许", "郭", "曾", "潘", "游", "卓", "翁", "詹"];

    public static readonly string[] GivenNames =
        ["建华", "志强", "丽萍", "晓东", "海燕", "文斌", "秀英", "国平", "春梅", "立新", "雪梅", "永福", "榕生", "闽华",
            "宏", "婷", "磊", "洁", "鹏", "芳", "斌", "颖", "晨", "倩", "振宇", "思远", "嘉怡", "泽民", "明辉", "婉清"];

    public static readonly string[] MilestoneTitles =
        ["制定工作方案并明确责任分工", "出台配套政策和操作细则", "开展试点并总结阶段成效", "全面推开并组织评估验收"];

    public static readonly string[] MilestoneEvidence =
        ["工作方案已印发，文件已归档", "配套文件已出台，见市政府门户网站公开信息", "试点总结报告已报送市委改革办",
            "评估验收意见已形成，材料已归档"];

    public static readonly string[] DoneTexts =
        ["召开专题推进会，协调解决重点难点问题", "完成政策文件起草并征求相关部门意见", "组织开展实地调研，形成调研报告",
            "推动试点单位落地实施，完成阶段性任务", "完成系统建设和数据对接工作", "开展业务培训，覆盖各相关单位",
            "梳理形成问题清单和任务清单，逐项推进落实", "对照目标开展自查评估，完善工作机制"];

    public static readonly string[] NextSteps =
        ["继续按计划推进，确保按期完成", "加强部门协同，推动试点经验复制推广", "完善配套制度，做好总结评估",
            "加快项目建设进度，做好要素保障"];

    public static readonly string[] Obstacles =
        ["涉及多部门职责交叉，协调难度较大", "项目用地和资金保障不足", "上级政策尚未明确，部分事项需等待",
            "基层人员力量不足，推进进度偏慢"];

    public static readonly string[] DelayExplanations =
        ["涉及多部门协调，进度有所滞后，已提请市委改革办协调推进", "受外部因素影响，部分工作推迟开展，正在加快追赶进度",
            "配套政策出台时间晚于预期，已调整推进计划"];

    public static readonly string[] ReturnReasons =
        ["佐证材料不全，请补充会议纪要或相关文件", "填报进度与完成事项不符，请核实后重新报送", "未说明滞后原因，请补充情况说明"];

    public static readonly string[] CancelReasons =
        ["因机构改革职能调整，任务并入其他改革举措", "上级政策调整，该事项不再实施", "与已出台的改革举措重复，予以撤销"];

    public static readonly string[] SuspendReasons =
        ["等待上级部门政策明确后再推进", "项目用地规划调整，暂缓实施"];

    public static readonly string[] AgendaReports =
        ["听取各专项小组改革工作情况汇报", "听取市委改革办关于改革任务督查情况的汇报", "研究部署下一阶段重点改革任务",
            "听取县（市）区改革试点进展情况汇报", "通报改革工作绩效考评结果"];

    public static readonly string[] ChineseNumerals =
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];
}
