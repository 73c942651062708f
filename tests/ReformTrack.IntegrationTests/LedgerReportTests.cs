using System.Net;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

public abstract class LedgerReportTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private readonly LedgerTestData _data = new(app);

    /// <summary>An active measure 90% of the way through its year on the test day, with <paramref name="progress"/> accepted.</summary>
    private async Task<Measure> MeasureAsync(int progress = 0, bool draft = false)
    {
        var (unit, objective) = await _data.AddScopeAsync();
        return await _data.AddMeasureAsync(unit.Id, objective.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31),
            progress, draft: draft);
    }

    private static object Report(int percent, string? explanation = null, string period = "2026-11") => new
    {
        period,
        percent,
        done = "完成企业开办流程再造",
        obstacles = "部门数据尚未共享",
        nextSteps = "推动数据接口上线",
        confidence = "Likely",
        explanation,
        evidence = "会议纪要",
    };

    private async Task<HttpResponseMessage> SubmitAsync(HttpClient client, int measureId, object body) =>
        await client.PostJsonAsync($"/api/v1/measures/{measureId}/reports", body);

    [SkippableFact]
    public async Task Submitted_report_is_201_with_location_and_shows_in_the_history_newest_first()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var measure = await MeasureAsync();

        var first = await SubmitAsync(client, measure.Id, Report(92, period: "2026-10"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await SubmitAsync(client, measure.Id, Report(95));

        await first.AssertStatusAsync(HttpStatusCode.Created);
        var view = await second.ReadAsync<ReportView>();
        Assert.Equal($"/api/v1/reports/{view.Id}", second.Headers.Location?.OriginalString);
        Assert.Equal(LedgerHttp.ETagFor(view.Version), second.ETag());
        Assert.Equal(ReportStatus.Submitted, view.Status);
        Assert.Equal("Test administrator", view.SubmittedBy);
        Assert.Equal(DeliveryConfidence.Likely, view.Confidence);
        Assert.Contains("\"confidence\":\"Likely\"", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var history = await (await client.GetAsync($"/api/v1/measures/{measure.Id}/reports")).ReadAsync<List<ReportView>>();
        Assert.Equal(["2026-11", "2026-10"], history.Select(r => r.Period));
        var one = await client.GetAsync($"/api/v1/reports/{view.Id}");
        Assert.Equal(95, (await one.ReadAsync<ReportView>()).Percent);
        Assert.Equal(second.ETag(), one.ETag());
    }

    [SkippableFact]
    public async Task Report_with_bad_fields_is_400_naming_the_field()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var measure = await MeasureAsync();

        Assert.Equal("ReportPeriodIsAMonth", await (await SubmitAsync(client, measure.Id, Report(95, period: "2026-13")))
            .AssertFieldErrorAsync("period"));
        Assert.Equal("PercentIsBetween0And100", await (await SubmitAsync(client, measure.Id, Report(101)))
            .AssertFieldErrorAsync("percent"));
        Assert.Equal("ReportSaysWhatWasDone", await (await SubmitAsync(client, measure.Id,
                new { period = "2026-11", percent = 95, done = "" }))
            .AssertFieldErrorAsync("done"));
        await (await SubmitAsync(client, measure.Id, new { period = "2026-11", percent = 95, done = "x", confidence = "Maybe" }))
            .AssertFieldErrorAsync("confidence");
        Assert.Empty(await (await client.GetAsync($"/api/v1/measures/{measure.Id}/reports")).ReadAsync<List<ReportView>>());
    }

    [SkippableFact]
    public async Task Reports_on_unknown_measures_and_unknown_reports_are_404()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        await (await SubmitAsync(client, 999999, Report(50))).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/measures/999999/reports")).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/reports/999999")).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await client.PutJsonAsync("/api/v1/reports/999999", Report(50), "\"1\"")).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync("/api/v1/reports/999999/accept", new { }, "\"1\"")).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync("/api/v1/reports/999999/return", new { reason = "y" }, "\"1\"")).AssertStatusAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Report_updates_without_if_match_are_428_and_change_nothing()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var measure = await MeasureAsync();
        var submitted = await SubmitAsync(client, measure.Id, Report(95));
        var report = await submitted.ReadAsync<ReportView>();
        var url = $"/api/v1/reports/{report.Id}";

        var revise = await client.PutJsonAsync(url, Report(97));
        var accept = await client.PostJsonAsync($"{url}/accept", new { });
        var returnIt = await client.PostJsonAsync($"{url}/return", new { reason = "补充材料" });

        await revise.AssertStatusAsync(HttpStatusCode.PreconditionRequired);
        await accept.AssertStatusAsync(HttpStatusCode.PreconditionRequired);
        await returnIt.AssertStatusAsync(HttpStatusCode.PreconditionRequired);
        var now = await client.GetAsync(url);
        Assert.Equal(submitted.ETag(), now.ETag());
        Assert.Equal(95, (await now.ReadAsync<ReportView>()).Percent);
    }

    [SkippableFact]
    public async Task Revising_with_a_stale_etag_is_412_and_keeps_the_report()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var measure = await MeasureAsync();
        var submitted = await SubmitAsync(client, measure.Id, Report(95));
        var report = await submitted.ReadAsync<ReportView>();
        var url = $"/api/v1/reports/{report.Id}";
        await (await client.PutJsonAsync(url, Report(96), submitted.ETag())).ReadAsync<ReportView>();

        var stale = await client.PutJsonAsync(url, Report(99), submitted.ETag());

        await stale.AssertStatusAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(96, (await (await client.GetAsync(url)).ReadAsync<ReportView>()).Percent);
    }

    [SkippableFact]
    public async Task Report_on_a_draft_measure_is_refused()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var measure = await MeasureAsync(draft: true);

        var response = await SubmitAsync(client, measure.Id, Report(95));

        Assert.Equal("ReportsAreSubmittedOnlyForActiveMeasures", await response.RuleOfAsync());
    }

    [SkippableFact]
    public async Task Percent_below_the_accepted_progress_needs_an_explanation()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var measure = await MeasureAsync(progress: 96);

        var unexplained = await SubmitAsync(client, measure.Id, Report(94));
        var explained = await SubmitAsync(client, measure.Id, Report(94, explanation: "上月统计口径有误，已更正"));

        Assert.Equal("ProgressCannotGoBackwardsWithoutExplanation", await unexplained.AssertFieldErrorAsync("explanation"));
        await explained.AssertStatusAsync(HttpStatusCode.Created);
    }

    [SkippableFact]
    public async Task Report_that_leaves_the_measure_yellow_or_red_needs_an_explanation()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var measure = await MeasureAsync();

        var yellow = await SubmitAsync(client, measure.Id, Report(70));
        var red = await SubmitAsync(client, measure.Id, Report(40));
        var explained = await SubmitAsync(client, measure.Id, Report(40, explanation: "系统对接延期两个月"));

        Assert.Equal("BehindScheduleReportNeedsExplanation", await yellow.AssertFieldErrorAsync("explanation"));
        Assert.Equal("BehindScheduleReportNeedsExplanation", await red.AssertFieldErrorAsync("explanation"));
        await explained.AssertStatusAsync(HttpStatusCode.Created);
    }

    [SkippableFact]
    public async Task Accepting_a_report_sets_the_measures_progress_and_light()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var measure = await MeasureAsync();
        var submitted = await SubmitAsync(client, measure.Id, Report(95));
        var report = await submitted.ReadAsync<ReportView>();

        var accepted = await client.PostJsonAsync($"/api/v1/reports/{report.Id}/accept",
            new { officeConfidence = "Unlikely", note = "数据需复核" }, submitted.ETag());

        var view = await accepted.ReadAsync<ReportView>();
        Assert.Equal(ReportStatus.Accepted, view.Status);
        Assert.Equal("Test administrator", view.ReviewedBy);
        Assert.Equal(DeliveryConfidence.Unlikely, view.OfficeConfidence);
        Assert.True(view.ConfidenceDisputed);
        Assert.Equal(LedgerHttp.ETagFor(view.Version), accepted.ETag());
        var detail = await (await client.GetAsync($"/api/v1/measures/{measure.Id}")).ReadAsync<MeasureDetail>();
        Assert.Equal(95, detail.Progress);
        Assert.Equal(Light.Green, detail.Light);
    }

    [SkippableFact]
    public async Task Review_is_recorded_under_the_signed_in_user_needs_if_match_and_a_stale_one_changes_nothing()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var measure = await MeasureAsync();
        var submitted = await SubmitAsync(client, measure.Id, Report(95));
        var report = await submitted.ReadAsync<ReportView>();
        var url = $"/api/v1/reports/{report.Id}";

        var noIfMatch = await client.PostJsonAsync($"{url}/accept", new { });
        var revised = await client.PutJsonAsync(url, Report(96), submitted.ETag());
        var stale = await client.PostJsonAsync($"{url}/accept", new { }, submitted.ETag());

        await noIfMatch.AssertStatusAsync(HttpStatusCode.PreconditionRequired);
        await revised.AssertStatusAsync(HttpStatusCode.OK);
        await stale.AssertStatusAsync(HttpStatusCode.PreconditionFailed);
        var now = await (await client.GetAsync(url)).ReadAsync<ReportView>();
        Assert.Equal(ReportStatus.Submitted, now.Status);
        Assert.Equal(96, now.Percent);
        Assert.Equal(0, (await (await client.GetAsync($"/api/v1/measures/{measure.Id}")).ReadAsync<MeasureDetail>()).Progress);
        var accepted = await (await client.PostJsonAsync($"{url}/accept", new { note = "好" },
            LedgerHttp.ETagFor(now.Version))).ReadAsync<ReportView>();
        Assert.Equal("Test administrator", accepted.ReviewedBy);
    }

    [SkippableFact]
    public async Task Returned_report_needs_a_reason_and_can_be_revised_and_sent_again()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var measure = await MeasureAsync();
        var submitted = await SubmitAsync(client, measure.Id, Report(95));
        var report = await submitted.ReadAsync<ReportView>();
        var url = $"/api/v1/reports/{report.Id}";

        var noReason = await client.PostJsonAsync($"{url}/return", new { reason = " " }, submitted.ETag());
        var returned = await client.PostJsonAsync($"{url}/return",
            new { reason = "请补充佐证材料", officeConfidence = "Unlikely" }, submitted.ETag());
        var returnedView = await returned.ReadAsync<ReportView>();
        var revisedWithoutExplanation = await client.PutJsonAsync(url, Report(60), returned.ETag());
        using var colleague = app.CreateClientFor(app.CreateUser(Modules.Accounts.Role.Office, await _data.UnitCodeAsync(measure.LeadUnitId), "张强"));
        var revised = await colleague.PutJsonAsync(url, Report(93), returned.ETag());

        Assert.Equal("ReturnedReportNeedsReason", await noReason.AssertFieldErrorAsync("reason"));
        Assert.Equal(ReportStatus.Returned, returnedView.Status);
        Assert.Equal("请补充佐证材料", returnedView.ReturnReason);
        Assert.Equal("BehindScheduleReportNeedsExplanation", await revisedWithoutExplanation.AssertFieldErrorAsync("explanation"));
        var view = await revised.ReadAsync<ReportView>();
        Assert.Equal(ReportStatus.Submitted, view.Status);
        Assert.Equal(93, view.Percent);
        Assert.Equal("张强", view.SubmittedBy);
        Assert.Null(view.ReturnReason);
    }

    [SkippableFact]
    public async Task Accepted_report_cannot_be_revised_or_reviewed_again()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var measure = await MeasureAsync();
        var submitted = await SubmitAsync(client, measure.Id, Report(95));
        var report = await submitted.ReadAsync<ReportView>();
        var url = $"/api/v1/reports/{report.Id}";
        var accepted = await client.PostJsonAsync($"{url}/accept", new { }, submitted.ETag());

        var revise = await client.PutJsonAsync(url, Report(97), accepted.ETag());
        var returnIt = await client.PostJsonAsync($"{url}/return", new { reason = "再看看" }, accepted.ETag());

        Assert.Equal("ReportCannotBeEditedAfterAcceptance", await revise.RuleOfAsync());
        Assert.Equal("ReportCannotBeEditedAfterAcceptance", await returnIt.RuleOfAsync());
        var now = await (await client.GetAsync(url)).ReadAsync<ReportView>();
        Assert.Equal(95, now.Percent);
        Assert.Equal(ReportStatus.Accepted, now.Status);
    }

    [SkippableFact]
    public async Task Review_queue_lists_submitted_reports_of_a_unit_subtree_oldest_first_in_pages()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var objective = await _data.AddObjectiveAsync();
        var district = await _data.AddUnitAsync("仓山区");
        var bureau = await _data.AddUnitAsync("仓山区数据局", district);
        var elsewhere = await _data.AddUnitAsync("晋安区");
        var start = new DateOnly(2026, 1, 1);
        var due = new DateOnly(2026, 12, 31);
        var inDistrict = await _data.AddMeasureAsync(district.Id, objective.Id, start, due);
        var inBureau = await _data.AddMeasureAsync(bureau.Id, objective.Id, start, due);
        var outside = await _data.AddMeasureAsync(elsewhere.Id, objective.Id, start, due);
        var first = await (await SubmitAsync(client, inBureau.Id, Report(95))).ReadAsync<ReportView>();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await (await SubmitAsync(client, inDistrict.Id, Report(95))).ReadAsync<ReportView>();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var third = await SubmitAsync(client, inDistrict.Id, Report(96));
        await SubmitAsync(client, outside.Id, Report(95));
        var thirdView = await third.ReadAsync<ReportView>();
        await client.PostJsonAsync($"/api/v1/reports/{thirdView.Id}/accept", new { }, third.ETag());

        var page1 = await (await client.GetAsync($"/api/v1/reports?status=Submitted&unitId={district.Id}&pageSize=1"))
            .ReadAsync<Page<QueuedReport>>();
        var page2 = await (await client.GetAsync($"/api/v1/reports?status=Submitted&unitId={district.Id}&pageSize=1&page=2"))
            .ReadAsync<Page<QueuedReport>>();
        var all = await (await client.GetAsync($"/api/v1/reports?unitId={district.Id}")).ReadAsync<Page<QueuedReport>>();
        var tooBig = await client.GetAsync("/api/v1/reports?pageSize=500");

        Assert.Equal(2, page1.Total);
        Assert.Equal(first.Id, Assert.Single(page1.Items).Id);
        Assert.Equal("仓山区数据局", page1.Items[0].LeadUnitName);
        Assert.Equal(inBureau.Code, page1.Items[0].MeasureCode);
        Assert.Equal(second.Id, Assert.Single(page2.Items).Id);
        Assert.Equal(3, all.Total);
        await tooBig.AssertFieldErrorAsync("pageSize");
    }
}

public sealed class SqliteLedgerReportTests(SqliteApp app) : LedgerReportTests<SqliteApp>(app);

public sealed class PostgresLedgerReportTests(PostgresApp app) : LedgerReportTests<PostgresApp>(app);
