using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Data;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Ledger;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>The dashboard's figures agree with counts made here, by plain LINQ over the demo database.</summary>
public abstract class OverviewTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private async Task<Overview> GetOverviewAsync(string query = "")
    {
        using var client = app.CreateClient();
        var overview = await client.GetFromJsonAsync<Overview>("/api/v1/overview" + query, JsonSerializerOptions.Web);
        return overview!;
    }

    private sealed record Row(int Id, int LeadUnitId, int ObjectiveId, MeasureStatus Status, DateOnly StartOn, DateOnly DueOn,
        int Progress, DateOnly? CompletedOn);

    private async Task<(List<Row> Measures, ReformDbContext Db)> LoadAsync()
    {
        var db = app.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContext();
        var measures = await db.Measures
            .Select(m => new Row(m.Id, m.LeadUnitId, m.ObjectiveId, m.Status, m.StartOn, m.DueOn, m.Progress, m.CompletedOn))
            .ToListAsync();
        return (measures, db);
    }

    [SkippableFact]
    public async Task Overview_counts_meetings_documents_measures_and_overdue_as_the_database_holds_them()
    {
        app.SkipIfUnavailable();
        var (measures, db) = await LoadAsync();
        await using var _ = db;
        var meetings = await db.Meetings.CountAsync();
        var passed = (await db.DocumentReviews.Where(r => r.Outcome == ReviewOutcome.Passed).Select(r => r.DocumentId).ToListAsync())
            .Distinct().Count();
        var completed = measures.Count(m => m.Status == MeasureStatus.Completed);
        var counted = measures.Count(m => m.Status is not (MeasureStatus.Cancelled or MeasureStatus.Draft));

        var overview = await GetOverviewAsync();

        Assert.Equal(62, overview.MeetingsHeld);
        Assert.Equal(meetings, overview.MeetingsHeld);
        Assert.Equal(passed, overview.DocumentsPassed);
        Assert.Equal(measures.Count, overview.MeasuresIntroduced);
        Assert.Equal(completed, overview.MeasuresCompleted);
        Assert.Equal(counted, overview.MeasuresCounted);
        Assert.Equal(completed / (double)counted, overview.CompletionRate, 9);
        Assert.Equal(measures.Count(m => m.Status == MeasureStatus.Active && m.DueOn < Today), overview.Overdue);
        Assert.True(overview.Overdue > 0);
    }

    [SkippableFact]
    public async Task Overview_lights_per_key_task_follow_the_light_rule()
    {
        app.SkipIfUnavailable();
        var (measures, db) = await LoadAsync();
        await using var _ = db;
        var objectives = await db.Objectives.ToDictionaryAsync(o => o.Id);
        int KeyTaskOf(int objectiveId)
        {
            var objective = objectives[objectiveId];
            while (objective.Level != ObjectiveLevel.KeyTask)
            {
                objective = objectives[objective.ParentId!.Value];
            }

            return objective.Id;
        }

        var lit = measures
            .Select(m => (KeyTask: KeyTaskOf(m.ObjectiveId),
                Light: LightRule.Compute(m.Status, m.StartOn, m.DueOn, m.Progress, Today, LightThresholds.Default)))
            .ToList();

        var overview = await GetOverviewAsync();

        Assert.Equal(10, overview.LightsByKeyTask.Count);
        foreach (var k in overview.LightsByKeyTask)
        {
            Assert.Equal(lit.Count(l => l.KeyTask == k.ObjectiveId && l.Light == Light.Green), k.Green);
            Assert.Equal(lit.Count(l => l.KeyTask == k.ObjectiveId && l.Light == Light.Yellow), k.Yellow);
            Assert.Equal(lit.Count(l => l.KeyTask == k.ObjectiveId && l.Light == Light.Red), k.Red);
        }

        Assert.Equal(lit.Count(l => l.Light == Light.Green), overview.Green);
        Assert.Equal(lit.Count(l => l.Light == Light.Yellow), overview.Yellow);
        Assert.Equal(lit.Count(l => l.Light == Light.Red), overview.Red);
        Assert.True(overview is { Green: > 0, Yellow: > 0, Red: > 0 });
    }

    [SkippableFact]
    public async Task Overview_counts_completions_per_month_over_the_last_24_months()
    {
        app.SkipIfUnavailable();
        var (measures, db) = await LoadAsync();
        await using var _ = db;

        var overview = await GetOverviewAsync();

        Assert.Equal(24, overview.CompletionsByMonth.Count);
        Assert.Equal("2024-12", overview.CompletionsByMonth[0].Month);
        Assert.Equal("2026-11", overview.CompletionsByMonth[^1].Month);
        foreach (var month in overview.CompletionsByMonth)
        {
            var expected = measures.Count(m => m.Status == MeasureStatus.Completed
                                               && m.CompletedOn?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) == month.Month);
            Assert.Equal(expected, month.Completed);
        }

        Assert.True(overview.CompletionsByMonth.Sum(m => m.Completed) > 0);
    }

    [SkippableFact]
    public async Task Overview_for_a_district_counts_only_measures_its_units_lead()
    {
        app.SkipIfUnavailable();
        var (measures, db) = await LoadAsync();
        await using var _ = db;
        var gulou = await db.Units.SingleAsync(u => u.Code == "FZ-GL");
        var subtree = (await db.Units.ToListAsync()).Where(u => u.Path.StartsWith(gulou.Path, StringComparison.Ordinal))
            .Select(u => u.Id).ToHashSet();
        var own = measures.Where(m => subtree.Contains(m.LeadUnitId)).ToList();

        var overview = await GetOverviewAsync($"?unitId={gulou.Id}");

        Assert.Equal(own.Count, overview.MeasuresIntroduced);
        Assert.Equal(own.Count(m => m.Status == MeasureStatus.Completed), overview.MeasuresCompleted);
        Assert.Equal(own.Count(m => m.Status == MeasureStatus.Active && m.DueOn < Today), overview.Overdue);
        Assert.Equal(own.Count(m => LightRule.Compute(m.Status, m.StartOn, m.DueOn, m.Progress, Today, LightThresholds.Default) == Light.Red),
            overview.Red);
        Assert.True(overview.Red > 0);
        Assert.True(overview.MeasuresIntroduced < measures.Count);
    }

    [SkippableFact]
    public async Task Overview_for_an_unknown_unit_is_a_bad_request()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/overview?unitId=999999");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class SqliteOverviewTests(SqliteDemoApp app) : OverviewTests<SqliteDemoApp>(app);

public sealed class PostgresOverviewTests(PostgresDemoApp app) : OverviewTests<PostgresDemoApp>(app);
