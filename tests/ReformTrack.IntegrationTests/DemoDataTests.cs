using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Cli;
using ReformTrack.Data;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>What the demo programme holds, read straight from a database the app seeded at start.</summary>
public abstract class DemoDataTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private ReformDbContext Db() => app.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContext();

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    [SkippableFact]
    public async Task Demo_holds_62_meetings_over_120_documents_and_about_2130_measures()
    {
        app.SkipIfUnavailable();
        await using var db = Db();

        var meetings = await db.Meetings.Select(m => m.Number).OrderBy(n => n).ToListAsync();
        var documents = await db.Documents.CountAsync();
        var measures = await db.Measures.CountAsync();

        Assert.Equal(Enumerable.Range(1, 62), meetings);
        Assert.True(documents >= 120, $"{documents} documents");
        Assert.InRange(measures, 2100, 2200);
        Assert.True(await db.ProgressReports.CountAsync() > measures);
    }

    [SkippableFact]
    public async Task Every_status_and_every_light_is_present_on_the_test_day()
    {
        app.SkipIfUnavailable();
        await using var db = Db();
        var measures = await db.Measures.AsNoTracking().ToListAsync();
        var today = Today;

        Assert.Equal(Enum.GetValues<MeasureStatus>().Order(), measures.Select(m => m.Status).Distinct().Order());
        var lights = measures.Select(m => m.LightOn(today, LightThresholds.Default)).ToList();
        Assert.Equal(Enum.GetValues<Light>().Order(), lights.Distinct().Order());
        Assert.Contains(measures, m => m.Status == MeasureStatus.Active && m.DueOn < today);
        Assert.Contains(measures, m => m.DueOn >= today && m.LightOn(today, LightThresholds.Default) == Light.Red);
        Assert.All(measures.Where(m => m.Status == MeasureStatus.Cancelled), m => Assert.False(string.IsNullOrWhiteSpace(m.StatusReason)));
    }

    [SkippableFact]
    public async Task Gulou_leads_measures_that_are_red()
    {
        app.SkipIfUnavailable();
        await using var db = Db();
        var gulou = await db.Units.SingleAsync(u => u.Code == "FZ-GL");
        var subtree = await db.Units.Where(u => u.Path.StartsWith(gulou.Path)).Select(u => u.Id).ToListAsync();
        var measures = await db.Measures.AsNoTracking().Where(m => subtree.Contains(m.LeadUnitId)).ToListAsync();

        Assert.Contains(measures, m => m.LightOn(Today, LightThresholds.Default) == Light.Red);
    }

    [SkippableFact]
    public async Task The_Decision_has_its_five_supporting_documents()
    {
        app.SkipIfUnavailable();
        await using var db = Db();
        var decision = await db.Documents.SingleAsync(d => d.Kind == DocumentKind.Decision);

        var children = await db.Documents.Where(d => d.ParentId == decision.Id).ToListAsync();

        Assert.Equal(5, children.Count);
        Assert.All(children, c => Assert.Equal(DocumentKind.SupportingDocument, c.Kind));
    }

    [SkippableFact]
    public async Task Every_document_is_passed_at_a_meeting_and_a_few_were_deferred_first()
    {
        app.SkipIfUnavailable();
        await using var db = Db();
        var reviews = await db.DocumentReviews.ToListAsync();
        var heldOn = await db.Meetings.ToDictionaryAsync(m => m.Id, m => m.HeldOn);
        var documents = await db.Documents.Select(d => d.Id).ToListAsync();

        Assert.All(documents, id => Assert.Single(reviews, r => r.DocumentId == id && r.Outcome == ReviewOutcome.Passed));
        var deferred = reviews.Where(r => r.Outcome == ReviewOutcome.Deferred).ToList();
        Assert.NotEmpty(deferred);
        Assert.All(deferred, d => Assert.True(heldOn[d.MeetingId] < heldOn[reviews.Single(r =>
            r.DocumentId == d.DocumentId && r.Outcome == ReviewOutcome.Passed).MeetingId]));
    }

    [SkippableFact]
    public async Task Measures_cite_clauses_and_a_few_clauses_have_no_measure()
    {
        app.SkipIfUnavailable();
        await using var db = Db();

        var uncited = await db.DocumentClauses.CountAsync(c => !db.Measures.Any(m => m.ClauseId == c.Id));
        var citing = await db.Measures.CountAsync(m => m.ClauseId != null && m.DocumentId != null);

        Assert.InRange(uncited, 1, 30);
        Assert.Equal(await db.Measures.CountAsync(), citing);
    }

    [SkippableFact]
    public async Task Accepted_progress_is_the_percent_of_the_last_accepted_report()
    {
        app.SkipIfUnavailable();
        await using var db = Db();
        var progress = await db.Measures.ToDictionaryAsync(m => m.Id, m => m.Progress);
        var lastAccepted = (await db.ProgressReports
                .Where(r => r.Status == ReportStatus.Accepted)
                .Select(r => new { r.MeasureId, r.ReviewedAt, r.Id, r.Content.Percent })
                .ToListAsync())
            .GroupBy(r => r.MeasureId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.ReviewedAt).ThenBy(r => r.Id).Last().Percent);
        var statuses = await db.ProgressReports.Select(r => r.Status).Distinct().ToListAsync();

        Assert.All(progress, p => Assert.Equal(lastAccepted.GetValueOrDefault(p.Key), p.Value));
        Assert.Equal(Enum.GetValues<ReportStatus>().Order(), statuses.Order());
        Assert.False(await db.ProgressReports.AnyAsync(r => r.Status == ReportStatus.Returned && r.ReturnReason == null));
    }

    [SkippableFact]
    public async Task Seed_command_refuses_a_database_that_already_holds_measures()
    {
        app.SkipIfUnavailable();
        await using var db = Db();
        var before = await db.Measures.CountAsync();

        // Under the test runner the entry assembly is the runner's, so the host is told its own name.
        var exitCode = await CliApp.RunAsync(
        [
            "seed", "--demo", "--applicationName=reformtrack", $"--Database:Provider={app.Database.Provider}",
            $"--ConnectionStrings:ReformTrack={app.Database.ConnectionString}", "--Logging:LogLevel:Default=Warning",
        ]);

        Assert.Equal(1, exitCode);
        Assert.Equal(before, await db.Measures.CountAsync());
    }

    [SkippableFact]
    public async Task Demo_chronicle_holds_the_articles_events_and_the_derived_ones_once()
    {
        app.SkipIfUnavailable();
        await using var db = Db();
        var commission = await db.Units.Where(u => u.Code == DemoCatalog.Commission).Select(u => u.Id).FirstAsync();

        var handRecorded = await db.ChronicleEvents.Where(e => e.Key == null).ToListAsync();
        var founding = await db.ChronicleEvents.SingleAsync(e => e.Key == $"commission-founded:{commission}");
        var documentsPassed = await db.ChronicleEvents.CountAsync(e => e.Key!.StartsWith("document-passed:"));
        var keyMeasures = await db.ChronicleEvents.CountAsync(e => e.Key!.StartsWith("measure-completed:"));
        await using var scope = app.Services.CreateAsyncScope();
        var again = await scope.ServiceProvider.GetRequiredService<ReformTrack.Modules.Chronicle.DeriveChronicle>().RunAsync();

        Assert.All(handRecorded, e => Assert.True(e.Published));
        Assert.Contains(handRecorded, e => e.Date.Year == 2018 && e.Title.Contains("1+10+1", StringComparison.Ordinal));
        Assert.Contains(handRecorded, e => e.Date.Year == 2021 && e.Title.Contains("都市圈", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2014, 4, 1), founding.Date);
        Assert.Equal(ReformTrack.Modules.Chronicle.DatePrecision.Month, founding.Precision);
        Assert.True(founding.Published);
        Assert.Equal(await db.DocumentReviews.CountAsync(r => r.Outcome == ReviewOutcome.Passed), documentsPassed);
        Assert.Equal(10, keyMeasures);
        Assert.Equal(0, again.Added);
    }
}

public sealed class SqliteDemoDataTests(SqliteDemoApp app) : DemoDataTests<SqliteDemoApp>(app);

public sealed class PostgresDemoDataTests(PostgresDemoApp app) : DemoDataTests<PostgresDemoApp>(app);
