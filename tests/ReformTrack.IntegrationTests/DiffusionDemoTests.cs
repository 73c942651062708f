using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Data;
using ReformTrack.Modules.Accounts;
using ReformTrack.Shared;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>The article's diffusion figures, as the API computes them from the demo programme.</summary>
public abstract class DiffusionDemoTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private async Task<int> UnitIdAsync(string code)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContextAsync();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }

    private static int Level(JsonNode summary, string level) =>
        (int)summary["replicationsByLevel"]!.AsArray().Single(l => (string)l!["level"]! == level)!["count"]!;

    [SkippableFact]
    public async Task Free_trade_zone_pioneered_102_replicated_25_nationally_and_110_in_the_province()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var ftz = await UnitIdAsync("FZ-FTZ");

        var summary = await client.GetJsonAsync($"/api/v1/innovations/summary?unitId={ftz}");

        Assert.Equal(102, (int)summary["pioneered"]!);
        Assert.Equal(25, Level(summary, "Nation"));
        Assert.Equal(110, Level(summary, "Province"));
        var innovations = await client.GetJsonAsync($"/api/v1/innovations?unitId={ftz}&pageSize=1");
        Assert.Equal(102, (int)innovations["total"]!);
    }

    [SkippableFact]
    public async Task Demo_copy_trees_hold_chains_of_copies()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var page = await client.GetJsonAsync("/api/v1/innovations?pageSize=200");
        var first = page["items"]!.AsArray().MinBy(i => (string)i!["firstIntroducedOn"]!)!;

        var detail = await client.GetJsonAsync($"/api/v1/innovations/{(int)first["id"]!}");

        var deepest = Depth(detail["copyTree"]!);
        Assert.True(deepest >= 3, $"The first innovation's copy tree is {deepest} deep.");
    }

    private static int Depth(JsonNode node) => 1 + node["copies"]!.AsArray().Select(c => Depth(c!)).DefaultIfEmpty(0).Max();

    [SkippableFact]
    public async Task Demo_has_the_articles_pilots_and_honours()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var pilots = await client.GetJsonAsync("/api/v1/pilots?pageSize=200");
        var names = pilots["items"]!.AsArray().Select(p => (string)p!["name"]!).ToList();
        Assert.Contains(names, n => n.Contains("海绵城市", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("城乡融合", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("自由贸易试验区", StringComparison.Ordinal));

        var cases = await client.GetJsonAsync("/api/v1/cases?year=2018&pageSize=200");
        Assert.Contains(cases["items"]!.AsArray(), c => ((string)c!["title"]!).Contains("中国廉洁创新奖", StringComparison.Ordinal));
        var award = await client.GetJsonAsync("/api/v1/cases?category=Award&pageSize=200");
        Assert.NotEqual(0, (int)award["total"]!);

        var due = await client.GetJsonAsync("/api/v1/pilots/due-for-evaluation?withinDays=30");
        Assert.NotEmpty(due.AsArray());
    }

    [SkippableFact]
    public async Task A_pilot_due_for_evaluation_shows_in_its_holders_inbox_and_nowhere_else()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var due = (await admin.GetJsonAsync("/api/v1/pilots/due-for-evaluation?withinDays=30")).AsArray()
            .First(p => p!["holderUnitId"] is not null)!;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContextAsync();
        var holder = await db.Units.SingleAsync(u => u.Id == (int)due["holderUnitId"]!);
        var stranger = await db.Units.Where(u => !u.Path.StartsWith(holder.Path) && !holder.Path.StartsWith(u.Path))
            .OrderBy(u => u.Id).FirstAsync();
        using var holdersLiaison = app.CreateClientAs(Role.Liaison, holder.Code);
        using var strangersLiaison = app.CreateClientAs(Role.Liaison, stranger.Code);

        static async Task<List<string>> PilotEntriesAsync(HttpClient client) =>
            (await client.GetJsonAsync("/api/v1/inbox"))["entries"]!.AsArray()
            .Where(e => (string)e!["kind"]! == "PilotEvaluationDue").Select(e => (string)e!["title"]!).ToList();

        Assert.Contains((string)due["name"]!, await PilotEntriesAsync(holdersLiaison));
        Assert.DoesNotContain((string)due["name"]!, await PilotEntriesAsync(strangersLiaison));
    }

    [SkippableFact]
    public async Task Chronicle_facts_of_diffusion_are_one_per_record()
    {
        app.SkipIfUnavailable();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContextAsync();
        var source = app.Services.GetServices<IChronicleSource>().Single(s => s.GetType().Name == "DiffusionChronicle");

        var facts = await source.FactsAsync(db, CancellationToken.None);

        Assert.Equal(facts.Count, facts.Select(f => f.Key).Distinct().Count());
        Assert.Equal(102, facts.Count(f => f.Category == ChronicleCategory.Innovation));
        Assert.Contains(facts, f => f.Category == ChronicleCategory.Pilot && f.Date == new DateOnly(2016, 4, 27));
        Assert.Contains(facts, f => f.Category == ChronicleCategory.Case && f.Date.Year == 2015);
        Assert.DoesNotContain(facts, f => f.Title.Contains("数字经济创新发展试验区", StringComparison.Ordinal));
    }
}

public sealed class SqliteDiffusionDemoTests(SqliteDemoApp app) : DiffusionDemoTests<SqliteDemoApp>(app);

public sealed class PostgresDiffusionDemoTests(PostgresDemoApp app) : DiffusionDemoTests<PostgresDemoApp>(app);
