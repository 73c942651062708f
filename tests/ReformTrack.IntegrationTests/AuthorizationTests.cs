using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Modules.Accounts;
using ReformTrack.Shared;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>Every endpoint names who may call it; anonymous callers reach only the allow-listed few.</summary>
public sealed class AuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>
    /// The endpoints open to anyone: signing in, the health probe and the ping for monitors and load
    /// tests (the ping touches no data), the language switch (the sign-in page offers it) and the
    /// error pages, and the calendar feed link (its secret is the credential; calendar programs
    /// send no Authorization header). Static assets are open too (checked apart).
    /// </summary>
    private static readonly string[] Anonymous =
    [
        "/account/sign-in", "/health", "/api/v1/ping", "/culture", "/not-found", "/error",
        "/calendar/{secret}.ics",
        "/portal", "/portal/key-tasks", "/portal/indicators", "/portal/indicators/{Id:int}", // the public portal
        "/portal/cases", "/portal/chronicle",
        "/portal/api/overview", "/portal/api/indicators", "/portal/api/cases", "/portal/api/chronicle",
        "/scalar/scalar.js", "/scalar/scalar.aspnetcore.js", "/scalar/favicon.svg", // the reference page's own script and icon
    ];

    /// <summary>The endpoints of the Blazor framework itself: the circuit hub and its helpers, covered by the fallback policy (signed in).</summary>
    private static readonly string[] Framework =
    [
        "/_blazor", "/_blazor/negotiate", "/_blazor/initializers", "/_blazor/disconnect", "/_framework/blazor.server.js",
        "/_framework/blazor.web.js", "/_framework/opaque-redirect", "/{**path:file}",
    ];

    private IReadOnlyList<RouteEndpoint> Endpoints()
    {
        using var _ = app.CreateClient();
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    private static string Route(RouteEndpoint endpoint)
    {
        var route = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
        return route;
    }

    [Fact]
    public void Every_endpoint_names_a_policy_or_is_on_the_anonymous_allow_list()
    {
        var endpoints = Endpoints();
        var unnamed = new List<string>();
        var openButNotListed = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = Route(endpoint);
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
            if (anonymous)
            {
                if (!Anonymous.Contains(route, StringComparer.Ordinal) && endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
                {
                    openButNotListed.Add(route);
                }
            }
            else if (policies.Count == 0 && !Framework.Contains(route, StringComparer.Ordinal))
            {
                unnamed.Add($"{route} ({endpoint.DisplayName})");
            }
        }

        Assert.True(endpoints.Count > 60, $"only {endpoints.Count} endpoints were found");
        Assert.Empty(unnamed);
        Assert.Empty(openButNotListed);
    }

    [Fact]
    public void Every_api_write_needs_more_than_reading()
    {
        var writes = Endpoints()
            .Where(e => Route(e).StartsWith("/api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m != "GET") == true)
            .ToList();

        Assert.NotEmpty(writes);
        Assert.All(writes, e => Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            a => a.Policy is Policies.ManageLedger or Policies.Report or Policies.ManageGovernance or Policies.ManageDiffusion
                or Policies.Admin or Policies.ManageAppraisal or Policies.Appeal or Policies.Supervise
                or Policies.DecideExtensions or Policies.ManageChronicle or Policies.ManageParks));
    }

    /// <summary>Every API endpoint the app maps, found in its endpoint data source, refuses a caller who is not signed in.</summary>
    [Fact]
    public async Task Anonymous_requests_to_every_office_endpoint_are_401()
    {
        var endpoints = Endpoints()
            .Where(e => Route(e).StartsWith("/api/", StringComparison.Ordinal) && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: Route(e))))
            .Distinct()
            .ToList();
        using var client = app.CreateAnonymousClient();

        var answers = new List<string>();
        foreach (var (method, route) in endpoints)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", "1");
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                answers.Add($"{method} {url}: {(int)response.StatusCode}");
            }
        }

        Assert.True(endpoints.Count > 50, $"only {endpoints.Count} API endpoints were found");
        Assert.Contains(endpoints, e => e.Route.StartsWith("/api/v1/indicators", StringComparison.Ordinal));
        Assert.Empty(answers);
    }

    [Theory]
    [InlineData("/api/v1/measures")]
    [InlineData("/api/v1/units")]
    [InlineData("/api/v1/overview")]
    [InlineData("/api/v1/reports")]
    [InlineData("/openapi/v1.json")]
    public async Task Anonymous_api_calls_are_401(string url)
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/ledger")]
    [InlineData("/units")]
    [InlineData("/account")]
    public async Task Anonymous_pages_send_the_visitor_to_sign_in(string url)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_and_the_sign_in_page_are_open_to_anyone()
    {
        using var client = app.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Contains("sign-in-email", await client.GetStringAsync("/account/sign-in"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Leader)]
    [InlineData(Role.Liaison)]
    public async Task Readers_cannot_create_measures_units_or_objectives(Role role)
    {
        using var client = app.CreateClientAs(role, await UnitCodeAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/measures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/measures", new { code = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/units", new { code = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/objectives", new { code = "X" })).StatusCode);
    }

    [Fact]
    public async Task Office_manages_the_ledger_but_not_the_unit_tree()
    {
        using var client = app.CreateClientAs(Role.Office, await UnitCodeAsync());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/v1/measures", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/units", new { code = "X" })).StatusCode);
    }

    private async Task<string> UnitCodeAsync() => (await new LedgerTestData(app).AddUnitAsync()).Code;
}
