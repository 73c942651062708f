using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Data.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Modules.Diffusion;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Supervision;
using ReformTrack.Shared;
using ReformTrack.Testing;
using Xunit.Abstractions;

namespace ReformTrack.IntegrationTests;

/// <summary>
/// The synthetic generator at city scale: the same seed loads the same data, another seed other
/// data; the programme has the shape it promises; the app serves it; a loaded database is refused.
/// </summary>
public abstract class SyntheticSeedTests(ITestOutputHelper output)
{
    protected abstract TestDatabase NewDatabase();

    private protected abstract ReformDbContext Open(TestDatabase database);

    [SkippableFact]
    public async Task The_same_seed_loads_the_same_city_and_another_seed_another()
    {
        using var first = NewDatabase();
        Skip.If(first.Unavailable is not null, first.Unavailable);
        using var second = NewDatabase();
        using var other = NewDatabase();

        var firstDump = await SeedAndDumpAsync(first, 7);
        var secondDump = await SeedAndDumpAsync(second, 7);
        var otherDump = await SeedAndDumpAsync(other, 8);

        Assert.Equal(firstDump.Keys, secondDump.Keys);
        foreach (var table in firstDump.Keys)
        {
            Assert.True(firstDump[table] == secondDump[table], $"Table {table} differs between two loads with the same seed.");
        }

        Assert.NotEqual(firstDump["Measures"], otherDump["Measures"]);
        Assert.NotEqual(firstDump["ProgressReports"], otherDump["ProgressReports"]);
    }

    [SkippableFact]
    public async Task A_city_has_its_units_measures_reports_and_every_state_and_the_ledger_serves_them()
    {
        var database = NewDatabase();
        Skip.If(database.Unavailable is not null, database.Unavailable);
        await using (var db = Open(database))
        {
            await DatabaseSetup.MigrateAsync(db);
            var summary = await new SyntheticSeeder(db).SeedAsync(SyntheticScale.City, 11);
            output.WriteLine(summary.ToString());
        }

        int active;
        await using (var db = Open(database))
        {
            var paths = await db.Units.Select(u => u.Path).ToListAsync();
            Assert.InRange(paths.Count, 150, 400);
            Assert.Equal(4, paths.Max(p => p.Count(c => c == '/') - 1));
            Assert.Equal(2_000, await db.Measures.CountAsync());
            Assert.InRange(await db.ProgressReports.CountAsync(), 15_000, 35_000);
            Assert.True(await db.Objectives.CountAsync() > 20);
            Assert.True(await db.DocumentClauses.CountAsync() > await db.Documents.CountAsync() * 5);
            Assert.True(await db.Meetings.CountAsync() > 50);

            var statuses = await db.Measures.GroupBy(m => m.Status).Select(g => g.Key).ToListAsync();
            Assert.Equal(Enum.GetValues<MeasureStatus>().Order(), statuses.Order());
            var reportStatuses = await db.ProgressReports.GroupBy(r => r.Status).Select(g => g.Key).ToListAsync();
            Assert.Equal(Enum.GetValues<ReportStatus>().Order(), reportStatuses.Order());

            // Skewed: the busiest lead unit leads many times the median unit's measures.
            var perUnit = await db.Measures.GroupBy(m => m.LeadUnitId).Select(g => g.Count()).ToListAsync();
            var sorted = perUnit.Order().ToList();
            Assert.True(sorted[^1] >= 5 * sorted[sorted.Count / 2], $"max {sorted[^1]}, median {sorted[sorted.Count / 2]}");

            // Monthly reports with gaps: some measures skip a month between reports.
            var reports = await db.ProgressReports.Select(r => new { r.MeasureId, r.Content.Period }).ToListAsync();
            var gaps = reports.GroupBy(r => r.MeasureId).Count(g =>
            {
                var months = g.Select(r => DateOnly.ParseExact(r.Period + "-01", "yyyy-MM-dd")).Order().ToList();
                return months.Zip(months.Skip(1)).Any(p => p.Second > p.First.AddMonths(1));
            });
            Assert.True(gaps > 100, $"{gaps} measures have a gap in their reports");

            active = await db.Measures.CountAsync(m => m.Status == MeasureStatus.Active);
            await Assert.ThrowsAsync<InvalidOperationException>(() => new SyntheticSeeder(db).SeedAsync(SyntheticScale.City, 11));
        }

        using var app = new AppOnDatabase(database);
        using var client = app.CreateClient();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/measures?pageSize=50&sort=-dueOn");
        Assert.Equal(2_000, page.GetProperty("total").GetInt32());
        Assert.Equal(50, page.GetProperty("items").GetArrayLength());

        var overview = await client.GetFromJsonAsync<JsonElement>("/api/v1/overview");
        var green = overview.GetProperty("green").GetInt32();
        var yellow = overview.GetProperty("yellow").GetInt32();
        var red = overview.GetProperty("red").GetInt32();
        output.WriteLine($"active {active}: green {green}, yellow {yellow}, red {red}");
        Assert.Equal(active, green + yellow + red);
        Assert.True(green > yellow && yellow > 0 && red > 0, $"green {green}, yellow {yellow}, red {red}");
    }

    [SkippableFact]
    public async Task A_city_has_pilots_innovations_cases_indicators_parks_and_supervision_items_that_fit_its_ledger()
    {
        var database = NewDatabase();
        Skip.If(database.Unavailable is not null, database.Unavailable);
        await using (var db = Open(database))
        {
            await DatabaseSetup.MigrateAsync(db);
            output.WriteLine((await new SyntheticSeeder(db).SeedAsync(SyntheticScale.City, 11)).ToString());
        }

        await using (var db = Open(database))
        {
            Assert.True(await db.Pilots.CountAsync() >= 20);
            var pilotStatuses = await db.Pilots.Select(p => p.Status).Distinct().ToListAsync();
            Assert.Contains(PilotStatus.Granted, pilotStatuses);
            Assert.Contains(PilotStatus.Passed, pilotStatuses);
            Assert.Equal(0, await db.Pilots.CountAsync(p => p.Status != PilotStatus.Applied && p.Status != PilotStatus.Withdrawn && p.GrantedOn == null));

            // Innovations and their replications: one adopter counted once per innovation and level, never the origin,
            // never before the introduction; some copy an earlier adopter of the same innovation (chains of copies).
            Assert.True(await db.Innovations.CountAsync() >= 30);
            var replications = await db.Replications
                .Join(db.Innovations, r => r.InnovationId, i => i.Id, (r, i) => new
                {
                    r.Id, r.InnovationId, r.Level, r.AdopterKey, r.AdopterUnitId, r.AdoptedOn, r.SourceReplicationId,
                    i.OriginUnitId, i.FirstIntroducedOn,
                })
                .ToListAsync();
            Assert.True(replications.Count > 60, $"{replications.Count} replications");
            Assert.All(replications.GroupBy(r => (r.InnovationId, r.Level, r.AdopterKey)), g => Assert.Single(g));
            Assert.All(replications, r => Assert.NotEqual(r.OriginUnitId, r.AdopterUnitId));
            Assert.All(replications, r => Assert.True(r.AdoptedOn >= r.FirstIntroducedOn));
            var byId = replications.ToDictionary(r => r.Id);
            var copies = replications.Where(r => r.SourceReplicationId is not null).ToList();
            Assert.NotEmpty(copies);
            Assert.All(copies, r =>
            {
                var source = byId[r.SourceReplicationId!.Value];
                Assert.Equal(r.InnovationId, source.InnovationId);
                Assert.True(source.AdoptedOn <= r.AdoptedOn);
            });
            Assert.True(replications.Select(r => r.Level).Distinct().Count() >= 3);

            Assert.True(await db.Honours.CountAsync(h => h.Category == HonourCategory.TypicalCase) > 5);
            Assert.Equal(0, await db.Honours.CountAsync(h => h.UnitId == null && h.MeasureId == null && h.InnovationId == null && h.PilotId == null));

            Assert.True(await db.Indicators.CountAsync() >= 10);
            Assert.Equal(0, await db.Indicators.CountAsync(i => !db.Observations.Any(o => o.IndicatorId == i.Id)));
            Assert.Equal(0, await db.Observations.Where(o => o.UnitId != null).GroupBy(o => new { o.IndicatorId, o.On, o.UnitId })
                .CountAsync(g => g.Count() > 1));

            Assert.Equal(await db.Units.CountAsync(u => u.Kind == Modules.Organisation.UnitKind.Park), await db.Parks.CountAsync());
            Assert.True(await db.Chains.CountAsync() >= 3);
            Assert.True(await db.ChainParks.CountAsync() > 0 && await db.ChainEnterprises.CountAsync() > 0);
            Assert.Equal(0, await db.ChainEnterprises.CountAsync(e => !db.ChainParks.Any(p => p.ChainId == e.ChainId && p.ParkId == e.ParkId)));

            // Supervision items: every one on an existing measure and its lead unit; open at every rung, some answered, some closed.
            var items = await db.SupervisionItems.IgnoreQueryFilters().ToListAsync();
            var measures = await db.Measures.IgnoreQueryFilters().ToDictionaryAsync(m => m.Id, m => new { m.LeadUnitId, m.Status });
            Assert.All(items, i => Assert.Equal(measures[i.MeasureId].LeadUnitId, i.UnitId));
            var open = items.Where(i => i.Status != SupervisionStatus.Closed).ToList();
            Assert.Equal(Enum.GetValues<SupervisionLevel>().Order(), open.Select(i => i.Level).Distinct().Order());
            Assert.Contains(open, i => i.Status == SupervisionStatus.Answered);
            Assert.Contains(open, i => i.Rule == SupervisionRule.Manual);
            Assert.Contains(items, i => i.Status == SupervisionStatus.Closed && i.ClosedBecause == ClosedBecause.BackOnTrack);
            Assert.All(open.Where(i => i.IsAutomatic), i => Assert.Equal(MeasureStatus.Active, measures[i.MeasureId].Status));
            Assert.All(items.Where(i => i.Status == SupervisionStatus.Closed), i => Assert.Null(i.OpenKey));
        }

        // The daily rules of the reference day agree with the items held open: none closes, none climbs or changes its rule.
        using var app = new AppOnDatabase(database);
        using var scope = app.Services.CreateScope();
        var run = await scope.ServiceProvider.GetRequiredService<EvaluateSupervision>().RunAsync(SyntheticProgramme.AsOf);
        output.WriteLine(run.ToString());
        Assert.Equal(0, run.Closed);
        Assert.Equal(0, run.Escalated);
        Assert.Equal(0, run.Reclassified);
    }

    private async Task<Dictionary<string, string>> SeedAndDumpAsync(TestDatabase database, int seed)
    {
        await using var db = Open(database);
        await DatabaseSetup.MigrateAsync(db);
        var summary = await new SyntheticSeeder(db).SeedAsync(SyntheticScale.City, seed);
        output.WriteLine($"{database.Provider}: {summary}");
        return await DemoSeedTests.DumpAsync(db);
    }

    /// <summary>The app on a database the test has already loaded.</summary>
    private sealed class AppOnDatabase(TestDatabase database) : ReformTrackApp(database);
}

public sealed class SqliteSyntheticSeedTests(ITestOutputHelper output) : SyntheticSeedTests(output)
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();

    private protected override ReformDbContext Open(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<SqliteReformDbContext>();
        DatabaseSetup.ConfigureSqlite(options, database.ConnectionString);
        return new SqliteReformDbContext(options.Options);
    }
}

public sealed class PostgresSyntheticSeedTests(ITestOutputHelper output) : SyntheticSeedTests(output)
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();

    private protected override ReformDbContext Open(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<PostgresReformDbContext>();
        DatabaseSetup.ConfigurePostgres(options, database.ConnectionString);
        return new PostgresReformDbContext(options.Options);
    }
}
