using System.Net.Http.Headers;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>
/// Ledger pages and the dashboard are remembered between reads (decision 0030). Whatever is
/// remembered, a reader must see every change committed before the read, from this instance of the
/// app or from another sharing the database; lights must move on when the date does; and users with
/// different scopes must never be given each other's answers.
/// </summary>
public abstract class ReadCacheTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp, new()
{
    private static readonly DateOnly YearStart = new(2026, 1, 1);
    private static readonly DateOnly YearEnd = new(2026, 12, 31);

    private readonly LedgerTestData _data = new(app);

    /// <summary>A second instance of the app on the same database, as on a second web node.</summary>
    private sealed class SecondInstance(TestDatabase database) : ReformTrackApp(database, ownsDatabase: false);

    private static async Task<Page<MeasureRow>> ListAsync(HttpClient client, string query) =>
        await (await client.GetAsync("/api/v1/measures?" + query)).ReadAsync<Page<MeasureRow>>();

    private static async Task<Overview> OverviewAsync(HttpClient client, string query = "") =>
        await (await client.GetAsync("/api/v1/overview" + query)).ReadAsync<Overview>();

    private static int[] Ids(Page<MeasureRow> page) => page.Items.Select(r => r.Id).ToArray();

    [SkippableFact]
    public async Task A_report_accepted_on_another_instance_shows_on_the_next_read()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await _data.AddScopeAsync();
        var measure = await _data.AddMeasureAsync(unit.Id, objective.Id, YearStart, YearEnd);
        Assert.Equal([measure.Id], Ids(await ListAsync(client, $"unitId={unit.Id}&light=Red")));
        Assert.Equal(1, (await OverviewAsync(client, $"?unitId={unit.Id}")).Red);

        await using (var other = new SecondInstance(app.Database))
        {
            using var otherClient = other.Server.CreateClient();
            otherClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Admin.Token);
            var submitted = await otherClient.PostJsonAsync($"/api/v1/measures/{measure.Id}/reports",
                new { period = "2026-11", percent = 95, done = "流程再造完成" });
            var report = await submitted.ReadAsync<ReportView>();
            (await otherClient.PostJsonAsync($"/api/v1/reports/{report.Id}/accept", new { }, submitted.ETag()))
                .EnsureSuccessStatusCode();
        }

        Assert.Empty((await ListAsync(client, $"unitId={unit.Id}&light=Red")).Items);
        var green = await ListAsync(client, $"unitId={unit.Id}&light=Green");
        Assert.Equal(95, Assert.Single(green.Items).Progress);
        var overview = await OverviewAsync(client, $"?unitId={unit.Id}");
        Assert.Equal((0, 1), (overview.Red, overview.Green));
    }

    [SkippableFact]
    public async Task An_edit_and_a_status_change_show_on_the_next_read()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await _data.AddScopeAsync();
        var measure = await _data.AddMeasureAsync(unit.Id, objective.Id, YearStart, YearEnd, title: "旧名称");
        var query = $"unitId={unit.Id}&sort=dueOn";
        Assert.Equal("旧名称", Assert.Single((await ListAsync(client, query)).Items).Title);

        var read = await client.GetAsync($"/api/v1/measures/{measure.Id}");
        var edited = await client.PutJsonAsync($"/api/v1/measures/{measure.Id}", new
        {
            code = measure.Code, title = "新名称", objectiveId = objective.Id, leadUnitId = unit.Id,
            startOn = "2026-01-01", dueOn = "2026-12-31",
        }, read.ETag());
        edited.EnsureSuccessStatusCode();
        Assert.Equal("新名称", Assert.Single((await ListAsync(client, query)).Items).Title);
        Assert.Equal(1, (await OverviewAsync(client, $"?unitId={unit.Id}")).Red);

        (await client.PostJsonAsync($"/api/v1/measures/{measure.Id}/status",
            new { status = "Suspended", reason = "等待上级政策" }, edited.ETag())).EnsureSuccessStatusCode();
        Assert.Equal(MeasureStatus.Suspended, Assert.Single((await ListAsync(client, query)).Items).Status);
        Assert.Empty((await ListAsync(client, query + "&light=Red")).Items);
        Assert.Equal(0, (await OverviewAsync(client, $"?unitId={unit.Id}")).Red);
    }

    [SkippableFact]
    public async Task Lights_move_on_at_midnight()
    {
        app.SkipIfUnavailable();
        // A host of its own: its clock moves forward and never back.
        using var own = new TApp();
        var data = new LedgerTestData(own);
        using var client = own.CreateClient();
        var (unit, objective) = await data.AddScopeAsync();
        // Due today and almost done: green today, overdue and red from tomorrow.
        var measure = await data.AddMeasureAsync(unit.Id, objective.Id, YearStart, LedgerTestData.Today, progress: 99);
        Assert.Equal(Light.Green, Assert.Single((await ListAsync(client, $"unitId={unit.Id}")).Items).Light);
        Assert.Empty((await ListAsync(client, $"unitId={unit.Id}&light=Red")).Items);
        Assert.Equal(0, (await OverviewAsync(client, $"?unitId={unit.Id}")).Overdue);

        own.Clock.SetUtcNow(new DateTimeOffset(LedgerTestData.Today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

        var row = Assert.Single((await ListAsync(client, $"unitId={unit.Id}")).Items);
        Assert.Equal((Light.Red, true), (row.Light, row.Overdue));
        Assert.Equal([measure.Id], Ids(await ListAsync(client, $"unitId={unit.Id}&light=Red")));
        var overview = await OverviewAsync(client, $"?unitId={unit.Id}");
        Assert.Equal((1, 1, LedgerTestData.Today.AddDays(1)), (overview.Overdue, overview.Red, overview.AsOf));
    }

    [SkippableFact]
    public async Task Users_with_different_scopes_never_share_an_answer()
    {
        app.SkipIfUnavailable();
        var objective = await _data.AddObjectiveAsync();
        var east = await _data.AddUnitAsync();
        var west = await _data.AddUnitAsync();
        var behind = await _data.AddMeasureAsync(east.Id, objective.Id, YearStart, YearEnd);
        var onTrack = await _data.AddMeasureAsync(west.Id, objective.Id, YearStart, YearEnd, progress: 95);
        using var admin = app.CreateClient();
        using var eastLiaison = app.CreateClientAs(Role.Liaison, east.Code);
        using var westLiaison = app.CreateClientAs(Role.Liaison, west.Code);
        using var eastViewer = app.CreateClientAs(Role.Viewer, east.Code);
        var query = $"objectiveId={objective.Id}&sort=code";

        // The same question from each, one after the other: each answer is the asker's own.
        Assert.Equal([behind.Id], Ids(await ListAsync(eastLiaison, query)));
        Assert.Equal([onTrack.Id], Ids(await ListAsync(westLiaison, query)));
        Assert.Equal(new[] { behind.Id, onTrack.Id }.Order(), Ids(await ListAsync(admin, query)).Order());
        Assert.Equal([behind.Id], Ids(await ListAsync(eastViewer, query)));
        Assert.Equal([onTrack.Id], Ids(await ListAsync(westLiaison, query)));

        var eastOverview = await OverviewAsync(eastLiaison);
        var westOverview = await OverviewAsync(westLiaison);
        Assert.Equal((1, 0, 1), (eastOverview.MeasuresIntroduced, eastOverview.Green, eastOverview.Red));
        Assert.Equal((1, 1, 0), (westOverview.MeasuresIntroduced, westOverview.Green, westOverview.Red));
    }
}

public sealed class SqliteReadCacheTests(SqliteApp app) : ReadCacheTests<SqliteApp>(app);

public sealed class PostgresReadCacheTests(PostgresApp app) : ReadCacheTests<PostgresApp>(app);
