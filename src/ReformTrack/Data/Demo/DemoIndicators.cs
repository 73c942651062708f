using Microsoft.EntityFrameworkCore;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Indicators;

namespace ReformTrack.Data;

/// <summary>
/// The outcome indicators the Fuzhou article names, with their baselines and latest values, some with
/// district values that roll up to the city; the aspects and key tasks are published for the portal.
/// A draft indicator stays unpublished, so that the portal can be shown to keep it private.
/// </summary>
internal sealed class DemoIndicators : IDemoPart
{
    /// <summary>The name of the demo's unpublished indicator: it must never appear on the portal.</summary>
    public const string UnpublishedName = "Draft business cost index (internal estimate, not for release)";

    private static readonly DateTime RecordedAt = new(2022, 3, 31, 8, 0, 0, DateTimeKind.Utc);
    private const string Statistics = "市统计局";

    private sealed record Spec(
        string Code, string Name, string UnitOfMeasure, Direction Direction, string Unit, string Objective,
        (int Year, double Value) Baseline, (int Year, double Value) Target, (int Year, double Value)[] Observed,
        string Source, bool Published = true, RollUpMethod RollUp = RollUpMethod.Sum, (int Year, double Value)[]? Plan = null,
        (int Year, (string Unit, double Value, double? Weight)[] Values)? Districts = null);

    private static readonly Spec[] Specs =
    [
        new("IND-BEDS", "医疗机构每千人床位数", "张/千人", Direction.HigherIsBetter, "FZ-D-WJW", "K07",
            (2014, 4.15), (2025, 5.8), [(2016, 4.42), (2018, 4.78), (2020, 5.12), (2021, 5.35)], "福州市卫生健康统计年鉴",
            RollUp: RollUpMethod.WeightedAverage,
            Districts: (2021, [("FZ-GL", 9.8, 69.0), ("FZ-TJ", 7.1, 44.6), ("FZ-CS", 5.2, 83.6), ("FZ-JA", 5.6, 94.1),
                ("FZ-MW", 4.3, 26.2), ("FZ-CL", 3.9, 74.6), ("FZ-FQ", 3.6, 136.0), ("FZ-MH", 3.8, 93.1)])),
        new("IND-GREEN", "城区人均公园绿地面积", "平方米/人", Direction.HigherIsBetter, "FZ-D-YLZX", "K10",
            (2014, 11.32), (2025, 15.5), [(2016, 12.1), (2018, 13.2), (2020, 14.3), (2021, 14.82)], "福州市园林绿化统计",
            Plan: [(2017, 12.3), (2020, 14.0)], RollUp: RollUpMethod.WeightedAverage,
            Districts: (2021, [("FZ-GL", 12.6, 69.0), ("FZ-TJ", 11.9, 44.6), ("FZ-CS", 15.1, 83.6), ("FZ-JA", 17.4, 94.1)])),
        new("IND-DIGITAL-SHARE", "数字经济占地区生产总值比重", "%", Direction.HigherIsBetter, "FZ-D-SJJ", "K05",
            (2015, 30.0), (2025, 55.0), [(2017, 36.5), (2019, 42.8), (2021, 49.5)], "福州市数字经济发展报告"),
        new("IND-DIGITAL-SCALE", "数字经济规模", "亿元", Direction.HigherIsBetter, "FZ-D-SJJ", "K05",
            (2015, 1800), (2025, 8000), [(2017, 2600), (2019, 4000)], "福州市数字经济发展报告",
            Districts: (2021, [("FZ-GL", 1500, null), ("FZ-TJ", 420, null), ("FZ-CS", 900, null), ("FZ-JA", 480, null),
                ("FZ-MW", 800, null), ("FZ-CL", 500, null), ("FZ-FQ", 500, null), ("FZ-MH", 300, null)])),
        new("IND-GOV-ONLINE-RANK", "网上政务服务能力全国排名", "名", Direction.LowerIsBetter, "FZ-D-XZFW", "K01",
            (2016, 25), (2025, 5), [(2018, 16), (2020, 10), (2021, 8)], "国家政务服务能力评估报告"),
        new("IND-INCOME-RATIO", "城乡居民收入比", "倍", Direction.LowerIsBetter, "FZ-D-NYNC", "K09",
            (2011, 2.57), (2025, 2.0), [(2016, 2.36), (2019, 2.22), (2021, 2.13)], "福州市国民经济和社会发展统计公报"),
        new("IND-GDP-PC-RANK", "人均地区生产总值在全国省会城市排名", "名", Direction.LowerIsBetter, "FZ-D-TJJ", "A2",
            (2014, 9), (2025, 4), [(2018, 7), (2021, 5)], Statistics),
        new("IND-GDP", "地区生产总值", "万亿元", Direction.HigherIsBetter, "FZ-D-TJJ", "A2",
            (2014, 0.52), (2025, 1.6), [(2017, 0.73), (2020, 1.002), (2021, 1.132)], "福州市国民经济和社会发展统计公报"),
        new("IND-PARKS-100B", "千亿园区数量", "个", Direction.HigherIsBetter, "FZ-D-GXJ", "K04",
            (2014, 0), (2025, 5), [(2018, 2), (2021, 4)], "福州市工业和信息化局"),
        new("IND-COST-DRAFT", UnpublishedName, "点", Direction.LowerIsBetter, "FZ-D-FGW", "K01",
            (2019, 100), (2025, 80), [(2021, 97)], "内部测算", Published: false),
    ];

    public int Order => 50;

    public async Task<string> SeedAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        var units = await db.Units.ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var objectives = await db.Objectives.ToListAsync(cancellationToken);

        // The programme's aspects and key tasks are public; sub-tasks stay internal.
        foreach (var objective in objectives.Where(o => o.Level != ObjectiveLevel.SubTask))
        {
            objective.Published = true;
        }

        var objectiveIds = objectives.ToDictionary(o => o.Code, o => o.Id);
        foreach (var spec in Specs)
        {
            var measureIds = await db.Measures.Where(m => m.ObjectiveId == objectiveIds[spec.Objective]
                                                          || db.Objectives.Any(o => o.Id == m.ObjectiveId && o.ParentId == objectiveIds[spec.Objective]))
                .OrderBy(m => m.Code).Select(m => m.Id).Take(3).ToListAsync(cancellationToken);
            var indicator = Indicator.New(new IndicatorInput
            {
                Code = spec.Code,
                Name = spec.Name,
                UnitOfMeasure = spec.UnitOfMeasure,
                Direction = spec.Direction,
                BaselineOn = YearEnd(spec.Baseline.Year),
                BaselineValue = spec.Baseline.Value,
                TargetOn = YearEnd(spec.Target.Year),
                TargetValue = spec.Target.Value,
                TrajectoryPoints = (spec.Plan ?? []).Select(p => new DatedValue(YearEnd(p.Year), p.Value)).ToList(),
                RollUp = spec.RollUp,
                UnitId = units[spec.Unit],
                Published = spec.Published,
                ObjectiveIds = [objectiveIds[spec.Objective]],
                MeasureIds = measureIds,
            });
            foreach (var (year, value) in spec.Observed)
            {
                indicator.Record(YearEnd(year), value, null, null, spec.Source, Statistics, RecordedAt);
            }

            if (spec.Districts is { } districts)
            {
                foreach (var (unit, value, weight) in districts.Values)
                {
                    indicator.Record(YearEnd(districts.Year), value, units[unit], weight, spec.Source, Statistics, RecordedAt);
                }
            }

            db.Indicators.Add(indicator);
        }

        return $"{Specs.Length} indicators ({Specs.Count(s => s.Published)} published)";
    }

    private static DateOnly YearEnd(int year) => new(year, 12, 31);
}
