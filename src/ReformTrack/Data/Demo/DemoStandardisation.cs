using Microsoft.EntityFrameworkCore;
using ReformTrack.Modules.Chiefs;
using ReformTrack.Modules.Parks;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Data;

/// <summary>
/// Fuzhou's standardisation of its industrial parks (a 2021 national reform case): the city's park
/// standard in two published revisions, a 2020 and a 2021 assessment round over the demo parks, both
/// finalised by the same scoring engine as appraisals, and the rectification items the low criteria
/// raised, some rectified and closed, some still open and overdue. Assessor points are invented.
/// </summary>
internal sealed class DemoStandardisation : IDemoPart
{
    public const string StandardCode = "FZ-PARK-STD";
    public const string Round2020 = "2020年度工业园区标准化建设评价";
    public const string Round2021 = "2021年度工业园区标准化建设评价";

    public int Order => 80;

    private static readonly StandardCriterionInput[] DataCriteria =
    [
        new("density", "单位面积产出", 25, StandardRule.OutputDensity, 20),
        new("enterprises", "产业链重点企业集聚", 15, StandardRule.KeyEnterprises, 2),
        new("issues", "问题整改清零", 10, StandardRule.OpenIssues, 3),
        new("measures", "产业链改革举措按期完成", 10, StandardRule.ChainMeasuresOnTime),
    ];

    // Assessor points per park: planning, infrastructure, management (2020); planning, infrastructure, green, management (2021).
    private static readonly Dictionary<string, (decimal[] Y2020, decimal[] Y2021)> Points = new()
    {
        ["福州经济技术开发区"] = ([14, 14, 9], [10, 14, 9, 5]),
        ["江阴港城经济区"] = ([12, 8, 8], [9, 12, 5, 4]),
        ["福州高新技术产业开发区"] = ([13, 13, 9], [9, 14, 9, 5]),
        ["福清融侨经济技术开发区"] = ([12, 12, 8], [9, 13, 8, 4]),
        ["罗源湾经济开发区"] = ([10, 8, 7], [8, 11, 4, 4]),
        ["长乐临空经济区"] = ([11, 10, 7], [8, 12, 7, 4]),
        ["福州软件园"] = ([14, 15, 10], [10, 15, 10, 5]),
        ["连江经济开发区"] = ([9, 8, 5], [7, 10, 6, 3]),
        ["金山工业区"] = ([10, 11, 7], [8, 12, 8, 4]),
        ["闽清经济开发区"] = ([8, 7, 5], [6, 9, 5, 3]),
        ["永泰经济开发区"] = ([7, 6, 5], [7, 8, 8, 3]),
    };

    public async Task<string> SeedAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        var parks = await db.Parks.AsNoTracking().ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        var chiefs = new ChiefLookup(TimeProvider.System, EscalationLevels.Default);

        var first = Standard.New(StandardCode, "福州市工业园区标准化建设评价标准", GradeBands.Default, 0.5m, 90,
        [
            .. DataCriteria,
            new("planning", "规划引领与土地集约", 15, StandardRule.Assessor),
            new("infrastructure", "基础设施与配套服务", 15, StandardRule.Assessor),
            new("management", "管理体制与营商服务", 10, StandardRule.Assessor),
        ]);
        first.CreatedAt = new DateTime(2020, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        first.Publish("市工信局", new DateTime(2020, 3, 20, 0, 0, 0, DateTimeKind.Utc));
        db.Standards.Add(first);
        await db.SaveChangesAsync(cancellationToken);

        var second = first.NextDraft(2, new DateTime(2021, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        second.Define(first.Title, GradeBands.Default, 0.5m, 90,
        [
            .. DataCriteria,
            new("planning", "规划引领与土地集约", 10, StandardRule.Assessor),
            new("infrastructure", "基础设施与配套服务", 15, StandardRule.Assessor),
            new("green", "绿色低碳与安全生产", 10, StandardRule.Assessor),
            new("management", "管理体制与营商服务", 5, StandardRule.Assessor),
        ]);
        second.Publish("市工信局", new DateTime(2021, 3, 25, 0, 0, 0, DateTimeKind.Utc));
        db.Standards.Add(second);
        await db.SaveChangesAsync(cancellationToken);

        var issues2020 = await AssessAsync(db, chiefs, first, Round2020, new DateOnly(2020, 12, 15), parks, p => p.Y2020,
            cancellationToken);
        // The 2020 rectifications were done in 2021, but for one that did not hold and was reopened.
        foreach (var (issue, n) in issues2020.Select((issue, n) => (issue, n)))
        {
            issue.Rectify("已按标准完成整改", new DateOnly(2021, 3, 10 + n % 15));
            issue.Close(new DateOnly(2021, 4, 10));
        }

        if (issues2020.Count > 0)
        {
            issues2020[^1].Reopen("复查发现整改未落实到位");
        }

        await db.SaveChangesAsync(cancellationToken);

        var issues2021 = await AssessAsync(db, chiefs, second, Round2021, new DateOnly(2021, 12, 20), parks, p => p.Y2021,
            cancellationToken);
        // In 2022 about half of the 2021 items were rectified and closed; the rest are open and overdue.
        foreach (var (issue, n) in issues2021.Select((issue, n) => (issue, n)).Where(x => x.n % 2 == 0))
        {
            issue.Rectify("已制定整改方案并完成整改", new DateOnly(2022, 3, 1 + n % 20));
            if (n % 4 == 0)
            {
                issue.Close(new DateOnly(2022, 4, 15));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return $"2 park standard revisions, 2 assessment rounds, {issues2020.Count + issues2021.Count} rectification items";
    }

    private static async Task<List<ChiefIssue>> AssessAsync(ReformDbContext db, ChiefLookup chiefs, Standard standard, string title,
        DateOnly on, IReadOnlyDictionary<string, int> parks, Func<(decimal[] Y2020, decimal[] Y2021), decimal[]> points,
        CancellationToken cancellationToken)
    {
        var assessed = Points.Keys.Where(parks.ContainsKey).ToList();
        var round = AssessmentRound.New(standard, title, on, assessed.Select(name => parks[name]).ToList());
        var entered = new DateTime(on.Year, on.Month, on.Day, 8, 0, 0, DateTimeKind.Utc);
        var assessorCriteria = standard.Criteria.Where(c => c.ByAssessor).OrderBy(c => c.SortOrder).ToList();
        foreach (var name in assessed)
        {
            foreach (var (criterion, given) in assessorCriteria.Zip(points(Points[name])))
            {
                round.Enter(standard, parks[name], criterion.Key, given, $"{criterion.Name}：现场核查与资料审核", entered, "市园区标准化评价组");
            }
        }

        db.AssessmentRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);

        var names = assessed.ToDictionary(name => parks[name], name => name);
        var scored = await AssessmentFigures.ScoreAsync(db, round, standard, names, cancellationToken);
        var finalisedOn = on.AddDays(11);
        var low = round.Finalise(standard, scored, new DateTime(finalisedOn.Year, finalisedOn.Month, finalisedOn.Day, 9, 0, 0,
            DateTimeKind.Utc), "市工信局");
        await db.SaveChangesAsync(cancellationToken);
        await AssessParks.RaiseRectificationsAsync(db, chiefs, round, standard, low, finalisedOn, cancellationToken);
        var ids = await db.ParkRectifications.Where(r => r.RoundId == round.Id).Select(r => r.ChiefIssueId).ToListAsync(cancellationToken);
        return await db.ChiefIssues.Where(i => ids.Contains(i.Id)).OrderBy(i => i.Id).ToListAsync(cancellationToken);
    }
}
