using Microsoft.EntityFrameworkCore;
using ReformTrack.Modules.Diffusion;

namespace ReformTrack.Data;

/// <summary>
/// The pilots, demonstration designations, free-trade-zone innovations and their replications, and
/// the cases and honours the article names. The article's FTZ figures come out of the data: 102
/// innovations pioneered by the Fuzhou area, replicated 25 times at national and 110 times at
/// provincial level (ADR 13), with chains of copies among the adopters.
/// </summary>
internal sealed class DemoDiffusion : IDemoPart
{
    public const string FreeTradeZone = "FZ-FTZ";
    public const int Pioneered = 102;
    public const int NationalReplications = 25;
    public const int ProvincialReplications = 110;

    public int Order => 10;

    private sealed record DemoPilot(string Name, GrantLevel Level, string Body, string? Holder, string? Area, DateOnly? Granted,
        PilotStatus Status, DateOnly? EvaluationDue = null, DateOnly? Evaluated = null, string? Outcome = null,
        string? Obligations = null, int Years = 3);

    private static readonly DemoPilot[] Pilots =
    [
        new("福州新区（国家级新区）", GrantLevel.National, "国务院", "FZ-XQ", null, new(2015, 8, 30), PilotStatus.Granted,
            Obligations: "建设两岸交流合作重要承载区、扩大对外开放重要门户、东南沿海重要现代产业基地", Years: 10),
        new("中国（福建）自由贸易试验区福州片区", GrantLevel.National, "国务院", FreeTradeZone, null, new(2015, 4, 21),
            PilotStatus.UnderEvaluation, EvaluationDue: new(2026, 12, 15),
            Obligations: "开展投资、贸易、金融和事中事后监管制度创新，形成可复制可推广经验", Years: 10),
        new("第二批国家海绵城市建设试点", GrantLevel.National, "财政部、住房和城乡建设部、水利部", "FZ-D-ZJJ", null, new(2016, 4, 27),
            PilotStatus.Passed, new(2019, 6, 30), new(2019, 11, 20), "绩效评价优秀", "建成区20%以上面积达到海绵城市要求"),
        new("国家“互联网+政务服务”综合试点示范城市", GrantLevel.National, "国务院办公厅", "FZ-D-XZFW", null, new(2017, 1, 12),
            PilotStatus.Passed, new(2019, 12, 31), new(2019, 12, 10), "通过验收，经验全国推广", "推进政务服务“一网通办”"),
        new("国家海洋经济发展示范区", GrantLevel.National, "国家发展和改革委员会、自然资源部", "FZ-D-HYYY", null, new(2018, 11, 23),
            PilotStatus.UnderEvaluation, new(2026, 12, 20), Obligations: "探索海洋经济发展新模式，建设海洋科技创新平台", Years: 5),
        new("国家城乡融合发展试验区（福建福州东部片区）", GrantLevel.National, "国家发展和改革委员会等十八部门", null,
            "福州东部片区（长乐区、连江县、罗源县、福清市部分区域）", new(2019, 12, 19), PilotStatus.Granted, new(2027, 6, 30),
            Obligations: "建立城乡有序流动的人口迁徙制度，搭建城乡产业协同发展平台", Years: 7),
        new("全国市域社会治理现代化试点城市（第一期）", GrantLevel.National, "中央政法委", "FZ-D-SFJ", null, new(2020, 5, 18),
            PilotStatus.Passed, new(2022, 12, 31), new(2022, 11, 30), "验收合格，获评合格城市", "构建市域社会治理新格局"),
        new("国家医改试点：紧密型县域医疗卫生共同体建设", GrantLevel.National, "国家卫生健康委员会", "FZ-D-WJW", null,
            new(2019, 8, 30), PilotStatus.Granted, new(2027, 3, 31), Obligations: "建立县乡一体、乡村一体的服务体系"),
        new("国家医改试点：长期护理保险制度", GrantLevel.National, "国家医疗保障局、财政部", "FZ-D-YBJ", null, new(2020, 9, 10),
            PilotStatus.UnderEvaluation, new(2026, 12, 31), Obligations: "探索建立长期护理保险制度框架"),
        new("国家知识产权强市建设试点示范城市", GrantLevel.National, "国家知识产权局", "FZ-D-SCJG", null, new(2021, 12, 24),
            PilotStatus.Granted, new(2026, 12, 24), Obligations: "建设知识产权保护高地，提升知识产权运用水平", Years: 5),
        new("首批国家文化和旅游消费试点城市", GrantLevel.National, "文化和旅游部、国家发展和改革委员会", "FZ-D-WLJ", null,
            new(2020, 10, 20), PilotStatus.Granted, new(2027, 10, 20), Obligations: "扩大文化和旅游消费，培育消费新业态"),
        new("居家和社区养老服务改革试点", GrantLevel.Provincial, "福建省民政厅", "FZ-D-MZJ", null, new(2019, 5, 20),
            PilotStatus.Passed, new(2021, 6, 30), new(2021, 6, 18), "创新“3443”养老服务模式，考核优秀"),
        new("县域综合改革试点", GrantLevel.Provincial, "中共福建省委全面深化改革委员会办公室", "FZ-MH", null, new(2019, 7, 1),
            PilotStatus.Granted, new(2027, 6, 30)),
        new("工业（产业）园区标准化建设试点", GrantLevel.Municipal, "中共福州市委全面深化改革委员会", "FZ-MH-GX", null, new(2019, 3, 1),
            PilotStatus.Passed, new(2020, 12, 31), new(2020, 12, 25), "形成园区标准化建设评估体系，全市推广"),
        new("国家数字经济创新发展试验区", GrantLevel.National, "国家发展和改革委员会", "FZ-D-SJJ", null, null, PilotStatus.Applied),
    ];

    /// <summary>Fields of FTZ work and the practices introduced in them; their pairs name the 102 innovations.</summary>
    private static readonly string[] Fields =
    [
        "投资管理", "贸易便利化", "跨境金融", "事中事后监管", "对台合作", "航运物流", "跨境电商", "知识产权", "商事登记", "通关监管",
        "人才服务", "法治保障",
    ];

    private static readonly string[] Practices =
    [
        "“一口受理、并联审批”", "“单一窗口”全流程申报", "“先放后检”监管模式", "信用分级分类监管", "电子证照互认共享",
        "“容缺后补”办理机制", "全程电子化服务", "“一站式”综合服务平台", "“告知承诺制”审批",
    ];

    private static readonly string[] ProvincePlaces =
        ["厦门片区", "平潭片区", "厦门市", "泉州市", "漳州市", "莆田市", "三明市", "南平市", "龙岩市", "宁德市"];

    private static readonly string[] Counties = ["FZ-MH", "FZ-LJ", "FZ-FQ", "FZ-CL", "FZ-LY", "FZ-YT"];

    private sealed record DemoHonour(string Title, string Body, GrantLevel Level, int Year, HonourCategory Category, string? Unit,
        string? Pilot = null, int? Innovation = null, bool Published = true);

    /// <summary>A candidate the office has not published: the portal must never show it.</summary>
    public const string UnpublishedHonourTitle = "（内部）拟申报“数字政府”优秀案例候选材料";

    private static readonly DemoHonour[] Honours =
    [
        new("市民服务中心“马上就办”改革实践入选中央改革办全国改革案例", "中央全面深化改革领导小组办公室", GrantLevel.National, 2015,
            HonourCategory.TypicalCase, "FZ-D-XZFW"),
        new("国家生态市建设考核验收", "环境保护部", GrantLevel.National, 2016, HonourCategory.DemonstrationCity, "FZ-D-STHJ"),
        new("拥军优属工作法被民政部作为“一号方案”全国推广", "民政部", GrantLevel.National, 2017, HonourCategory.TypicalCase, "FZ-D-MZJ"),
        new("自贸试验区福州片区创新举措入选全国自贸试验区最佳实践案例", "国务院自由贸易试验区工作部际联席会议", GrantLevel.National, 2017,
            HonourCategory.TypicalCase, null, Innovation: 0),
        new("国家公共文化服务体系示范区", "文化和旅游部、财政部", GrantLevel.National, 2018, HonourCategory.DemonstrationZone, "FZ-D-WLJ"),
        new("人民环保基金网络获首届“中国廉洁创新奖”", "中国廉洁创新奖评选委员会", GrantLevel.National, 2018, HonourCategory.Award,
            "FZ-D-STHJ"),
        new("全国社会信用体系建设示范城市", "国家发展和改革委员会、中国人民银行", GrantLevel.National, 2019,
            HonourCategory.DemonstrationCity, "FZ-D-FGW"),
        new("河湖系统治理长效机制入选“中国改革2020年度50个典型案例”", "中国改革年度案例推介组委会", GrantLevel.National, 2020,
            HonourCategory.TypicalCase, "FZ-D-SLJ"),
        new("工业（产业）园区标准化建设经验入选“中国改革2021年度案例”", "中国改革年度案例推介组委会", GrantLevel.National, 2021,
            HonourCategory.TypicalCase, "FZ-D-GXJ", Pilot: "工业（产业）园区标准化建设试点"),
        new("平安中国建设示范市", "平安中国建设协调小组", GrantLevel.National, 2021, HonourCategory.DemonstrationCity, "FZ-D-GAJ"),
        new("居家社区养老“3443”服务模式获评全省养老服务改革优秀案例", "福建省民政厅", GrantLevel.Provincial, 2021,
            HonourCategory.TypicalCase, null, Pilot: "居家和社区养老服务改革试点"),
        new(UnpublishedHonourTitle, "福建省数字福建建设领导小组办公室", GrantLevel.Provincial, 2026, HonourCategory.TypicalCase,
            "FZ-D-FGW", Published: false),
    ];

    public async Task<string> SeedAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);

        var pilots = Pilots.Select(p => NewPilot(p, units)).ToList();
        db.Pilots.AddRange(pilots);

        var innovations = FreeTradeZoneInnovations(units[FreeTradeZone], units[DemoCatalog.Commission],
            Counties.Select(c => units[c]).ToArray());
        db.Innovations.AddRange(innovations);
        await db.SaveChangesAsync(cancellationToken);

        var byName = pilots.ToDictionary(p => p.Name, p => p);
        foreach (var h in Honours)
        {
            var pilot = h.Pilot is null ? null : byName[h.Pilot];
            var innovation = h.Innovation is { } i ? innovations[i] : null;
            var honour = Honour.New(new HonourDescription(h.Title, h.Body, h.Level, h.Year, h.Category,
                h.Unit is null ? pilot?.HolderUnitId ?? innovation?.OriginUnitId : units[h.Unit], null, innovation?.Id, pilot?.Id, null));
            // The article's cases and honours are public record; the office publishes them on the portal.
            honour.Publish(h.Published);
            db.Honours.Add(honour);
        }

        var replications = innovations.Sum(i => i.Replications.Count);
        return $"{pilots.Count} pilots, {innovations.Count} innovations, {replications} replications, {Honours.Length} cases and honours";
    }

    private static Pilot NewPilot(DemoPilot p, Dictionary<string, int> units)
    {
        var start = p.Granted;
        var pilot = Pilot.New(new PilotDescription(p.Name, p.Level, p.Body, p.Holder is null ? null : units[p.Holder], p.Area,
            p.Granted, start, start?.AddYears(p.Years).AddDays(-1), p.Obligations, p.EvaluationDue, p.Evaluated, p.Outcome),
            p.Granted is null ? PilotStatus.Applied : PilotStatus.Granted);
        // Walk the lifecycle to the pilot's status, as the office would have recorded it.
        PilotStatus[] path = p.Status switch
        {
            PilotStatus.UnderEvaluation => [PilotStatus.UnderEvaluation],
            PilotStatus.Passed => [PilotStatus.UnderEvaluation, PilotStatus.Passed],
            PilotStatus.Failed => [PilotStatus.UnderEvaluation, PilotStatus.Failed],
            PilotStatus.Withdrawn => [PilotStatus.Withdrawn],
            _ => [],
        };
        foreach (var status in path)
        {
            pilot.MoveTo(status);
        }

        return pilot;
    }

    /// <summary>
    /// 102 innovations introduced 2015–2021. The first 25 were promoted nationally; the first 55 were
    /// adopted by two places in the province each (110), the second often copying from the first;
    /// every fourth was taken up city-wide and then by a county, which copied the city's adoption.
    /// </summary>
    private static List<Innovation> FreeTradeZoneInnovations(int origin, int city, int[] counties)
    {
        var innovations = new List<Innovation>(Pioneered);
        for (var n = 0; n < Pioneered; n++)
        {
            var introduced = new DateOnly(2015, 4, 21).AddDays(n * 24);
            var title = $"{Fields[n % Fields.Length]}{Practices[n / Fields.Length % Practices.Length]}";
            var innovation = Innovation.New(title, origin, introduced,
                $"自贸试验区福州片区在{Fields[n % Fields.Length]}领域首创的制度创新举措。", $"福州片区第{n / 17 + 1}批创新举措清单");

            if (n < ProvincialReplications / 2)
            {
                var first = innovation.Replicate(new Adopter(null, ProvincePlaces[n % ProvincePlaces.Length]),
                    ReplicationLevel.Province, introduced.AddDays(120), sourceReplicationId: null, "省自贸办复制推广通知");
                var second = new Adopter(null, ProvincePlaces[(n + 3) % ProvincePlaces.Length]);
                if (n % 3 == 0)
                {
                    innovation.Replicate(second, ReplicationLevel.Province, introduced.AddDays(200), first, "学习借鉴先行地区做法");
                }
                else
                {
                    innovation.Replicate(second, ReplicationLevel.Province, introduced.AddDays(210), sourceReplicationId: null, "省自贸办复制推广通知");
                }

                if (n < NationalReplications)
                {
                    // Some national promotions took the provincial adopter's refined version as their model.
                    if (n % 5 == 0)
                    {
                        innovation.Replicate(new Adopter(null, "全国（国务院部署复制推广）"), ReplicationLevel.Nation,
                            introduced.AddDays(400), first, "国务院关于做好自由贸易试验区改革试点经验复制推广工作的通知");
                    }
                    else
                    {
                        innovation.Replicate(new Adopter(null, "全国（国务院部署复制推广）"), ReplicationLevel.Nation,
                            introduced.AddDays(380), sourceReplicationId: null, "国务院关于做好自由贸易试验区改革试点经验复制推广工作的通知");
                    }
                }
            }

            if (n % 4 == 0)
            {
                var cityWide = innovation.Replicate(new Adopter(city, null), ReplicationLevel.City, introduced.AddDays(60), sourceReplicationId: null,
                    "市委改革办全市推广通知");
                innovation.Replicate(new Adopter(counties[n / 4 % counties.Length], null), ReplicationLevel.County,
                    introduced.AddDays(90), cityWide, "县（市）区落地实施方案");
            }

            innovations.Add(innovation);
        }

        return innovations;
    }
}
