using System.Net;
using ReformTrack.Modules.Ledger;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

public abstract class LedgerMilestoneTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private readonly LedgerTestData _data = new(app);

    private async Task<Measure> MeasureAsync()
    {
        var (unit, objective) = await _data.AddScopeAsync();
        return await _data.AddMeasureAsync(unit.Id, objective.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
    }

    [SkippableFact]
    public async Task Planned_milestones_are_listed_in_date_order_and_past_ones_undone_are_missed()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var measure = await MeasureAsync();

        var later = await client.PostJsonAsync($"/api/v1/measures/{measure.Id}/milestones",
            new { title = "出台实施细则", dueOn = "2026-12-15" });
        var earlier = await client.PostJsonAsync($"/api/v1/measures/{measure.Id}/milestones",
            new { title = "完成调研", dueOn = "2026-06-30" });
        var list = await (await client.GetAsync($"/api/v1/measures/{measure.Id}/milestones"))
            .ReadAsync<List<MilestoneView>>();

        await later.AssertStatusAsync(HttpStatusCode.Created);
        var created = await earlier.ReadAsync<MilestoneView>();
        Assert.Equal($"/api/v1/milestones/{created.Id}", earlier.Headers.Location?.OriginalString);
        Assert.Equal(LedgerHttp.ETagFor(created.Version), earlier.ETag());
        Assert.Equal(["完成调研", "出台实施细则"], list.Select(m => m.Title));
        Assert.True(list[0].Missed);
        Assert.False(list[1].Missed);
    }

    [SkippableFact]
    public async Task Milestone_without_title_or_outside_the_schedule_is_400_naming_the_field()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var measure = await MeasureAsync();

        var noTitle = await client.PostJsonAsync($"/api/v1/measures/{measure.Id}/milestones", new { title = " ", dueOn = "2026-06-30" });
        var tooLate = await client.PostJsonAsync($"/api/v1/measures/{measure.Id}/milestones", new { title = "验收", dueOn = "2027-06-30" });
        var noDate = await client.PostJsonAsync($"/api/v1/measures/{measure.Id}/milestones", new { title = "验收" });

        Assert.Equal("MilestoneHasATitle", await noTitle.AssertFieldErrorAsync("title"));
        Assert.Equal("MilestoneFallsWithinTheMeasureSchedule", await tooLate.AssertFieldErrorAsync("dueOn"));
        await noDate.AssertFieldErrorAsync("dueOn");
    }

    [SkippableFact]
    public async Task Milestones_of_an_unknown_measure_or_an_unknown_milestone_are_404()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var list = await client.GetAsync("/api/v1/measures/999999/milestones");
        var add = await client.PostJsonAsync("/api/v1/measures/999999/milestones", new { title = "x", dueOn = "2026-06-30" });
        var put = await client.PutJsonAsync("/api/v1/milestones/999999", new { title = "x", dueOn = "2026-06-30" }, "\"1\"");
        var done = await client.PostJsonAsync("/api/v1/milestones/999999/done", new { evidence = "x" }, "\"1\"");

        await list.AssertStatusAsync(HttpStatusCode.NotFound);
        await add.AssertStatusAsync(HttpStatusCode.NotFound);
        await put.AssertStatusAsync(HttpStatusCode.NotFound);
        await done.AssertStatusAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Milestone_is_moved_with_its_etag_and_a_stale_one_changes_nothing()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var measure = await MeasureAsync();
        var created = await client.PostJsonAsync($"/api/v1/measures/{measure.Id}/milestones", new { title = "完成调研", dueOn = "2026-06-30" });
        var id = (await created.ReadAsync<MilestoneView>()).Id;

        var moved = await client.PutJsonAsync($"/api/v1/milestones/{id}", new { title = "完成专题调研", dueOn = "2026-12-20" }, created.ETag());
        var stale = await client.PutJsonAsync($"/api/v1/milestones/{id}", new { title = "过期", dueOn = "2026-07-01" }, created.ETag());
        var unconditional = await client.PutJsonAsync($"/api/v1/milestones/{id}", new { title = "无条件", dueOn = "2026-07-01" });

        var view = await moved.ReadAsync<MilestoneView>();
        Assert.Equal("完成专题调研", view.Title);
        Assert.Equal(new DateOnly(2026, 12, 20), view.DueOn);
        Assert.False(view.Missed);
        await stale.AssertStatusAsync(HttpStatusCode.PreconditionFailed);
        await unconditional.AssertStatusAsync(HttpStatusCode.PreconditionRequired);
        var now = Assert.Single(await (await client.GetAsync($"/api/v1/measures/{measure.Id}/milestones")).ReadAsync<List<MilestoneView>>());
        Assert.Equal("完成专题调研", now.Title);
    }

    [SkippableFact]
    public async Task Milestone_is_done_with_evidence_on_a_day_that_has_come()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var measure = await MeasureAsync();
        var created = await client.PostJsonAsync($"/api/v1/measures/{measure.Id}/milestones", new { title = "完成调研", dueOn = "2026-06-30" });
        var id = (await created.ReadAsync<MilestoneView>()).Id;

        var noEvidence = await client.PostJsonAsync($"/api/v1/milestones/{id}/done", new { doneOn = "2026-07-02" }, created.ETag());
        var future = await client.PostJsonAsync($"/api/v1/milestones/{id}/done",
            new { doneOn = "2026-12-01", evidence = "调研报告" }, created.ETag());
        var withoutIfMatch = await client.PostJsonAsync($"/api/v1/milestones/{id}/done", new { evidence = "调研报告" });
        var done = await client.PostJsonAsync($"/api/v1/milestones/{id}/done",
            new { doneOn = "2026-07-02", evidence = "调研报告（榕改办〔2026〕5号）" }, created.ETag());
        var again = await client.PostJsonAsync($"/api/v1/milestones/{id}/done", new { evidence = "再次" }, created.ETag());

        Assert.Equal("DoneMilestoneNeedsEvidence", await noEvidence.AssertFieldErrorAsync("evidence"));
        Assert.Equal("MilestoneIsNotDoneInTheFuture", await future.AssertFieldErrorAsync("doneOn"));
        await withoutIfMatch.AssertStatusAsync(HttpStatusCode.PreconditionRequired);
        var view = await done.ReadAsync<MilestoneView>();
        Assert.Equal(new DateOnly(2026, 7, 2), view.DoneOn);
        Assert.Equal("调研报告（榕改办〔2026〕5号）", view.Evidence);
        Assert.False(view.Missed);
        await again.AssertStatusAsync(HttpStatusCode.PreconditionFailed);
        var detail = await (await client.GetAsync($"/api/v1/measures/{measure.Id}")).ReadAsync<MeasureDetail>();
        Assert.Equal(new DateOnly(2026, 7, 2), Assert.Single(detail.Milestones).DoneOn);
    }
}

public sealed class SqliteLedgerMilestoneTests(SqliteApp app) : LedgerMilestoneTests<SqliteApp>(app);

public sealed class PostgresLedgerMilestoneTests(PostgresApp app) : LedgerMilestoneTests<PostgresApp>(app);
