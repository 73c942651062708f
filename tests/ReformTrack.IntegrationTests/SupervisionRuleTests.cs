using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Supervision;
using ReformTrack.Shared;
using ReformTrack.Testing;
using static ReformTrack.IntegrationTests.AssertExtensions;

namespace ReformTrack.IntegrationTests;

/// <summary>
/// The daily rules on the test host's fake clock. Every test moves the clock to its own days and
/// looks only at its own measures: the rules run over the whole ledger the host shares between tests.
/// </summary>
public abstract class SupervisionRuleTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private readonly LedgerTestData _data = new(app);

    private async Task<SupervisionRunResult> EvaluateOnAsync(DateOnly day, bool force = true)
    {
        app.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EvaluateSupervision>().RunAsync(force: force);
    }

    /// <summary>The fake clock only moves forward: each test starts the day after wherever earlier tests left it.</summary>
    private DateOnly NextDay() => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(1);

    private Task<List<SupervisionItem>> ItemsOfAsync(int measureId) =>
        _data.ReadAsync(db => db.SupervisionItems.AsNoTracking().Where(i => i.MeasureId == measureId).OrderBy(i => i.Id).ToListAsync());

    private async Task<SupervisionItem?> LightItemAsync(int measureId) =>
        (await ItemsOfAsync(measureId)).SingleOrDefault(i => SupervisionItem.IsLight(i.Rule) && i.Status != SupervisionStatus.Closed);

    [SkippableFact]
    public async Task A_measure_turns_yellow_then_red_then_overdue_on_the_right_days()
    {
        app.SkipIfUnavailable();
        var (unit, objective) = await _data.AddScopeAsync();
        // 100 days from start to due, nothing done: 10 points behind on day 10, more than 30 on day 31.
        var start = NextDay();
        var measure = await _data.AddMeasureAsync(unit.Id, objective.Id, start, start.AddDays(100));

        await EvaluateOnAsync(start.AddDays(9));
        Assert.Null(await LightItemAsync(measure.Id));

        await EvaluateOnAsync(start.AddDays(10));
        Assert.Equal(SupervisionRule.Yellow, (await LightItemAsync(measure.Id))?.Rule);

        await EvaluateOnAsync(start.AddDays(30));
        Assert.Equal(SupervisionRule.Yellow, (await LightItemAsync(measure.Id))?.Rule);

        await EvaluateOnAsync(start.AddDays(31));
        Assert.Equal(SupervisionRule.Red, (await LightItemAsync(measure.Id))?.Rule);

        await EvaluateOnAsync(start.AddDays(100));
        Assert.Equal(SupervisionRule.Red, (await LightItemAsync(measure.Id))?.Rule);

        await EvaluateOnAsync(start.AddDays(101));
        var item = await LightItemAsync(measure.Id);
        Assert.Equal(SupervisionRule.Overdue, item?.Rule);
        // One item followed the measure all the way: the light rules share one key.
        Assert.Single(await ItemsOfAsync(measure.Id), i => SupervisionItem.IsLight(i.Rule));
    }

    [SkippableFact]
    public async Task The_ladder_climbs_to_a_warning_after_7_days_and_an_instruction_after_14()
    {
        app.SkipIfUnavailable();
        var (unit, objective) = await _data.AddScopeAsync();
        var start = NextDay();
        var measure = await _data.AddMeasureAsync(unit.Id, objective.Id, start, start.AddDays(100));
        var opened = start.AddDays(40);

        var expected = new (int Day, SupervisionLevel Level)[]
        {
            (0, SupervisionLevel.Reminder), (6, SupervisionLevel.Reminder), (7, SupervisionLevel.Warning),
            (13, SupervisionLevel.Warning), (14, SupervisionLevel.Instruction), (30, SupervisionLevel.Instruction),
        };
        foreach (var (day, level) in expected)
        {
            await EvaluateOnAsync(opened.AddDays(day));
            var item = await LightItemAsync(measure.Id);
            Assert.NotNull(item);
            Assert.Equal(opened, item.OpenedOn);
            Assert.True(level == item.Level, $"day {day}: expected {level}, was {item.Level}");
        }

        Assert.Equal(opened.AddDays(14), (await LightItemAsync(measure.Id))!.EscalatedOn);
    }

    [SkippableFact]
    public async Task Evaluating_the_same_day_again_changes_nothing()
    {
        app.SkipIfUnavailable();
        var (unit, objective) = await _data.AddScopeAsync();
        var day = NextDay().AddDays(60);
        var measure = await _data.AddMeasureAsync(unit.Id, objective.Id, day.AddDays(-60), day.AddDays(40));

        var first = await EvaluateOnAsync(day, force: false);
        var before = await ItemsOfAsync(measure.Id);
        var second = await EvaluateOnAsync(day, force: false);
        var forced = await EvaluateOnAsync(day, force: true);
        var after = await ItemsOfAsync(measure.Id);

        Assert.False(first.AlreadyRan);
        Assert.True(first.Opened > 0);
        Assert.True(second.AlreadyRan);
        Assert.False(forced.Changed);
        Assert.NotEmpty(before);
        Assert.Equal(before.Select(i => (i.Id, i.Rule, i.Level, i.Status, i.Version)), after.Select(i => (i.Id, i.Rule, i.Level, i.Status, i.Version)));
        Assert.Equal(1, await _data.ReadAsync(db => db.SupervisionRuns.CountAsync(r => r.Day == day)));
    }

    [SkippableFact]
    public async Task An_item_closes_itself_when_the_measure_is_back_on_track()
    {
        app.SkipIfUnavailable();
        var (unit, objective) = await _data.AddScopeAsync();
        var start = NextDay();
        var measure = await _data.AddMeasureAsync(unit.Id, objective.Id, start, start.AddDays(100));
        await EvaluateOnAsync(start.AddDays(20));
        var item = await LightItemAsync(measure.Id);
        Assert.NotNull(item);

        // The office accepts a report of 50%: 30 days into 100, the measure is ahead.
        await _data.ReadAsync(async db =>
        {
            var m = await db.Measures.SingleAsync(x => x.Id == measure.Id);
            var report = m.SubmitReport(new ReportContent { Period = start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), Percent = 50, Done = "Half done" }, "Liaison",
                app.Clock.GetUtcNow().UtcDateTime, start.AddDays(30), LightThresholds.Default);
            db.ProgressReports.Add(report);
            await db.SaveChangesAsync();
            m.Accept(report, "Office", report.SubmittedAt, null, null);
            await db.SaveChangesAsync();
            return 0;
        });
        await EvaluateOnAsync(start.AddDays(30));

        var closed = (await ItemsOfAsync(measure.Id)).Single(i => i.Id == item.Id);
        Assert.Equal(SupervisionStatus.Closed, closed.Status);
        Assert.Equal(ClosedBecause.BackOnTrack, closed.ClosedBecause);
        Assert.Equal(start.AddDays(30), closed.ClosedOn);
        Assert.Null(closed.OpenKey);
        Assert.Null(await LightItemAsync(measure.Id));
    }

    [SkippableFact]
    public async Task Approving_an_extension_moves_the_due_date_and_keeps_the_original()
    {
        app.SkipIfUnavailable();
        var (unit, objective) = await _data.AddScopeAsync();
        var today = NextDay().AddDays(-1);
        var due = today.AddDays(-20);
        var measure = await _data.AddMeasureAsync(unit.Id, objective.Id, due.AddDays(-300), due);
        var first = Iso(today.AddDays(120));
        var second = Iso(today.AddDays(200));
        var code = await _data.UnitCodeAsync(unit.Id);
        using var liaison = app.CreateClientAs(Role.Liaison, code);
        using var leader = app.CreateClientAs(Role.Leader, code);

        var asked = await (await liaison.PostJsonAsync($"/api/v1/measures/{measure.Id}/extensions",
            new { requestedDueOn = first, reason = "The provincial platform goes live in February." })).ReadAsync<ExtensionView>();
        (await liaison.PostJsonAsync($"/api/v1/supervision/extensions/{asked.Id}/approve", new { })).StatusCode
            .Equals(HttpStatusCode.Forbidden).AssertTrue("a liaison does not decide extensions");
        var approved = await (await leader.PostJsonAsync($"/api/v1/supervision/extensions/{asked.Id}/approve",
            new { note = "Agreed." })).ReadAsync<ExtensionView>();
        var moved = await (await app.CreateClient().GetAsync($"/api/v1/measures/{measure.Id}")).ReadAsync<System.Text.Json.JsonElement>();

        Assert.Equal(ExtensionStatus.Approved, approved.Status);
        Assert.Equal(due, approved.OriginalDueOn);
        Assert.Equal(first, Iso(approved.RequestedDueOn));
        Assert.Equal(first, moved.GetProperty("dueOn").GetString());

        // A second request is rejected: the due date stays, and the request keeps the date it would have replaced.
        var again = await (await liaison.PostJsonAsync($"/api/v1/measures/{measure.Id}/extensions",
            new { requestedDueOn = second, reason = "More time." })).ReadAsync<ExtensionView>();
        var noReason = await leader.PostJsonAsync($"/api/v1/supervision/extensions/{again.Id}/reject", new { });
        await noReason.AssertFieldErrorAsync("note");
        var rejected = await (await leader.PostJsonAsync($"/api/v1/supervision/extensions/{again.Id}/reject",
            new { note = "The schedule was already extended once." })).ReadAsync<ExtensionView>();
        var kept = await (await app.CreateClient().GetAsync($"/api/v1/measures/{measure.Id}")).ReadAsync<System.Text.Json.JsonElement>();
        var history = await (await liaison.GetAsync($"/api/v1/supervision/extensions?measureId={measure.Id}"))
            .ReadAsync<List<ExtensionView>>();

        Assert.Equal(ExtensionStatus.Rejected, rejected.Status);
        Assert.Equal(first, Iso(rejected.OriginalDueOn));
        Assert.Equal(first, kept.GetProperty("dueOn").GetString());
        Assert.Equal([ExtensionStatus.Rejected, ExtensionStatus.Approved], history.Select(h => h.Status));
        Assert.Equal(due, history[1].OriginalDueOn);
    }

    [SkippableFact]
    public async Task Items_are_answered_within_the_unit_and_hidden_from_other_units()
    {
        app.SkipIfUnavailable();
        var (unit, objective) = await _data.AddScopeAsync();
        var (other, _) = await _data.AddScopeAsync();
        var today = NextDay().AddDays(-1);
        var measure = await _data.AddMeasureAsync(unit.Id, objective.Id, today.AddDays(-100), today.AddDays(100));
        var respondBy = Iso(today.AddDays(7));
        var code = await _data.UnitCodeAsync(unit.Id);
        using var office = app.CreateClientAs(Role.Office, code);
        using var liaison = app.CreateClientAs(Role.Liaison, code);
        using var stranger = app.CreateClientAs(Role.Liaison, await _data.UnitCodeAsync(other.Id));
        using var viewer = app.CreateClientAs(Role.Viewer, code);
        using var admin = app.CreateClient();

        var opened = await admin.PostJsonAsync("/api/v1/supervision/items", new
        {
            measureId = measure.Id, level = "Instruction", instruction = "Report on the delay by Friday.", respondBy,
        });
        var item = await opened.ReadAsync<SupervisionItemView>();
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(SupervisionRule.Manual, item.Rule);

        (await viewer.PostJsonAsync("/api/v1/supervision/items", new { measureId = measure.Id, instruction = "x", respondBy }))
            .StatusCode.Equals(HttpStatusCode.Forbidden).AssertTrue("a viewer opens nothing");
        await (await viewer.PostJsonAsync($"/api/v1/supervision/items/{item.Id}/response", new { response = "x" }))
            .AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync($"/api/v1/supervision/items/{item.Id}")).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await stranger.PostJsonAsync($"/api/v1/supervision/items/{item.Id}/response", new { response = "Not ours." }))
            .AssertStatusAsync(HttpStatusCode.NotFound);
        var strangersBoard = await (await stranger.GetAsync("/api/v1/supervision/items?pageSize=200")).ReadAsync<Page<SupervisionItemView>>();
        Assert.DoesNotContain(strangersBoard.Items, i => i.Id == item.Id);
        await (await liaison.PostJsonAsync($"/api/v1/supervision/items/{item.Id}/close", new { }))
            .AssertStatusAsync(HttpStatusCode.Forbidden);

        var answered = await (await liaison.PostJsonAsync($"/api/v1/supervision/items/{item.Id}/response",
            new { response = "A special meeting decided the catch-up plan." })).ReadAsync<SupervisionItemView>();
        Assert.Equal(SupervisionStatus.Answered, answered.Status);

        var inbox = await (await office.GetAsync("/api/v1/inbox")).ReadAsync<System.Text.Json.JsonElement>();
        Assert.True(inbox.GetProperty("total").GetInt32() > 0);

        var closed = await (await admin.PostJsonAsync($"/api/v1/supervision/items/{item.Id}/close", new { note = "Settled." }))
            .ReadAsync<SupervisionItemView>();
        Assert.Equal(SupervisionStatus.Closed, closed.Status);
        Assert.Equal(ClosedBecause.Resolved, closed.ClosedBecause);
    }
}

internal static class AssertExtensions
{
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static void AssertTrue(this bool condition, string because) => Assert.True(condition, because);
}

public sealed class SqliteSupervisionRuleTests(SqliteApp app) : SupervisionRuleTests<SqliteApp>(app);

public sealed class PostgresSupervisionRuleTests(PostgresApp app) : SupervisionRuleTests<PostgresApp>(app);
