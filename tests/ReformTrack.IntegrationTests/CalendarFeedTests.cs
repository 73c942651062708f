using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Ledger;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>
/// A user's calendar feed link: the secret in the address is the credential, the feed holds the
/// deadlines of that user's scope only, and a revoked, replaced or unknown link, or a disabled
/// owner's, is not found.
/// </summary>
public abstract class CalendarFeedTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private readonly LedgerTestData _data = new(app);

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private Task<string> NewLinkAsync(TestUser user) =>
        WithAsync(s => s.GetRequiredService<ManageTokens>().ReplaceCalendarFeedAsync(user.Id));

    private async Task<HttpResponseMessage> FeedAsync(string secret)
    {
        using var client = app.CreateAnonymousClient();
        return await client.GetAsync($"/calendar/{secret}.ics");
    }

    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsStringAsync()).Replace("\r\n ", "", StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_liaisons_link_serves_the_deadlines_of_their_own_district_and_not_another_districts()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var districtA = await _data.AddUnitAsync("鼓楼区");
        var bureauA = await _data.AddUnitAsync("鼓楼区发改局", districtA);
        var districtB = await _data.AddUnitAsync("台江区");
        var objective = await _data.AddObjectiveAsync();
        var own = await _data.AddMeasureAsync(bureauA.Id, objective.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var foreign = await _data.AddMeasureAsync(districtB.Id, objective.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 20));
        var draft = await _data.AddMeasureAsync(districtA.Id, objective.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 25),
            draft: true);
        var open = await (await admin.PostJsonAsync($"/api/v1/measures/{own.Id}/milestones",
            new { title = "方案印发", dueOn = "2026-12-15" })).ReadAsync<MilestoneView>();
        var done = await admin.PostJsonAsync($"/api/v1/measures/{own.Id}/milestones", new { title = "调研", dueOn = "2026-11-20" });
        var doneId = (await done.ReadAsync<MilestoneView>()).Id;
        await (await admin.PostJsonAsync($"/api/v1/milestones/{doneId}/done", new { doneOn = "2026-11-19", evidence = "调研报告" },
            done.ETag())).AssertStatusAsync(HttpStatusCode.OK);
        var foreignMilestone = await (await admin.PostJsonAsync($"/api/v1/measures/{foreign.Id}/milestones",
            new { title = "外区节点", dueOn = "2026-12-10" })).ReadAsync<MilestoneView>();
        var liaison = app.CreateUser(Role.Liaison, districtA.Code);

        var text = await TextAsync(await FeedAsync(await NewLinkAsync(liaison)));

        Assert.Contains($"UID:measure-{own.Id}@reformtrack\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"UID:milestone-{open.Id}@reformtrack\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"SUMMARY:{own.Code} 方案印发\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20261215\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"UID:milestone-{doneId}@", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"UID:measure-{draft.Id}@", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"UID:measure-{foreign.Id}@", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"UID:milestone-{foreignMilestone.Id}@", text, StringComparison.Ordinal);
        Assert.DoesNotContain(foreign.Code, text, StringComparison.Ordinal);

        var other = app.CreateUser(Role.Liaison, districtB.Code);
        var otherText = await TextAsync(await FeedAsync(await NewLinkAsync(other)));
        Assert.Contains($"UID:measure-{foreign.Id}@reformtrack\r\n", otherText, StringComparison.Ordinal);
        Assert.DoesNotContain($"UID:measure-{own.Id}@", otherText, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_revoked_link_is_not_found()
    {
        app.SkipIfUnavailable();
        var user = app.CreateUser(Role.Leader, (await _data.AddUnitAsync()).Code);
        var secret = await NewLinkAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await FeedAsync(secret)).StatusCode);

        await WithAsync(async s =>
        {
            await s.GetRequiredService<ManageTokens>().RevokeCalendarFeedAsync(user.Id);
            return true;
        });

        Assert.Equal(HttpStatusCode.NotFound, (await FeedAsync(secret)).StatusCode);
        Assert.Null(await WithAsync(s => s.GetRequiredService<ManageTokens>().CalendarFeedCreatedAsync(user.Id)));
    }

    [SkippableFact]
    public async Task Replacing_the_link_stops_the_old_one()
    {
        app.SkipIfUnavailable();
        var user = app.CreateUser(Role.Office, (await _data.AddUnitAsync()).Code);
        var old = await NewLinkAsync(user);

        var replacement = await NewLinkAsync(user);

        Assert.NotEqual(old, replacement);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FeedAsync(replacement)).StatusCode);
    }

    [SkippableFact]
    public async Task A_wrong_secret_or_an_api_token_is_not_a_feed_link()
    {
        app.SkipIfUnavailable();
        var user = app.CreateUser(Role.Office, (await _data.AddUnitAsync()).Code);
        var secret = await NewLinkAsync(user);

        Assert.Equal(HttpStatusCode.NotFound, (await FeedAsync(secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A'))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedAsync(AccessToken.NewSecret(AccessToken.CalendarPrefix))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedAsync(user.Token)).StatusCode);

        // Nor does the feed link open the API.
        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/measures")).StatusCode);
    }

    [SkippableFact]
    public async Task A_disabled_users_link_is_not_found()
    {
        app.SkipIfUnavailable();
        var user = app.CreateUser(Role.Liaison, (await _data.AddUnitAsync()).Code);
        var secret = await NewLinkAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await FeedAsync(secret)).StatusCode);

        await WithAsync(async s =>
        {
            await s.GetRequiredService<ManageUsers>().SetDisabledAsync(user.Id, true);
            return true;
        });

        Assert.Equal(HttpStatusCode.NotFound, (await FeedAsync(secret)).StatusCode);
    }

    [SkippableFact]
    public async Task The_reserved_name_is_refused_for_an_api_token()
    {
        app.SkipIfUnavailable();
        var user = app.CreateUser(Role.Office, (await _data.AddUnitAsync()).Code);

        var violation = await Assert.ThrowsAsync<ReformTrack.Shared.RuleViolation>(() =>
            WithAsync(s => s.GetRequiredService<ManageTokens>().CreateAsync(user.Id, "Calendar feed", null)));

        Assert.Equal("TokenNameIsReserved", violation.Rule);
    }
}

public sealed class SqliteCalendarFeedTests(SqliteApp app) : CalendarFeedTests<SqliteApp>(app);

public sealed class PostgresCalendarFeedTests(PostgresApp app) : CalendarFeedTests<PostgresApp>(app);
