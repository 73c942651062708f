using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Modules.Accounts;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>Signing in through the page, lockout, the sign-in rate limit and personal access tokens.</summary>
public abstract partial class AccountTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp, new()
{
    private HttpClient Browser(WebApplicationFactory<Program>? factory = null)
    {
        var client = (factory ?? app).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>Posts the sign-in form as a browser does: with the antiforgery token of the page it read.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/sign-in");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        return await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [SkippableFact]
    public async Task Signing_in_opens_the_pages_and_signing_out_closes_them()
    {
        app.SkipIfUnavailable();
        var user = app.CreateUser(Role.Admin, displayName: "王明");
        using var client = Browser();

        var signedIn = await SignInAsync(client, user.Email, user.Password);
        var account = WebUtility.HtmlDecode(await client.GetStringAsync("/account"));
        var accountPage = await client.GetStringAsync("/account");
        var token = AntiforgeryField().Match(accountPage).Groups[1].Value;
        var signedOut = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        var afterwards = await client.GetAsync("/account");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.IsAbsoluteUri == true ? signedIn.Headers.Location.AbsolutePath : signedIn.Headers.Location?.OriginalString);
        Assert.Contains("王明", account, StringComparison.Ordinal);
        Assert.Contains(user.Email, account, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/account/sign-in", afterwards.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Sign_in_form_without_its_antiforgery_token_is_refused()
    {
        app.SkipIfUnavailable();
        var user = app.CreateUser(Role.Admin);
        using var client = Browser();

        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
    }

    [SkippableFact]
    public async Task Wrong_password_is_refused_and_five_in_a_row_lock_the_account()
    {
        app.SkipIfUnavailable();
        var user = app.CreateUser(Role.Office, await new LedgerTestData(app).UnitCodeAsync(await UnitAsync()));
        using var client = Browser();

        var wrong = await SignInAsync(client, user.Email, "Not-the-password-1");
        var wrongText = await wrong.Content.ReadAsStringAsync();
        for (var i = 0; i < 4; i++)
        {
            await SignInAsync(client, user.Email, "Not-the-password-1");
        }

        var right = await SignInAsync(client, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The email or the password is not correct.", wrongText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("this account is locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
    }

    [SkippableFact]
    public async Task Sign_in_posts_beyond_the_limit_per_minute_are_429()
    {
        app.SkipIfUnavailable();
        var user = app.CreateUser(Role.Admin);
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("Accounts:SignInsPerMinute", "3"));
        using var client = Browser(limited);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await SignInAsync(client, user.Email, "Not-the-password-1")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }

    [SkippableFact]
    public async Task A_token_is_used_as_bearer_until_it_expires_or_is_revoked()
    {
        app.SkipIfUnavailable();
        // A host of its own: this test moves its clock a month on.
        using var own = new TApp();
        var user = own.CreateUser(Role.Admin);
        var tokens = own.Services.GetRequiredService<ManageTokens>();
        var lasting = await tokens.CreateAsync(user.Id, "nightly export", 30);
        var revoked = await tokens.CreateAsync(user.Id, "old script", null);
        var listed = await tokens.ListAsync(user.Id);

        Assert.StartsWith(AccessToken.Prefix, lasting.Secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(own, lasting.Secret));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(own, revoked.Secret));
        Assert.DoesNotContain(listed, t => t.Name.Contains(lasting.Secret, StringComparison.Ordinal));

        await tokens.RevokeAsync(user.Id, revoked.Id);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(own, revoked.Secret));
        own.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(own, lasting.Secret));
        own.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(own, lasting.Secret));
    }

    [SkippableFact]
    public async Task A_token_revoked_by_another_instance_stops_working_within_half_a_minute()
    {
        app.SkipIfUnavailable();
        // A host of its own: this test moves its clock on.
        using var own = new TApp();
        var user = own.CreateUser(Role.Admin);
        var token = await own.Services.GetRequiredService<ManageTokens>().CreateAsync(user.Id, "script", null);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(own, token.Secret));

        // Written straight to the database, as another instance of the app would: this one is not told.
        var factory = own.Services.GetRequiredService<IDbContextFactory<Data.ReformDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var revokedAt = own.Clock.GetUtcNow().UtcDateTime;
            await db.AccessTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, revokedAt));
        }

        var remembered = await StatusWithAsync(own, token.Secret);
        own.Clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(HttpStatusCode.OK, remembered);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(own, token.Secret));
    }

    [SkippableTheory]
    [InlineData("rt_not-a-token")]
    [InlineData("")]
    public async Task A_wrong_token_is_401_with_a_bearer_challenge(string secret)
    {
        app.SkipIfUnavailable();

        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {secret}");
        var response = await client.GetAsync("/api/v1/measures");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [SkippableFact]
    public async Task Only_a_hash_of_the_token_is_stored()
    {
        app.SkipIfUnavailable();
        var user = app.CreateUser(Role.Viewer, await new LedgerTestData(app).UnitCodeAsync(await UnitAsync()));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.ReformDbContext>();
        var stored = db.AccessTokens.Where(t => t.UserId == user.Id).Select(t => t.Hash).Single();

        Assert.NotEqual(user.Token, stored);
        Assert.Equal(AccessToken.HashOf(user.Token), stored);
    }

    private async Task<int> UnitAsync() => (await new LedgerTestData(app).AddUnitAsync()).Id;

    private static async Task<HttpStatusCode> StatusWithAsync(ReformTrackApp host, string secret)
    {
        using var client = host.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return (await client.GetAsync("/api/v1/measures")).StatusCode;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class SqliteAccountTests(SqliteApp app) : AccountTests<SqliteApp>(app);

public sealed class PostgresAccountTests(PostgresApp app) : AccountTests<PostgresApp>(app);
