using System.Net;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Modules.Ledger;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>Many liaisons report and the office edits at the same moment: every write lands.</summary>
public abstract class LedgerConcurrencyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private const int Clients = 16;
    private const int ReportsPerClient = 5;

    private readonly LedgerTestData _data = new(app);

    [SkippableFact]
    public async Task Sixteen_clients_reporting_and_editing_at_once_all_succeed_and_every_report_is_stored()
    {
        app.SkipIfUnavailable();
        var (unit, objective) = await _data.AddScopeAsync();
        var measures = new List<Measure>();
        for (var i = 0; i < Clients; i++)
        {
            measures.Add(await _data.AddMeasureAsync(unit.Id, objective.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        }

        var ids = measures.Select(m => m.Id).ToList();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var start = new SemaphoreSlim(0, Clients);

        var work = measures.Select(measure => Task.Run(async () =>
        {
            using var client = app.CreateClient();
            await start.WaitAsync();
            for (var i = 0; i < ReportsPerClient; i++)
            {
                var submitted = await client.PostJsonAsync($"/api/v1/measures/{measure.Id}/reports", new
                {
                    period = "2026-11",
                    percent = 91 + i,
                    done = $"第 {i + 1} 次报送",
                });
                await Record(submitted, HttpStatusCode.Created);

                var read = await client.GetAsync($"/api/v1/measures/{measure.Id}");
                await Record(read, HttpStatusCode.OK);
                var edited = await client.PutJsonAsync($"/api/v1/measures/{measure.Id}", new
                {
                    code = measure.Code,
                    title = $"{measure.Title} 第 {i + 1} 次修改",
                    objectiveId = objective.Id,
                    leadUnitId = unit.Id,
                    startOn = "2026-01-01",
                    dueOn = "2026-12-31",
                }, read.ETag());
                await Record(edited, HttpStatusCode.OK);
            }
        })).ToList();
        start.Release(Clients);
        await Task.WhenAll(work);

        Assert.Empty(failures);
        var stored = await _data.ReadAsync(db => db.ProgressReports.CountAsync(r => ids.Contains(r.MeasureId)));
        Assert.Equal(Clients * ReportsPerClient, stored);
        var titles = await _data.ReadAsync(db => db.Measures.Where(m => ids.Contains(m.Id)).Select(m => m.Title).ToListAsync());
        Assert.All(titles, t => Assert.EndsWith($"第 {ReportsPerClient} 次修改", t, StringComparison.Ordinal));

        async Task Record(HttpResponseMessage response, HttpStatusCode expected)
        {
            if (response.StatusCode != expected)
            {
                failures.Add($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }
}

public sealed class SqliteLedgerConcurrencyTests(SqliteApp app) : LedgerConcurrencyTests<SqliteApp>(app);

public sealed class PostgresLedgerConcurrencyTests(PostgresApp app) : LedgerConcurrencyTests<PostgresApp>(app);
