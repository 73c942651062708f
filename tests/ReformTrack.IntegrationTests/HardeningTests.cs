using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Modules.Ledger;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>Security headers, request size limits and errors that tell the client nothing of the server's insides.</summary>
public sealed class HardeningTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/api/v1/measures")]
    [InlineData("/health")]
    public async Task Every_answer_carries_the_security_headers(string url)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site()
    {
        var user = app.CreateUser(Modules.Accounts.Role.Admin);
        using var noRedirect = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        noRedirect.DefaultRequestHeaders.Authorization = null;
        var page = await noRedirect.GetAsync("/account/sign-in");
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").First(c => c.Contains("Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["Input.Email"] = user.Email,
                ["Input.Password"] = user.Password,
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);

        var signedIn = await noRedirect.SendAsync(post);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("reformtrack.auth=", StringComparison.Ordinal));

        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused()
    {
        using var client = app.CreateClient();
        var huge = new string('x', (int)Shared.Hardening.MaxRequestBytes + 1);

        var response = await client.PostJsonAsync("/api/v1/units", new { code = "BIG", name = huge });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_unexpected_error_is_500_without_the_exception_in_production()
    {
        using var production = app.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.ConfigureTestServices(s => s.AddScoped<ListMeasures>(_ => throw new InvalidOperationException("secret inner detail")));
        });
        using var client = production.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", app.Admin.Token);

        var response = await client.GetAsync("/api/v1/measures");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("secret inner detail", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ReformTrack", body, StringComparison.Ordinal);
    }
}
