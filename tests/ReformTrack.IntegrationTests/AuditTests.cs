using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Data;
using ReformTrack.Modules.Audit;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>The audit trail: one entry per change, in the change's transaction, chained by hashes.</summary>
public abstract class AuditTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp, new()
{
    private readonly LedgerTestData _data = new(app);

    private static async Task<Page<AuditRow>> TrailAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/v1/audit?{query}")).ReadAsync<Page<AuditRow>>();

    [SkippableFact]
    public async Task Every_write_leaves_an_entry_naming_the_actor_and_the_values_before_and_after()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await _data.AddScopeAsync();

        var created = await (await client.PostJsonAsync("/api/v1/measures", new
        {
            code = LedgerTestData.Unique("A"), title = "推行告知承诺制", objectiveId = objective.Id, leadUnitId = unit.Id,
            startOn = "2026-01-01", dueOn = "2026-12-31", activate = true,
        })).ReadAsync<MeasureDetail>();
        var read = await client.GetAsync($"/api/v1/measures/{created.Id}");
        await client.PutJsonAsync($"/api/v1/measures/{created.Id}", new
        {
            code = created.Code, title = "全面推行告知承诺制", objectiveId = objective.Id, leadUnitId = unit.Id,
            startOn = "2026-01-01", dueOn = "2026-12-31",
        }, read.ETag());
        var milestone = await (await client.PostJsonAsync($"/api/v1/measures/{created.Id}/milestones",
            new { title = "制定清单", dueOn = "2026-12-01" })).ReadAsync<MilestoneView>();
        var report = await client.PostJsonAsync($"/api/v1/measures/{created.Id}/reports",
            new { period = "2026-11", percent = 95, done = "清单已印发" });
        var reportId = (await report.ReadAsync<ReportView>()).Id;
        await client.PostJsonAsync($"/api/v1/reports/{reportId}/accept", new { }, report.ETag());

        var measureTrail = await TrailAsync(client, $"entity=Measure&entityId={created.Id}");
        var milestoneTrail = await TrailAsync(client, $"entity=Milestone&entityId={milestone.Id}");
        var reportTrail = await TrailAsync(client, $"entity=ProgressReport&entityId={reportId}");

        // Created, renamed, progress set by the accepted report: newest first.
        Assert.Equal([AuditAction.Updated, AuditAction.Updated, AuditAction.Created], measureTrail.Items.Select(a => a.Action));
        var rename = measureTrail.Items[1];
        Assert.Contains("推行告知承诺制", rename.Before, StringComparison.Ordinal);
        Assert.Contains("全面推行告知承诺制", rename.After, StringComparison.Ordinal);
        Assert.Contains("Title", AuditChanges.Fields(rename.Before, rename.After));
        Assert.Null(measureTrail.Items[^1].Before);
        Assert.All(measureTrail.Items, a => Assert.StartsWith("Test administrator <", a.Actor, StringComparison.Ordinal));
        Assert.Single(milestoneTrail.Items);
        Assert.Equal([AuditAction.Updated, AuditAction.Created], reportTrail.Items.Select(a => a.Action));
        Assert.True((await app.Services.CreateScope().ServiceProvider.GetRequiredService<VerifyAudit>().RunAsync()).Intact);
    }

    [SkippableFact]
    public async Task A_failed_request_leaves_no_entry()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await _data.AddScopeAsync();
        var measure = await _data.AddMeasureAsync(unit.Id, objective.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var before = await _data.ReadAsync(db => db.AuditEntries.CountAsync());

        var duplicate = await client.PostJsonAsync("/api/v1/measures", new
        {
            code = measure.Code, title = "重复编号", objectiveId = objective.Id, leadUnitId = unit.Id,
            startOn = "2026-01-01", dueOn = "2026-12-31",
        });
        var stale = await client.PutJsonAsync($"/api/v1/measures/{measure.Id}", new
        {
            code = measure.Code, title = "过期版本", objectiveId = objective.Id, leadUnitId = unit.Id,
            startOn = "2026-01-01", dueOn = "2026-12-31",
        }, "\"99\"");

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(before, await _data.ReadAsync(db => db.AuditEntries.CountAsync()));
    }

    [SkippableFact]
    public async Task Changing_one_entry_in_the_database_is_found_by_verify_which_names_it()
    {
        app.SkipIfUnavailable();
        using var own = new TApp();
        using var client = own.CreateClient();
        var data = new LedgerTestData(own);
        var (unit, objective) = await data.AddScopeAsync();
        for (var i = 0; i < 3; i++)
        {
            await data.AddMeasureAsync(unit.Id, objective.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        }

        var verify = own.Services.CreateScope().ServiceProvider.GetRequiredService<VerifyAudit>();
        var intact = await verify.RunAsync();
        var victim = await data.ReadAsync(db => db.AuditEntries.Where(a => a.Entity == "Measure").OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        await data.ReadAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"AuditEntries\" SET \"Actor\" = 'someone else' WHERE \"Id\" = {victim}"));
        var broken = await verify.RunAsync();
        var verdict = await (await client.GetAsync("/api/v1/audit/verify")).ReadAsync<AuditVerification>();

        Assert.True(intact.Intact);
        Assert.Equal(victim, broken.FirstBrokenId);
        Assert.Contains($"entry {victim}", broken.Problem, StringComparison.Ordinal);
        Assert.Equal(victim, verdict.FirstBrokenId);
    }

    [SkippableFact]
    public async Task Concurrent_writers_keep_one_unbroken_chain()
    {
        app.SkipIfUnavailable();
        using var own = new TApp();
        var data = new LedgerTestData(own);
        var (unit, objective) = await data.AddScopeAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await data.AddMeasureAsync(unit.Id, objective.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
            }
        })));

        var result = await own.Services.CreateScope().ServiceProvider.GetRequiredService<VerifyAudit>().RunAsync();
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(40, await data.ReadAsync(db => db.AuditEntries.CountAsync(a => a.Entity == "Measure")));
    }

    [SkippableFact]
    public async Task Concurrent_reports_creations_and_stale_edits_through_the_api_leave_a_verifiable_chain_without_gaps()
    {
        app.SkipIfUnavailable();
        using var own = new TApp();
        using var client = own.CreateClient();
        var data = new LedgerTestData(own);
        var (unit, objective) = await data.AddScopeAsync();
        var measure = await data.AddMeasureAsync(unit.Id, objective.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var version = (await client.GetAsync($"/api/v1/measures/{measure.Id}")).ETag();

        // Eight writers at once: reports, new measures (one with a character outside the BMP) and stale edits.
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 4; i++)
            {
                var answer = (writer % 3) switch
                {
                    0 => await client.PostJsonAsync($"/api/v1/measures/{measure.Id}/reports",
                        new { period = "2026-11", percent = 90 + i, done = $"第{writer}组第{i}次报送" }),
                    1 => await client.PostJsonAsync("/api/v1/measures", new
                    {
                        code = LedgerTestData.Unique("C"), title = $"并发新增举措 𠀀 {writer}-{i}", objectiveId = objective.Id,
                        leadUnitId = unit.Id, startOn = "2026-01-01", dueOn = "2026-12-31", activate = true,
                    }),
                    _ => await client.PutJsonAsync($"/api/v1/measures/{measure.Id}", new
                    {
                        code = measure.Code, title = "过期修改", objectiveId = objective.Id, leadUnitId = unit.Id,
                        startOn = "2026-01-01", dueOn = "2026-12-31",
                    }, "\"999\""),
                };
                statuses.Add(answer.StatusCode);
            }

            return statuses;
        })));

        var verdict = await (await client.GetAsync("/api/v1/audit/verify")).ReadAsync<AuditVerification>();
        var entries = await data.ReadAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        Assert.True(verdict.Intact, verdict.Problem);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries);
        Assert.All(answers.SelectMany((statuses, writer) => statuses.Select(status => (writer, status))), a =>
            Assert.Equal((a.writer % 3) switch { 0 or 1 => HttpStatusCode.Created, _ => HttpStatusCode.PreconditionFailed }, a.status));
        // Each report and each new measure left exactly one entry; the stale edits none.
        Assert.Equal(3 * 4, await data.ReadAsync(db => db.AuditEntries.CountAsync(a => a.Entity == "ProgressReport" && a.Action == AuditAction.Created)));
        Assert.Equal(1 + 3 * 4, await data.ReadAsync(db => db.AuditEntries.CountAsync(a => a.Entity == "Measure")));
        Assert.Equal(version, (await client.GetAsync($"/api/v1/measures/{measure.Id}")).ETag());
    }

    [SkippableFact]
    public async Task Only_the_office_and_administrators_read_the_trail()
    {
        app.SkipIfUnavailable();
        var unit = await _data.AddUnitAsync();
        using var viewer = app.CreateClientAs(Modules.Accounts.Role.Viewer, unit.Code);
        using var office = app.CreateClientAs(Modules.Accounts.Role.Office, unit.Code);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync("/api/v1/audit/verify")).StatusCode);
    }
}

public sealed class SqliteAuditTests(SqliteApp app) : AuditTests<SqliteApp>(app);

public sealed class PostgresAuditTests(PostgresApp app) : AuditTests<PostgresApp>(app);
