using System.Net;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;
using ReformTrack.Shared;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>
/// Who may write what, and where: every role against every ledger write, on a measure of the
/// user's own district and on one of another district. Out-of-scope rows are not found (404).
/// </summary>
public abstract class ScopeTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private readonly LedgerTestData _data = new(app);

    private sealed record Target(Unit Unit, int ObjectiveId, Measure Measure, string MeasureETag, int MilestoneId,
        string MilestoneETag, int ReportId, string ReportETag);

    private delegate Task<HttpResponseMessage> Write(HttpClient client, Target target);

    private static readonly object ReportBody = new { period = "2026-11", percent = 95, done = "完成流程再造" };

    private static readonly (string Name, Write Call, HttpStatusCode Success)[] Writes =
    [
        ("CreateMeasure", (c, t) => c.PostJsonAsync("/api/v1/measures", new
        {
            code = LedgerTestData.Unique("S"), title = "新举措", objectiveId = t.ObjectiveId, leadUnitId = t.Unit.Id,
            startOn = "2026-01-01", dueOn = "2026-12-31",
        }), HttpStatusCode.Created),
        ("UpdateMeasure", (c, t) => c.PutJsonAsync($"/api/v1/measures/{t.Measure.Id}", new
        {
            code = t.Measure.Code, title = "改名", objectiveId = t.ObjectiveId, leadUnitId = t.Unit.Id,
            startOn = "2026-01-01", dueOn = "2026-12-31",
        }, t.MeasureETag), HttpStatusCode.OK),
        ("ChangeMeasureStatus", (c, t) => c.PostJsonAsync($"/api/v1/measures/{t.Measure.Id}/status",
            new { status = "Suspended", reason = "等待上级政策" }, t.MeasureETag), HttpStatusCode.OK),
        ("AddMilestone", (c, t) => c.PostJsonAsync($"/api/v1/measures/{t.Measure.Id}/milestones",
            new { title = "方案印发", dueOn = "2026-12-15" }), HttpStatusCode.Created),
        ("UpdateMilestone", (c, t) => c.PutJsonAsync($"/api/v1/milestones/{t.MilestoneId}",
            new { title = "方案报批", dueOn = "2026-12-20" }, t.MilestoneETag), HttpStatusCode.OK),
        ("MarkMilestoneDone", (c, t) => c.PostJsonAsync($"/api/v1/milestones/{t.MilestoneId}/done",
            new { doneOn = "2026-11-27", evidence = "印发通知" }, t.MilestoneETag), HttpStatusCode.OK),
        ("SubmitReport", (c, t) => c.PostJsonAsync($"/api/v1/measures/{t.Measure.Id}/reports", ReportBody), HttpStatusCode.Created),
        ("ReviseReport", (c, t) => c.PutJsonAsync($"/api/v1/reports/{t.ReportId}", ReportBody, t.ReportETag), HttpStatusCode.OK),
        ("AcceptReport", (c, t) => c.PostJsonAsync($"/api/v1/reports/{t.ReportId}/accept", new { }, t.ReportETag), HttpStatusCode.OK),
        ("ReturnReport", (c, t) => c.PostJsonAsync($"/api/v1/reports/{t.ReportId}/return", new { reason = "补充材料" }, t.ReportETag),
            HttpStatusCode.OK),
    ];

    /// <summary>What a role should get on a write, in its own district or in another.</summary>
    private static HttpStatusCode Expected(Role role, string write, HttpStatusCode success, bool inScope) => role switch
    {
        Role.Admin => success,
        Role.Office => inScope ? success : write == "CreateMeasure" ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound,
        Role.Liaison when write is "SubmitReport" or "ReviseReport" => inScope ? success : HttpStatusCode.NotFound,
        _ => HttpStatusCode.Forbidden,
    };

    private async Task<Target> TargetAsync(HttpClient admin, Unit unit, int objectiveId)
    {
        var measure = await _data.AddMeasureAsync(unit.Id, objectiveId, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var milestone = await admin.PostJsonAsync($"/api/v1/measures/{measure.Id}/milestones", new { title = "调研", dueOn = "2026-12-10" });
        var report = await admin.PostJsonAsync($"/api/v1/measures/{measure.Id}/reports", ReportBody);
        var read = await admin.GetAsync($"/api/v1/measures/{measure.Id}");
        return new Target(unit, objectiveId, measure, read.ETag(), (await milestone.ReadAsync<MilestoneView>()).Id, milestone.ETag(),
            (await report.ReadAsync<ReportView>()).Id, report.ETag());
    }

    [SkippableFact]
    public async Task Each_role_may_write_only_what_its_role_allows_and_only_in_its_own_subtree()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var own = await _data.AddUnitAsync("甲区");
        var other = await _data.AddUnitAsync("乙区");
        var objective = await _data.AddObjectiveAsync();

        var mismatches = new List<string>();
        foreach (var role in Enum.GetValues<Role>())
        {
            using var client = app.CreateClientAs(role, role == Role.Admin ? null : own.Code);
            foreach (var (name, call, success) in Writes)
            {
                foreach (var inScope in new[] { true, false })
                {
                    var target = await TargetAsync(admin, inScope ? own : other, objective.Id);
                    var actual = (await call(client, target)).StatusCode;
                    var expected = Expected(role, name, success, inScope);
                    if (actual != expected)
                    {
                        mismatches.Add($"{role} {name} {(inScope ? "in" : "out of")} scope: {(int)actual}, expected {(int)expected}");
                    }
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [SkippableFact]
    public async Task A_liaison_of_one_district_neither_lists_nor_opens_nor_reports_on_another_districts_measure()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var districtA = await _data.AddUnitAsync("鼓楼区");
        var bureauA = await _data.AddUnitAsync("鼓楼区发改局", districtA);
        var districtB = await _data.AddUnitAsync("台江区");
        var objective = await _data.AddObjectiveAsync();
        var ownTarget = await TargetAsync(admin, districtA, objective.Id);
        var bureauMeasure = await _data.AddMeasureAsync(bureauA.Id, objective.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var foreign = await TargetAsync(admin, districtB, objective.Id);
        var shared = await (await admin.PostJsonAsync("/api/v1/measures", new
        {
            code = LedgerTestData.Unique("J"), title = "联合举措", objectiveId = objective.Id, leadUnitId = districtB.Id,
            coUnitIds = new[] { districtA.Id }, startOn = "2026-01-01", dueOn = "2026-12-31", activate = true,
        })).ReadAsync<MeasureDetail>();
        using var liaison = app.CreateClientAs(Role.Liaison, districtA.Code);

        var listed = await (await liaison.GetAsync($"/api/v1/measures?objectiveId={objective.Id}&pageSize=200"))
            .ReadAsync<Page<MeasureRow>>();
        var queue = await (await liaison.GetAsync("/api/v1/reports?pageSize=200")).ReadAsync<Page<QueuedReport>>();

        Assert.Equal(new[] { ownTarget.Measure.Id, bureauMeasure.Id, shared.Id }.Order(), listed.Items.Select(m => m.Id).Order());
        Assert.DoesNotContain(queue.Items, r => r.Id == foreign.ReportId);
        Assert.Contains(queue.Items, r => r.Id == ownTarget.ReportId);
        await (await liaison.GetAsync($"/api/v1/measures/{foreign.Measure.Id}")).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await liaison.GetAsync($"/api/v1/measures/{foreign.Measure.Id}/reports")).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await liaison.GetAsync($"/api/v1/measures/{foreign.Measure.Id}/milestones")).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await liaison.GetAsync($"/api/v1/reports/{foreign.ReportId}")).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await liaison.PostJsonAsync($"/api/v1/measures/{foreign.Measure.Id}/reports", ReportBody))
            .AssertStatusAsync(HttpStatusCode.NotFound);
        await (await liaison.PostJsonAsync($"/api/v1/measures/{shared.Id}/reports", ReportBody))
            .AssertStatusAsync(HttpStatusCode.Created);
        await (await liaison.GetAsync($"/api/v1/measures/{bureauMeasure.Id}")).AssertStatusAsync(HttpStatusCode.OK);
        var export = await liaison.GetStringAsync("/api/v1/exchange/ledger.csv");
        Assert.Contains(ownTarget.Measure.Code, export, StringComparison.Ordinal);
        Assert.DoesNotContain(foreign.Measure.Code, export, StringComparison.Ordinal);
        Assert.Single(await (await admin.GetAsync($"/api/v1/measures/{foreign.Measure.Id}/reports")).ReadAsync<List<ReportView>>());
    }
}

public sealed class SqliteScopeTests(SqliteApp app) : ScopeTests<SqliteApp>(app);

public sealed class PostgresScopeTests(PostgresApp app) : ScopeTests<PostgresApp>(app);
