using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Data;
using ReformTrack.Modules.Supervision;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

public abstract class SupervisionDemoTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    [SkippableFact]
    public async Task The_demo_has_open_items_at_every_level_responses_a_closed_item_and_extensions()
    {
        app.SkipIfUnavailable();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContextAsync();
        var open = await db.SupervisionItems.Where(i => i.Status != SupervisionStatus.Closed)
            .GroupBy(i => i.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();

        Assert.All(Enum.GetValues<SupervisionLevel>(), level => Assert.Contains(open, o => o.Key == level && o.Count > 0));
        Assert.True(await db.SupervisionItems.CountAsync(i => i.Rule == SupervisionRule.Manual) >= 3);
        Assert.True(await db.SupervisionItems.CountAsync(i => i.Response != null) >= 3);
        Assert.True(await db.SupervisionItems.AnyAsync(i => i.ClosedBecause == ClosedBecause.Resolved));
        Assert.True(await db.ExtensionRequests.AnyAsync(e => e.Status == ExtensionStatus.Approved && e.RequestedDueOn > e.OriginalDueOn));
        Assert.True(await db.ExtensionRequests.AnyAsync(e => e.Status == ExtensionStatus.Pending));
        Assert.True(await db.SupervisionRuns.AnyAsync(r => r.Day == DemoSeeder.AsOf));
    }
}

public sealed class SqliteSupervisionDemoTests(SqliteDemoApp app) : SupervisionDemoTests<SqliteDemoApp>(app);

public sealed class PostgresSupervisionDemoTests(PostgresDemoApp app) : SupervisionDemoTests<PostgresDemoApp>(app);
