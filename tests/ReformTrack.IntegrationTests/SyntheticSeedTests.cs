using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Data.Synthetic;
using ReformTrack.Modules.Ledger;
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
