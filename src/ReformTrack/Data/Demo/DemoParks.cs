using Microsoft.EntityFrameworkCore;
using ReformTrack.Modules.Chiefs;
using ReformTrack.Modules.Organisation;
using ReformTrack.Modules.Parks;

namespace ReformTrack.Data;

/// <summary>
/// The parks, clusters and chains of the demo, with their chain leaders, and the river/lake chief
/// system: 4 parks over 100 billion, 4 over 50 billion, 3 national new-industrialisation
/// demonstration bases, 5 clusters and 16 chains; a handful of rivers and lakes with chiefs,
/// a handover, inspections and issues (closed, open, and overdue far enough to escalate).
/// Outputs are in 亿元; the officials are invented.
/// </summary>
internal sealed class DemoParks : IDemoPart
{
    public int Order => 70;

    private sealed record DemoPark(string Name, string District, double Area, string Industries, double Output,
        bool DemonstrationBase = false);

    private static readonly DemoPark[] ParkList =
    [
        new("福州经济技术开发区", "FZ-MW", 48.6, "电子信息、新型显示、装备制造", 1320, DemonstrationBase: true),
        new("江阴港城经济区", "FZ-FQ", 95.2, "化工新材料、港口物流、冶金", 1260, DemonstrationBase: true),
        new("福州高新技术产业开发区", "FZ-MH", 36.8, "光电信息、生物医药、高端装备", 1180),
        new("福清融侨经济技术开发区", "FZ-FQ", 30.5, "新型显示、汽车玻璃、食品加工", 1050),
        new("罗源湾经济开发区", "FZ-LY", 42.3, "不锈钢、冶金、新型建材", 720),
        new("长乐临空经济区", "FZ-CL", 60.0, "纺织化纤、临空物流、智能制造", 680, DemonstrationBase: true),
        new("福州软件园", "FZ-GL", 3.3, "软件和信息服务、数字经济", 610),
        new("连江经济开发区", "FZ-LJ", 25.7, "水产品加工、食品、船舶修造", 560),
        new("金山工业区", "FZ-CS", 8.9, "电机电器、智能终端", 230),
        new("闽清经济开发区", "FZ-MQ", 12.4, "陶瓷建材、电瓷电器", 150),
        new("永泰经济开发区", "FZ-YT", 6.1, "茶产业、食品加工", 85),
    ];

    private static readonly (string Name, (string Chain, string Leader, string[] Parks, (string Name, string? Park)[] Enterprises)[] Chains)[] ClusterList =
    [
        ("电子信息产业集群",
        [
            ("新型显示产业链", "王晓峰", ["福清融侨经济技术开发区", "福州经济技术开发区"],
                [("京东方（福清）光电科技", "福清融侨经济技术开发区"), ("华映显示科技", "福州经济技术开发区")]),
            ("集成电路产业链", "陈志明", ["福州高新技术产业开发区", "福州经济技术开发区"],
                [("瑞芯微电子", "福州高新技术产业开发区"), ("福州芯联集成", "福州经济技术开发区")]),
            ("软件和信息服务产业链", "黄海涛", ["福州软件园"], [("新大陆科技集团", "福州软件园"), ("福昕软件", "福州软件园")]),
            ("智能终端产业链", "黄海涛", ["金山工业区", "福州经济技术开发区"], [("星网锐捷通讯", "福州经济技术开发区")]),
        ]),
        ("纺织化纤产业集群",
        [
            ("化纤产业链", "郑立新", ["长乐临空经济区"], [("恒申控股集团", "长乐临空经济区"), ("永荣控股集团", "长乐临空经济区")]),
            ("纺织服装产业链", "郑立新", ["长乐临空经济区"], [("长源纺织", "长乐临空经济区"), ("景丰科技", "长乐临空经济区")]),
            ("化工新材料产业链", "吴国平", ["江阴港城经济区"], [("万华化学（福建）", "江阴港城经济区")]),
        ]),
        ("冶金建材产业集群",
        [
            ("不锈钢产业链", "刘振东", ["罗源湾经济开发区"], [("宝钢德盛不锈钢", "罗源湾经济开发区")]),
            ("新型建材产业链", "刘振东", ["闽清经济开发区", "罗源湾经济开发区"], [("闽清陶瓷建材集团", "闽清经济开发区")]),
            ("铜材加工产业链", "张宏伟", ["江阴港城经济区"], [("中铝东南铜业", "江阴港城经济区")]),
        ]),
        ("机械制造产业集群",
        [
            ("汽车及零部件产业链", "李文斌", ["福清融侨经济技术开发区", "福州经济技术开发区"],
                [("福耀玻璃工业集团", "福清融侨经济技术开发区"), ("东南汽车", null)]),
            ("新能源产业链", "李文斌", ["福州高新技术产业开发区", "江阴港城经济区"], [("福州新能源动力电池", "江阴港城经济区")]),
            ("电机电器产业链", "张宏伟", ["金山工业区", "闽清经济开发区"], [("福州电机厂", "金山工业区"), ("闽清电瓷电器", "闽清经济开发区")]),
        ]),
        ("轻工食品产业集群",
        [
            ("食品加工产业链", "许明辉", ["福清融侨经济技术开发区", "永泰经济开发区"], [("融侨食品工业", "福清融侨经济技术开发区")]),
            ("水产品加工产业链", "许明辉", ["连江经济开发区"], [("连江远洋渔业", "连江经济开发区"), ("海文铭海洋食品", "连江经济开发区")]),
            ("茶产业链", "林建华", ["永泰经济开发区"], [("永泰李果茶业", "永泰经济开发区")]),
        ]),
    ];

    private static readonly (string Name, string Title)[] CityLeaders =
    [
        ("林建华", "市委副书记、市长"),
        ("王晓峰", "市委常委、常务副市长"),
        ("周立群", "市委常委、副市长"),
        ("陈志明", "副市长"),
        ("黄海涛", "副市长"),
        ("郑立新", "副市长"),
        ("吴国平", "副市长"),
        ("刘振东", "副市长"),
        ("张宏伟", "市政协副主席"),
        ("李文斌", "市人大常委会副主任"),
        ("许明辉", "副市长"),
    ];

    public async Task<string> SeedAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var unitLeaders = (await db.People.AsNoTracking().Where(p => !p.IsLiaison).OrderBy(p => p.Id).ToListAsync(cancellationToken))
            .GroupBy(p => p.UnitId).ToDictionary(g => g.Key, g => g.First().Id);

        // City leaders sit in the commission's unit, as the core demo's leaders sit in theirs.
        var leaders = CityLeaders.ToDictionary(l => l.Name, l => new Person { Name = l.Name, Title = l.Title, UnitId = units["FZ"] });
        db.People.AddRange(leaders.Values);

        var parks = ParkList.ToDictionary(p => p.Name, p =>
        {
            var park = Park.New(p.Name, units[p.District], p.Area, p.Industries, p.Output, 2021);
            if (p.DemonstrationBase)
            {
                park.Designate([(DesignationKind.NewIndustrialisationBase, DesignationLevel.National, 2019, null)]);
            }

            return park;
        });
        db.Parks.AddRange(parks.Values);
        await db.SaveChangesAsync(cancellationToken);

        var chainMeasures = await db.Measures.AsNoTracking().Where(m => m.Title.Contains("链长制") || m.Title.Contains("园区"))
            .OrderBy(m => m.Code).Select(m => m.Id).Take(48).ToListAsync(cancellationToken);
        var chains = new List<(Chain Chain, string Leader)>();
        var clusterOrder = 0;
        var chainOrder = 0;
        foreach (var (clusterName, clusterChains) in ClusterList)
        {
            var cluster = new Cluster { Name = "" };
            cluster.Describe(clusterName, null, ++clusterOrder);
            db.Clusters.Add(cluster);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (chainName, leader, memberParks, enterprises) in clusterChains)
            {
                var chain = new Chain { Name = "" };
                chain.Describe(chainName, cluster.Id, null, ++chainOrder);
                chain.SetParks(memberParks.Select(n => parks[n].Id));
                chain.SetEnterprises(enterprises.Select(e => ((string?)e.Name, e.Park is null ? (int?)null : parks[e.Park].Id)));
                chain.SetMeasures(chainMeasures.Skip((chainOrder - 1) * 3 % Math.Max(1, chainMeasures.Count)).Take(2));
                chains.Add((chain, leader));
            }
        }

        db.Chains.AddRange(chains.Select(c => c.Chain));
        await db.SaveChangesAsync(cancellationToken);
        await LinkIndicatorsAsync(db, chains.Select(c => c.Chain).ToList(), cancellationToken);

        var industryBureau = unitLeaders.GetValueOrDefault(units["FZ-D-GXJ"]);
        var assignments = new List<ChiefAssignment>();
        foreach (var (chain, leader) in chains)
        {
            assignments.Add(ChiefAssignment.New(ChiefObjectKind.Chain, chain.Id, ChiefLevel.City, leaders[leader].Id,
                industryBureau == 0 ? null : industryBureau, new DateOnly(2021, 6, 1), null));
        }

        foreach (var park in parks.Values)
        {
            assignments.Add(ChiefAssignment.New(ChiefObjectKind.Park, park.Id, ChiefLevel.District, unitLeaders[park.DistrictUnitId], null,
                new DateOnly(2021, 6, 1), null));
        }

        db.ChiefAssignments.AddRange(assignments);
        await db.SaveChangesAsync(cancellationToken);

        // The first chain leader moved on in 2024: the history keeps both.
        var display = assignments[0];
        var handedOver = display.HandOver(leaders["周立群"].Id, display.DeputyPersonId, new DateOnly(2024, 3, 15), "工作调整");
        db.ChiefAssignments.Add(handedOver);
        await db.SaveChangesAsync(cancellationToken);

        var waters = await SeedWatersAsync(db, units, unitLeaders, leaders, parks, cancellationToken);
        return $"{parks.Count} parks, {clusterOrder} clusters, {chains.Count} chains, {waters} rivers and lakes";
    }

    /// <summary>Which demo indicators tell how a chain is doing, by chain name and indicator code.</summary>
    private static readonly (string Chain, string[] Indicators)[] ChainIndicatorList =
    [
        ("软件和信息服务产业链", ["IND-DIGITAL-SHARE", "IND-DIGITAL-SCALE"]),
        ("集成电路产业链", ["IND-DIGITAL-SCALE"]),
        ("新型显示产业链", ["IND-DIGITAL-SCALE", "IND-PARKS-100B"]),
        ("智能终端产业链", ["IND-DIGITAL-SHARE"]),
    ];

    private static async Task LinkIndicatorsAsync(ReformDbContext db, List<Chain> chains, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Id, cancellationToken);
        foreach (var (chainName, codes) in ChainIndicatorList)
        {
            chains.Single(c => c.Name == chainName).SetIndicators(codes.Where(indicators.ContainsKey).Select(c => indicators[c]));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<int> SeedWatersAsync(ReformDbContext db, Dictionary<string, int> units, Dictionary<int, int> unitLeaders,
        Dictionary<string, Person> leaders, Dictionary<string, Park> parks, CancellationToken cancellationToken)
    {
        Water NewWater(string name, WaterKind kind, string district, string description)
        {
            var water = new Water { Name = "" };
            water.Describe(name, kind, units[district], description);
            return water;
        }

        var minjiang = NewWater("闽江", WaterKind.River, "FZ", "福建第一大河，自西向东穿城入海");
        var wulong = NewWater("乌龙江", WaterKind.River, "FZ-CS", "闽江南港，流经仓山、闽侯、长乐");
        var jinan = NewWater("晋安河", WaterKind.River, "FZ-JA", "城区内河主干，南接光明港");
        var baima = NewWater("白马河", WaterKind.River, "FZ-GL", "鼓楼、台江内河");
        var xihu = NewWater("西湖", WaterKind.Lake, "FZ-GL", "城区历史名湖");
        var donghu = NewWater("东湖", WaterKind.Lake, "FZ-JA", "晋安区东湖湿地");
        db.Waters.AddRange(minjiang, wulong, jinan, baima, xihu, donghu);
        await db.SaveChangesAsync(cancellationToken);
        var reach = NewWater("闽江台江段", WaterKind.Reach, "FZ-TJ", "闽江北港台江区岸段");
        reach.RiverId = minjiang.Id;
        db.Waters.Add(reach);
        await db.SaveChangesAsync(cancellationToken);

        int Leader(string district) => unitLeaders[units[district]];
        ChiefAssignment Assign(Water water, ChiefLevel level, int person, int? deputy, DateOnly from) =>
            ChiefAssignment.New(ChiefObjects.KindOf(water.Kind), water.Id, level, person, deputy, from, null);

        var start = new DateOnly(2017, 3, 1);
        var minjiangCity = Assign(minjiang, ChiefLevel.City, leaders["林建华"].Id, Leader("FZ-D-SLJ"), start);
        var wulongDistrict = Assign(wulong, ChiefLevel.District, Leader("FZ-CS"), null, start);
        var jinanDistrict = Assign(jinan, ChiefLevel.District, Leader("FZ-JA"), null, start);
        var xihuDistrict = Assign(xihu, ChiefLevel.District, Leader("FZ-GL"), null, start);
        var assignments = new List<ChiefAssignment>
        {
            minjiangCity,
            Assign(minjiang, ChiefLevel.District, Leader("FZ-TJ"), null, start),
            Assign(wulong, ChiefLevel.City, leaders["陈志明"].Id, null, start),
            wulongDistrict,
            Assign(jinan, ChiefLevel.City, leaders["郑立新"].Id, Leader("FZ-D-CGW"), start),
            jinanDistrict,
            Assign(baima, ChiefLevel.District, Leader("FZ-GL"), null, start),
            Assign(xihu, ChiefLevel.City, leaders["黄海涛"].Id, Leader("FZ-D-YLZX"), start),
            xihuDistrict,
            Assign(donghu, ChiefLevel.District, Leader("FZ-JA"), null, start),
            Assign(reach, ChiefLevel.District, Leader("FZ-TJ"), null, start),
        };
        db.ChiefAssignments.AddRange(assignments);
        await db.SaveChangesAsync(cancellationToken);

        // Jin'an river: one issue closed by the first district chief, one still open when the chief changed.
        var jinanSpring = Inspection.New(jinanDistrict.Id, new DateOnly(2025, 3, 1), "晋安区河长办", "河岸护栏多处破损，存在安全隐患。",
            DemoSeeder.AsOf);
        var jinanMay = Inspection.New(jinanDistrict.Id, new DateOnly(2025, 5, 20), "晋安区河长办",
            "晴天仍有排污口排水，水体发黑发臭。", DemoSeeder.AsOf);
        var wulongOctober = Inspection.New(wulongDistrict.Id, new DateOnly(2026, 10, 15), "仓山区河长办",
            "岸线有违规堆放砂石，影响行洪。", DemoSeeder.AsOf);
        var xihuMarch = Inspection.New(xihuDistrict.Id, new DateOnly(2026, 3, 10), "鼓楼区河长办",
            "北岸水面漂浮垃圾较多，游船码头油污。", DemoSeeder.AsOf);
        var minjiangNovember = Inspection.New(minjiangCity.Id, new DateOnly(2026, 11, 5), "市河长办",
            "沿江码头有油污，部分河段巡查记录不全。", DemoSeeder.AsOf);
        var jiangyin = await db.ChiefAssignments.FirstAsync(
            a => a.ObjectKind == ChiefObjectKind.Park && a.ObjectId == parks["江阴港城经济区"].Id, cancellationToken);
        var jiangyinSeptember = Inspection.New(jiangyin.Id, new DateOnly(2026, 9, 1), "福清市园区办",
            "园区污水管网雨污分流尚未完成，部分标准化厂房配套滞后。", DemoSeeder.AsOf);
        db.Inspections.AddRange(jinanSpring, jinanMay, wulongOctober, xihuMarch, minjiangNovember, jiangyinSeptember);
        await db.SaveChangesAsync(cancellationToken);

        ChiefIssue Raise(Inspection inspection, string description, DateOnly due) =>
            ChiefIssue.Raise(inspection.AssignmentId, inspection.Id, description, inspection.OnDate, due, "issues");

        var railings = Raise(jinanSpring, "修复河岸破损护栏", new DateOnly(2025, 4, 30));
        railings.Rectify("已更换护栏 320 米", new DateOnly(2025, 4, 20));
        railings.Close(new DateOnly(2025, 4, 25));
        var outfall = Raise(jinanMay, "封堵晴天排水排污口并溯源整治", new DateOnly(2025, 8, 31));
        var gravel = Raise(wulongOctober, "清理岸线违规堆放砂石", new DateOnly(2026, 11, 20));
        var litter = Raise(xihuMarch, "清理北岸水面漂浮垃圾", new DateOnly(2026, 4, 10));
        litter.Rectify("增加保洁船两艘，每日巡湖保洁", new DateOnly(2026, 4, 2));
        litter.Close(new DateOnly(2026, 4, 12));
        var oil = Raise(xihuMarch, "治理游船码头油污", new DateOnly(2026, 6, 30));
        oil.Rectify("码头加装油水分离设施", new DateOnly(2026, 6, 20));
        var wharf = Raise(minjiangNovember, "整治沿江码头油污", new DateOnly(2026, 12, 31));
        var records = Raise(minjiangNovember, "补齐河段巡查记录", new DateOnly(2026, 11, 30));
        var sewers = Raise(jiangyinSeptember, "完成园区雨污分流改造", new DateOnly(2026, 10, 31));
        db.ChiefIssues.AddRange(railings, outfall, gravel, litter, oil, wharf, records, sewers);
        await db.SaveChangesAsync(cancellationToken);

        // The Jin'an district chief changed in mid-2025; the open outfall issue went to the successor.
        var successor = new Person { Name = "郑晓东", Title = "晋安区区长", UnitId = units["FZ-JA"] };
        db.People.Add(successor);
        await db.SaveChangesAsync(cancellationToken);
        var next = jinanDistrict.HandOver(successor.Id, null, new DateOnly(2025, 6, 30), "区政府主要负责同志调整");
        db.ChiefAssignments.Add(next);
        await db.SaveChangesAsync(cancellationToken);
        outfall.PassTo(next.Id);
        railings.PassTo(next.Id);
        await db.SaveChangesAsync(cancellationToken);
        return 7;
    }
}
