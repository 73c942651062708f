using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Data;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;
using ReformTrack.Shared;
using ReformTrack.Shared.Scoring;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>Distinctions with fixed counts per unit, standing in for the diffusion module's queries.</summary>
internal sealed class FixedDistinctions : IUnitDistinctions
{
    private readonly Dictionary<int, DistinctionCounts> _counts = [];
    private readonly Lock _lock = new();

    public void Set(int unitId, DistinctionCounts counts)
    {
        lock (_lock)
        {
            _counts[unitId] = counts;
        }
    }

    public Task<IReadOnlyDictionary<int, DistinctionCounts>> CountAsync(IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyDictionary<int, DistinctionCounts>>(
                unitIds.ToDictionary(id => id, id => _counts.GetValueOrDefault(id) ?? DistinctionCounts.None));
        }
    }

    public Task<IReadOnlyList<Distinction>> ListAsync(int unitId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var counts = _counts.GetValueOrDefault(unitId) ?? DistinctionCounts.None;
        var items = Enumerable.Range(1, counts.PilotsGranted).Select(i => new Distinction(DistinctionKind.PilotGranted, i, $"Pilot {i}", from, "national"))
            .Concat(Enumerable.Range(1, counts.CasesWon).Select(i => new Distinction(DistinctionKind.CaseWon, i, $"Case {i}", from, "provincial")))
            .Concat(Enumerable.Range(1, counts.Replications).Select(i => new Distinction(DistinctionKind.Replication, i, $"Replication {i}", from, "municipal")))
            .ToList();
        return Task.FromResult<IReadOnlyList<Distinction>>(items);
    }
}

public class AppraisalSqliteApp : SqliteApp
{
    internal FixedDistinctions Distinctions { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IUnitDistinctions>(Distinctions));
    }
}

public class AppraisalPostgresApp : PostgresApp
{
    internal FixedDistinctions Distinctions { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IUnitDistinctions>(Distinctions));
    }
}

public sealed record RunRowDto(int Id, string Status, int Edition, int SeriesId);

public sealed record ValueDto(string Kind, decimal? Raw, int? Numerator, int? Denominator, decimal Contribution, string? Note);

public sealed record ResultDto(int UnitId, string UnitCode, decimal Score, int Rank, string Grade, List<ValueDto> Values)
{
    public ValueDto Value(string kind) => Values.Single(v => v.Kind == kind);
}

public sealed record EditionDto(int Id, int Edition, string Status);

public sealed record RunDto(RunRowDto Run, List<ResultDto> Results, List<EditionDto> Editions)
{
    public ResultDto Unit(int id) => Results.Single(r => r.UnitId == id);
}

public sealed record DrillItemDto(string Type, int Id, int? MeasureId, string Code, string Title, bool Counts, int? Amount);

public sealed record DrillDto(decimal? Raw, List<DrillItemDto> Items);

/// <summary>
/// A small programme whose appraisal is computed by hand (see AppraisalTests): under a root, unit A
/// (with a sub-unit A1), B and C; five measures and six reports in 2021 and one report outside it.
/// </summary>
public sealed class AppraisalScenario
{
    public required string Prefix { get; init; }
    public int Root { get; set; }
    public int A { get; set; }
    public int A1 { get; set; }
    public int B { get; set; }
    public int C { get; set; }
    public Dictionary<string, int> Measures { get; } = [];

    public string Code(string unit) => $"{Prefix}-{unit}";

    private static DateTime At(int y, int m, int d, int h = 9) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    internal static async Task<AppraisalScenario> BuildAsync(ReformTrackApp app, FixedDistinctions distinctions)
    {
        var scenario = new AppraisalScenario { Prefix = "AP" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant() };
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContextAsync();

        async Task<Unit> AddUnit(string code, Unit? parent)
        {
            var unit = Unit.New(scenario.Code(code), $"{code} office", parent is null ? UnitKind.Commission : UnitKind.DistrictOffice);
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            unit.PlaceUnder(parent);
            await db.SaveChangesAsync();
            return unit;
        }

        var root = await AddUnit("ROOT", null);
        var a = await AddUnit("A", root);
        var a1 = await AddUnit("A1", a);
        var b = await AddUnit("B", root);
        var c = await AddUnit("C", root);
        (scenario.Root, scenario.A, scenario.A1, scenario.B, scenario.C) = (root.Id, a.Id, a1.Id, b.Id, c.Id);

        var objective = Objective.New(scenario.Code("OBJ"), "Test objective", 1);
        db.Objectives.Add(objective);
        await db.SaveChangesAsync();
        objective.PlaceUnder(null);
        await db.SaveChangesAsync();

        async Task<Measure> AddMeasure(string name, Unit lead, DateOnly start, DateOnly due)
        {
            var measure = new Measure { Code = scenario.Code(name), Title = $"Measure {name}", ObjectiveId = objective.Id, LeadUnitId = lead.Id };
            measure.Schedule(start, due);
            measure.Activate();
            db.Measures.Add(measure);
            await db.SaveChangesAsync();
            scenario.Measures[name] = measure.Id;
            return measure;
        }

        var m1 = await AddMeasure("M1", a, new DateOnly(2020, 6, 1), new DateOnly(2021, 3, 31));
        var m2 = await AddMeasure("M2", a1, new DateOnly(2020, 6, 1), new DateOnly(2021, 6, 30));
        var m3 = await AddMeasure("M3", a, new DateOnly(2020, 6, 1), new DateOnly(2021, 10, 31));
        var m4 = await AddMeasure("M4", a, new DateOnly(2020, 6, 1), new DateOnly(2022, 6, 30));
        var m5 = await AddMeasure("M5", b, new DateOnly(2020, 6, 1), new DateOnly(2021, 5, 31));

        ProgressReport Report(Measure m, string period, DateTime at)
        {
            var report = m.SubmitReport(new ReportContent { Period = period, Percent = 50, Done = "work", Explanation = "as planned" },
                "liaison", at, DateOnly.FromDateTime(at), LightThresholds.Default);
            db.ProgressReports.Add(report);
            return report;
        }

        m1.Accept(Report(m1, "2021-01", At(2021, 2, 3)), "office", At(2021, 2, 8), null, null);
        Report(m1, "2021-02", At(2021, 3, 9)).Return("office", At(2021, 3, 12), "no evidence");
        m3.Accept(Report(m3, "2021-05", At(2021, 6, 5, 23)), "office", At(2021, 6, 8), null, null);
        m4.Accept(Report(m4, "2020-12", At(2021, 1, 3)), "office", At(2021, 1, 5), null, null);
        m5.Accept(Report(m5, "2021-04", At(2021, 5, 2)), "office", At(2021, 5, 4), null, null);
        await db.SaveChangesAsync();

        m1.Complete(new DateOnly(2021, 3, 20));
        m2.Complete(new DateOnly(2021, 7, 10));
        m5.Complete(new DateOnly(2021, 5, 1));
        await db.SaveChangesAsync();

        distinctions.Set(a.Id, new DistinctionCounts(PilotsGranted: 2, CasesWon: 1, Replications: 7));
        return scenario;
    }

    /// <summary>Creates and publishes the scheme of the hand computation; returns its id.</summary>
    public static async Task<int> PublishSchemeAsync(HttpClient client, string code, decimal completionWeight = 30)
    {
        var created = await client.PostAsJsonAsync("/api/v1/appraisal/schemes", Scheme(code, completionWeight));
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await client.PostAsync($"/api/v1/appraisal/schemes/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    public static object Scheme(string code, decimal completionWeight) => new
    {
        code,
        title = "Test appraisal scheme",
        excellentFrom = 90,
        goodFrom = 80,
        passFrom = 60,
        criteria = new object[]
        {
            new { kind = "CompletionRate", weight = completionWeight },
            new { kind = "OnTimeRate", weight = 25 },
            new { kind = "ReportPunctuality", weight = 20, deadlineDay = 5 },
            new { kind = "ReviewQuality", weight = 15 },
            new { kind = "OverduePenalty", pointsPerItem = 0.05, cap = 10 },
            new { kind = "PilotBonus", pointsPerItem = 2, cap = 6 },
            new { kind = "CaseBonus", pointsPerItem = 3, cap = 6 },
            new { kind = "ReplicationBonus", pointsPerItem = 1, cap = 5 },
            new { kind = "ManualAdjustment", cap = 5 },
        },
    };

    public async Task<RunDto> RunAsync(HttpClient client, int schemeId)
    {
        var response = await client.PostAsJsonAsync("/api/v1/appraisal/runs",
            new { schemeId, from = "2021-01-01", to = "2021-12-31", rootUnitId = Root });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RunDto>(JsonSerializerOptions.Web))!;
    }

    public static async Task<RunDto> GetRunAsync(HttpClient client, int runId) =>
        (await client.GetFromJsonAsync<RunDto>($"/api/v1/appraisal/runs/{runId}", JsonSerializerOptions.Web))!;
}
