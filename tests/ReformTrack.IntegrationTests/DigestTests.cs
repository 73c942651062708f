using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Supervision;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>A test host whose digests go to a local smtp4dev it starts itself.</summary>
public abstract class MailingApp(TestDatabase database) : ReformTrackApp(database)
{
    public Smtp4dev Mail { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Smtp:From", "ReformTrack <reformtrack@test.reformtrack.org>");
        builder.UseSetting("Smtp:BaseUrl", "https://reform.test");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Mail.Dispose();
        }
    }
}

public sealed class SqliteMailingApp() : MailingApp(new SqliteTestDatabase());

public sealed class PostgresMailingApp() : MailingApp(new PostgresTestDatabase());

public abstract class DigestTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MailingApp
{
    private readonly LedgerTestData _data = new(app);

    [SkippableFact]
    public async Task Each_person_gets_one_digest_a_day_listing_their_items()
    {
        app.SkipIfUnavailable();
        Skip.If(app.Mail.Unavailable is not null, app.Mail.Unavailable);
        var today = LedgerTestData.Today;
        var (unit, objective) = await _data.AddScopeAsync();
        var (other, otherObjective) = await _data.AddScopeAsync();
        // Far behind schedule: the rules open an item on each unit's measure.
        var ours = await _data.AddMeasureAsync(unit.Id, objective.Id, today.AddDays(-200), today.AddDays(100), title: "Ours: one-window approvals");
        var theirs = await _data.AddMeasureAsync(other.Id, otherObjective.Id, today.AddDays(-200), today.AddDays(100), title: "Theirs: river chiefs");
        var liaison = app.CreateUser(Role.Liaison, await _data.UnitCodeAsync(unit.Id), "鼓楼区联络员 王明");
        app.CreateUser(Role.Viewer, await _data.UnitCodeAsync(unit.Id));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EvaluateSupervision>().RunAsync(force: true);
        }

        using var admin = app.CreateClient();
        var first = await (await admin.PostAsync("/api/v1/notifications/digest", null)).ReadAsync<DigestResult>();
        var second = await (await admin.PostAsync("/api/v1/notifications/digest", null)).ReadAsync<DigestResult>();
        var messages = await app.Mail.MessagesAsync();

        Assert.False(first.Disabled);
        Assert.True(first.Sent >= 2, $"the liaison and the administrator have updates; sent {first.Sent}");
        Assert.Equal(0, second.Sent);
        Assert.Equal(first.Sent, second.AlreadySent);
        Assert.Equal(first.Sent, messages.Count);
        var mine = Assert.Single(messages, m => m.To.Contains(liaison.Email));
        Assert.Contains(ours.Code, mine.Text, StringComparison.Ordinal);
        Assert.Contains("Ours: one-window approvals", mine.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Code, mine.Text, StringComparison.Ordinal);
        Assert.Contains("待答复的督办事项", mine.Text, StringComparison.Ordinal);
        Assert.Contains("Items to answer", mine.Text, StringComparison.Ordinal);
        Assert.Contains("https://reform.test/supervision?item=", mine.Text, StringComparison.Ordinal);
        Assert.Contains("2026-11-28", mine.Subject, StringComparison.Ordinal);
        // The viewer has nothing to do, so no mail.
        Assert.DoesNotContain(messages, m => m.To.Any(t => t.StartsWith("viewer", StringComparison.Ordinal)));
        var recorded = await _data.ReadAsync(db => db.DigestsSent.CountAsync(d => d.UserId == liaison.Id && d.Day == today));
        Assert.Equal(1, recorded);
    }
}

public sealed class SqliteDigestTests(SqliteMailingApp app) : DigestTests<SqliteMailingApp>(app);

public sealed class PostgresDigestTests(PostgresMailingApp app) : DigestTests<PostgresMailingApp>(app);
