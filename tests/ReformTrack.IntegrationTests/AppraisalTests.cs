using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Data;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared.Scoring;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>
/// The appraisal of the small scenario of <see cref="AppraisalScenario"/>, computed by hand:
/// A (with A1): completion 2/3 → 0.6667 × 30 = 20.00; on time 1/2 × 25 = 12.50; punctual reports 2/3 × 20
/// = 13.33; accepted reports 2/3 × 15 = 10.00; overdue (M2 10 days, M3 61 days) 71 × 0.05 = −3.55;
/// pilots 2 × 2 = 4; cases 1 × 3 = 3; replications 7 capped at 5. Score 64.28, rank 3, pass.
/// B: every rate 1/1: 90.00. C: nothing to count, every rate its full weight: 90.00; B and C tie at rank 1, B listed first.
/// </summary>
public abstract class AppraisalTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private FixedDistinctions Distinctions => app switch
    {
        AppraisalSqliteApp s => s.Distinctions,
        AppraisalPostgresApp p => p.Distinctions,
        _ => throw new InvalidOperationException(),
    };

    private async Task<(AppraisalScenario Scenario, HttpClient Client, int SchemeId)> StartAsync(decimal completionWeight = 30)
    {
        var scenario = await AppraisalScenario.BuildAsync(app, Distinctions);
        var client = app.CreateClient();
        var schemeId = await AppraisalScenario.PublishSchemeAsync(client, scenario.Prefix, completionWeight);
        return (scenario, client, schemeId);
    }

    [SkippableFact]
    public async Task A_hand_computed_appraisal_matches_to_the_decimal_for_every_criterion()
    {
        app.SkipIfUnavailable();
        var (s, client, schemeId) = await StartAsync();

        var run = await s.RunAsync(client, schemeId);

        var a = run.Unit(s.A);
        Assert.Equal((2, 3, 0.6667m, 20.00m), (a.Value("CompletionRate").Numerator, a.Value("CompletionRate").Denominator, a.Value("CompletionRate").Raw, a.Value("CompletionRate").Contribution));
        Assert.Equal((1, 2, 0.5m, 12.50m), (a.Value("OnTimeRate").Numerator, a.Value("OnTimeRate").Denominator, a.Value("OnTimeRate").Raw, a.Value("OnTimeRate").Contribution));
        Assert.Equal((2, 3, 0.6667m, 13.33m), (a.Value("ReportPunctuality").Numerator, a.Value("ReportPunctuality").Denominator, a.Value("ReportPunctuality").Raw, a.Value("ReportPunctuality").Contribution));
        Assert.Equal((2, 3, 0.6667m, 10.00m), (a.Value("ReviewQuality").Numerator, a.Value("ReviewQuality").Denominator, a.Value("ReviewQuality").Raw, a.Value("ReviewQuality").Contribution));
        Assert.Equal((2, 71m, -3.55m), (a.Value("OverduePenalty").Numerator, a.Value("OverduePenalty").Raw, a.Value("OverduePenalty").Contribution));
        Assert.Equal((2m, 4m), (a.Value("PilotBonus").Raw, a.Value("PilotBonus").Contribution));
        Assert.Equal((1m, 3m), (a.Value("CaseBonus").Raw, a.Value("CaseBonus").Contribution));
        Assert.Equal((7m, 5m), (a.Value("ReplicationBonus").Raw, a.Value("ReplicationBonus").Contribution));
        Assert.Equal(0m, a.Value("ManualAdjustment").Contribution);
        Assert.Equal((64.28m, 3, "Pass"), (a.Score, a.Rank, a.Grade));

        Assert.Equal([s.B, s.C, s.A], run.Results.Select(r => r.UnitId));
        Assert.Equal([1, 1, 3], run.Results.Select(r => r.Rank));
        Assert.Equal((90.00m, "Excellent"), (run.Unit(s.B).Score, run.Unit(s.B).Grade));
        Assert.Null(run.Unit(s.C).Value("CompletionRate").Raw);
        Assert.Equal(90.00m, run.Unit(s.C).Score);
        Assert.Equal("Draft", run.Run.Status);
    }

    [SkippableFact]
    public async Task A_manual_adjustment_needs_a_reason_and_moves_the_score_by_its_points()
    {
        app.SkipIfUnavailable();
        var (s, client, schemeId) = await StartAsync();
        var run = await s.RunAsync(client, schemeId);

        var unexplained = await client.PostAsJsonAsync($"/api/v1/appraisal/runs/{run.Run.Id}/adjustments", new { unitId = s.A, points = 1.5 });
        var adjusted = await client.PostAsJsonAsync($"/api/v1/appraisal/runs/{run.Run.Id}/adjustments",
            new { unitId = s.A, points = 1.5, reason = "Led the provincial pilot review" });

        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        var after = (await adjusted.Content.ReadFromJsonAsync<RunDto>(JsonSerializerOptions.Web))!;
        Assert.Equal(65.78m, after.Unit(s.A).Score);
        Assert.Equal("Led the provincial pilot review", after.Unit(s.A).Value("ManualAdjustment").Note);
    }

    [SkippableFact]
    public async Task Changing_a_weight_changes_the_score_by_the_weighted_rate()
    {
        app.SkipIfUnavailable();
        var (s, client, schemeId) = await StartAsync();
        var before = await s.RunAsync(client, schemeId);

        // Editing the published scheme makes revision 2 as a draft; the completion weight goes from 30 to 40.
        var scheme = await client.GetAsync($"/api/v1/appraisal/schemes/{schemeId}");
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/appraisal/schemes/{schemeId}")
        {
            Content = JsonContent.Create(AppraisalScenario.Scheme(s.Prefix, 40)),
        };
        edit.Headers.IfMatch.Add(scheme.Headers.ETag!);
        var edited = await client.SendAsync(edit);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var draft = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, draft.GetProperty("revision").GetInt32());
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        var after = await s.RunAsync(client, draft.GetProperty("id").GetInt32());

        // 0.6667 × 40 = 26.668 → 26.67, 6.67 more than 20.00.
        Assert.Equal(26.67m, after.Unit(s.A).Value("CompletionRate").Contribution);
        Assert.Equal(before.Unit(s.A).Score + 6.67m, after.Unit(s.A).Score);
        Assert.Equal(100m, after.Unit(s.B).Score);
        var original = await client.GetFromJsonAsync<JsonElement>($"/api/v1/appraisal/schemes/{schemeId}");
        Assert.Equal(30m, original.GetProperty("criteria")[0].GetProperty("weight").GetDecimal());
    }

    [SkippableFact]
    public async Task Two_runs_on_the_same_data_give_the_same_results()
    {
        app.SkipIfUnavailable();
        var (s, client, schemeId) = await StartAsync();

        var first = await s.RunAsync(client, schemeId);
        var second = await s.RunAsync(client, schemeId);

        Assert.NotEqual(first.Run.Id, second.Run.Id);
        Assert.Equal(JsonSerializer.Serialize(first.Results), JsonSerializer.Serialize(second.Results));
    }

    [SkippableFact]
    public async Task A_published_run_does_not_change_when_later_data_arrives_and_its_period_is_locked()
    {
        app.SkipIfUnavailable();
        var (s, client, schemeId) = await StartAsync();
        var run = await s.RunAsync(client, schemeId);
        var published = await client.PostAsync($"/api/v1/appraisal/runs/{run.Run.Id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var before = await AppraisalScenario.GetRunAsync(client, run.Run.Id);

        // A late report on 2021 and the overdue measure completed after all.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContextAsync())
        {
            var m3 = await db.Measures.FirstAsync(m => m.Id == s.Measures["M3"]);
            var at = new DateTime(2021, 12, 1, 9, 0, 0, DateTimeKind.Utc);
            var report = m3.SubmitReport(new ReportContent { Period = "2021-11", Percent = 100, Done = "done", Explanation = "late" },
                "liaison", at, DateOnly.FromDateTime(at), LightThresholds.Default);
            db.ProgressReports.Add(report);
            m3.Accept(report, "office", at, null, null);
            m3.Complete(new DateOnly(2021, 12, 2));
            await db.SaveChangesAsync();
        }

        var after = await AppraisalScenario.GetRunAsync(client, run.Run.Id);
        var rerun = await client.PostAsJsonAsync("/api/v1/appraisal/runs",
            new { schemeId, from = "2021-06-01", to = "2022-05-31", rootUnitId = s.Root });
        var adjust = await client.PostAsJsonAsync($"/api/v1/appraisal/runs/{run.Run.Id}/adjustments",
            new { unitId = s.A, points = 1, reason = "late" });

        Assert.Equal("Published", after.Run.Status);
        Assert.Equal(JsonSerializer.Serialize(before.Results), JsonSerializer.Serialize(after.Results));
        Assert.Equal(64.28m, after.Unit(s.A).Score);
        Assert.Equal(HttpStatusCode.BadRequest, rerun.StatusCode);
        Assert.Contains("AppraisalPeriodIsLocked", await rerun.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, adjust.StatusCode);
    }

    [SkippableFact]
    public async Task An_accepted_appeal_publishes_a_new_edition_and_keeps_the_old_one()
    {
        app.SkipIfUnavailable();
        var (s, admin, schemeId) = await StartAsync();
        var run = await s.RunAsync(admin, schemeId);
        (await admin.PostAsync($"/api/v1/appraisal/runs/{run.Run.Id}/publish", null)).EnsureSuccessStatusCode();
        using var liaisonA = app.CreateClientAs(Role.Liaison, s.Code("A"));
        using var liaisonB = app.CreateClientAs(Role.Liaison, s.Code("B"));

        var foreign = await liaisonB.PostAsJsonAsync($"/api/v1/appraisal/runs/{run.Run.Id}/appeals",
            new { unitId = s.A, kind = "ReportPunctuality", reason = "not ours" });
        var filed = await liaisonA.PostAsJsonAsync($"/api/v1/appraisal/runs/{run.Run.Id}/appeals",
            new { unitId = s.A, kind = "ReportPunctuality", reason = "The February report was sent on time by mail", requestedValue = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var appealId = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await liaisonA.PostAsJsonAsync($"/api/v1/appraisal/appeals/{appealId}/accept", new { })).StatusCode);

        var accepted = await admin.PostAsJsonAsync($"/api/v1/appraisal/appeals/{appealId}/accept",
            new { correctedValue = 1, note = "Receipt checked" });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var second = (await accepted.Content.ReadFromJsonAsync<RunDto>(JsonSerializerOptions.Web))!;
        var first = await AppraisalScenario.GetRunAsync(admin, run.Run.Id);
        Assert.Equal((2, "Published", run.Run.Id), (second.Run.Edition, second.Run.Status, second.Run.SeriesId));
        Assert.Equal(20.00m, second.Unit(s.A).Value("ReportPunctuality").Contribution);
        Assert.Equal(70.95m, second.Unit(s.A).Score);
        Assert.Contains("Receipt checked", second.Unit(s.A).Value("ReportPunctuality").Note, StringComparison.Ordinal);
        Assert.Equal("Superseded", first.Run.Status);
        Assert.Equal(64.28m, first.Unit(s.A).Score);
        Assert.Equal([run.Run.Id, second.Run.Id], second.Editions.Select(e => e.Id));

        var appeals = await liaisonA.GetFromJsonAsync<JsonElement>($"/api/v1/appraisal/runs/{second.Run.Id}/appeals");
        Assert.Equal("Accepted", appeals[0].GetProperty("status").GetString());
        Assert.Equal(second.Run.Id, appeals[0].GetProperty("newRunId").GetInt32());
        var seenByB = await liaisonB.GetFromJsonAsync<JsonElement>($"/api/v1/appraisal/runs/{second.Run.Id}/appeals");
        Assert.Equal(0, seenByB.GetArrayLength());
        var again = await admin.PostAsJsonAsync($"/api/v1/appraisal/appeals/{appealId}/reject", new { reason = "twice" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [SkippableFact]
    public async Task The_drill_down_lists_the_measures_and_reports_behind_a_figure()
    {
        app.SkipIfUnavailable();
        var (s, client, schemeId) = await StartAsync();
        var run = await s.RunAsync(client, schemeId);

        var onTime = await client.GetFromJsonAsync<DrillDto>($"/api/v1/appraisal/runs/{run.Run.Id}/units/{s.A}/criteria/OnTimeRate", JsonSerializerOptions.Web);
        var punctual = await client.GetFromJsonAsync<DrillDto>($"/api/v1/appraisal/runs/{run.Run.Id}/units/{s.A}/criteria/ReportPunctuality", JsonSerializerOptions.Web);
        var overdue = await client.GetFromJsonAsync<DrillDto>($"/api/v1/appraisal/runs/{run.Run.Id}/units/{s.A}/criteria/OverduePenalty", JsonSerializerOptions.Web);
        var pilots = await client.GetFromJsonAsync<DrillDto>($"/api/v1/appraisal/runs/{run.Run.Id}/units/{s.A}/criteria/PilotBonus", JsonSerializerOptions.Web);

        Assert.Equal([(s.Code("M1"), true), (s.Code("M2"), false)], onTime!.Items.Select(i => (i.Code, i.Counts)));
        Assert.Equal([true, false, true], punctual!.Items.Select(i => i.Counts));
        Assert.Equal([(s.Code("M2"), 10), (s.Code("M3"), 61)], overdue!.Items.Select(i => (i.Code, i.Amount ?? 0)));
        Assert.Equal(2, pilots!.Items.Count);
    }

    [SkippableFact]
    public async Task A_unit_user_sees_the_ranking_but_drills_only_into_its_own_subtree_and_cannot_run_or_publish()
    {
        app.SkipIfUnavailable();
        var (s, admin, schemeId) = await StartAsync();
        var run = await s.RunAsync(admin, schemeId);
        using var liaisonB = app.CreateClientAs(Role.Liaison, s.Code("B"));

        var ranking = await liaisonB.GetAsync($"/api/v1/appraisal/runs/{run.Run.Id}");
        var own = await liaisonB.GetAsync($"/api/v1/appraisal/runs/{run.Run.Id}/units/{s.B}/criteria/CompletionRate");
        var other = await liaisonB.GetAsync($"/api/v1/appraisal/runs/{run.Run.Id}/units/{s.A}/criteria/CompletionRate");
        var create = await liaisonB.PostAsJsonAsync("/api/v1/appraisal/runs", new { schemeId, from = "2021-01-01", to = "2021-12-31", rootUnitId = s.Root });
        var publish = await liaisonB.PostAsync($"/api/v1/appraisal/runs/{run.Run.Id}/publish", null);
        var anonymous = await app.CreateAnonymousClient().GetAsync($"/api/v1/appraisal/runs/{run.Run.Id}");

        Assert.Equal(HttpStatusCode.OK, ranking.StatusCode);
        Assert.Equal(3, (await ranking.Content.ReadFromJsonAsync<RunDto>(JsonSerializerOptions.Web))!.Results.Count);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Single((await own.Content.ReadFromJsonAsync<DrillDto>(JsonSerializerOptions.Web))!.Items);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [SkippableFact]
    public async Task The_results_export_as_a_spreadsheet()
    {
        app.SkipIfUnavailable();
        var (s, client, schemeId) = await StartAsync();
        var run = await s.RunAsync(client, schemeId);

        var response = await client.GetAsync($"/api/v1/appraisal/runs/{run.Run.Id}/results.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal([s.Code("B"), s.Code("C"), s.Code("A")], rows.Select(r => r["单位代码 Unit code"].ToString()));
        Assert.Equal(64.28, Convert.ToDouble(rows[2]["得分 Score"], System.Globalization.CultureInfo.InvariantCulture), 2);
    }
}

public sealed class SqliteAppraisalTests(AppraisalSqliteApp app) : AppraisalTests<AppraisalSqliteApp>(app);

public sealed class PostgresAppraisalTests(AppraisalPostgresApp app) : AppraisalTests<AppraisalPostgresApp>(app);
