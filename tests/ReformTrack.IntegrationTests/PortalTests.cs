using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Data;
using ReformTrack.Modules.Accounts;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>The public portal on the demo programme: open to anyone, cacheable, in both languages, and never leaking.</summary>
public abstract partial class PortalTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    [SkippableFact]
    public async Task Nothing_unpublished_appears_on_any_portal_page_or_endpoint()
    {
        app.SkipIfUnavailable();
        var secrets = await UnpublishedTitlesAsync();
        Assert.Contains(DemoIndicators.UnpublishedName, secrets);
        Assert.Contains(DemoDiffusion.UnpublishedHonourTitle, secrets);
        Assert.True(await HasUnpublishedChronicleEventsAsync(), "the demo has no unpublished chronicle event to hide");
        Assert.True(secrets.Count > 100, $"only {secrets.Count} unpublished titles");
        using var client = app.CreateAnonymousClient();

        var addresses = await PortalAddressesAsync();
        var leaks = new List<string>();
        foreach (var address in addresses)
        {
            foreach (var culture in new[] { "en", "zh-CN" })
            {
                var response = await client.GetAsync($"{address}{(address.Contains('?') ? '&' : '?')}culture={culture}");
                var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{address}: {(int)response.StatusCode}");
                leaks.AddRange(secrets.Where(s => body.Contains(s, StringComparison.Ordinal)).Select(s => $"{address}: {s}"));
                leaks.AddRange(secrets.Where(s => System.Text.Json.JsonSerializer.Serialize(s) is var json
                        && body.Contains(json[1..^1], StringComparison.Ordinal) && json[1..^1] != s)
                    .Select(s => $"{address} (escaped): {s}"));
            }
        }

        Assert.True(addresses.Count >= 8, string.Join(", ", addresses));
        Assert.Contains("/portal/cases", addresses);
        Assert.Contains("/portal/chronicle", addresses);
        Assert.Contains("/portal/api/cases", addresses);
        Assert.Contains("/portal/api/chronicle", addresses);
        Assert.Empty(leaks);
    }

    [SkippableFact]
    public async Task Unpublished_indicator_has_no_portal_page()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateAnonymousClient();
        var (published, unpublished) = await IndicatorIdsAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/portal/indicators/{unpublished.Single()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/portal/indicators/{published[0]}")).StatusCode);
    }

    [SkippableFact]
    public async Task Portal_is_anonymous_static_and_cacheable_in_both_languages()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateAnonymousClient();

        var english = await client.GetAsync("/portal");
        var chinese = await client.GetAsync("/portal?culture=zh-CN");
        var englishHtml = WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync());
        var chineseHtml = WebUtility.HtmlDecode(await chinese.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.True(english.Headers.CacheControl?.Public, english.Headers.CacheControl?.ToString());
        Assert.InRange(english.Headers.CacheControl!.MaxAge!.Value.TotalSeconds, 1, 600);
        Assert.False(english.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("blazor.web.js", englishHtml, StringComparison.Ordinal);
        Assert.Contains("The programme in figures", englishHtml, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", chineseHtml, StringComparison.Ordinal);
        Assert.Contains("数字看改革", chineseHtml, StringComparison.Ordinal);
        // The figures come from the programme's own records: 62 meetings, the article's indicators.
        var meetings = englishHtml.IndexOf("data-figure=\"meetings\"", StringComparison.Ordinal);
        Assert.True(meetings > 0 && englishHtml[meetings..].Split('<')[0].EndsWith(">62", StringComparison.Ordinal), englishHtml[Math.Max(0, meetings)..][..200]);
        Assert.Contains("医疗机构每千人床位数", englishHtml, StringComparison.Ordinal);
        Assert.Contains("5.35", englishHtml, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Portal_json_lists_published_indicators_with_their_trajectories()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateAnonymousClient();

        var indicators = await client.GetJsonAsync("/portal/api/indicators");

        var beds = indicators.AsArray().Single(i => (string?)i!["code"] == "IND-BEDS")!;
        Assert.Equal(4.15, (double)beds["baseline"]!["value"]!);
        Assert.Equal(5.35, (double)beds["latest"]!["value"]!);
        var scale = indicators.AsArray().Single(i => (string?)i!["code"] == "IND-DIGITAL-SCALE")!;
        Assert.Equal(5400, (double)scale["latest"]!["value"]!, 6); // the districts' values summed: 540 billion yuan
        Assert.DoesNotContain(indicators.AsArray(), i => (string?)i!["code"] == "IND-COST-DRAFT");
    }

    [SkippableFact]
    public async Task A_case_the_office_publishes_appears_on_the_portal_and_leaves_when_unpublished()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        using var visitor = app.CreateAnonymousClient();
        var id = await HonourIdAsync(DemoDiffusion.UnpublishedHonourTitle);
        Assert.DoesNotContain(DemoDiffusion.UnpublishedHonourTitle, await PortalCasesAsync(visitor), StringComparison.Ordinal);

        try
        {
            var published = await admin.PostAsJsonAsync($"/api/v1/cases/{id}/publication", new { published = true });
            Assert.Equal(HttpStatusCode.NoContent, published.StatusCode);

            // Publishing drops the portal's snapshot: the next visit reads the change.
            Assert.Contains(DemoDiffusion.UnpublishedHonourTitle, await PortalCasesAsync(visitor), StringComparison.Ordinal);
            var json = await visitor.GetJsonAsync("/portal/api/cases");
            Assert.Contains(json.AsArray(), c => (string?)c!["title"] == DemoDiffusion.UnpublishedHonourTitle);
        }
        finally
        {
            var unpublished = await admin.PostAsJsonAsync($"/api/v1/cases/{id}/publication", new { published = false });
            Assert.Equal(HttpStatusCode.NoContent, unpublished.StatusCode);
        }

        Assert.DoesNotContain(DemoDiffusion.UnpublishedHonourTitle, await PortalCasesAsync(visitor), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Only_the_office_publishes_a_case()
    {
        app.SkipIfUnavailable();
        using var visitor = app.CreateAnonymousClient();
        using var liaison = app.CreateClientAs(Role.Liaison, "FZ-D-FGW");
        var id = await HonourIdAsync(DemoDiffusion.UnpublishedHonourTitle);

        Assert.Equal(HttpStatusCode.Unauthorized,
            (await visitor.PostAsJsonAsync($"/api/v1/cases/{id}/publication", new { published = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await liaison.PostAsJsonAsync($"/api/v1/cases/{id}/publication", new { published = true })).StatusCode);
        Assert.DoesNotContain(DemoDiffusion.UnpublishedHonourTitle, await PortalCasesAsync(visitor), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Portal_chronicle_shows_published_events_by_year_newest_first()
    {
        app.SkipIfUnavailable();
        using var visitor = app.CreateAnonymousClient();

        var events = (await visitor.GetJsonAsync("/portal/api/chronicle")).AsArray();
        var html = WebUtility.HtmlDecode(await (await visitor.GetAsync("/portal/chronicle")).Content.ReadAsStringAsync());

        Assert.NotEmpty(events);
        var dates = events.Select(e => (string)e!["date"]!).ToList();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
        var years = YearHeading().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(years.Count > 1, "the chronicle shows fewer than two years");
        Assert.Equal(years.OrderDescending(), years);
        Assert.Contains((string)events[0]!["title"]!, html, StringComparison.Ordinal);
    }

    private async Task<string> PortalCasesAsync(HttpClient visitor)
    {
        var response = await visitor.GetAsync("/portal/cases");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<int> HonourIdAsync(string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContextAsync();
        return await db.Honours.Where(h => h.Title == title).Select(h => h.Id).SingleAsync();
    }

    private async Task<bool> HasUnpublishedChronicleEventsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContextAsync();
        return await db.ChronicleEvents.IgnoreQueryFilters().AnyAsync(e => !e.Published || e.Suppressed);
    }

    /// <summary>Every portal address the app maps, with each route parameter filled by every indicator id (published or not).</summary>
    private async Task<List<string>> PortalAddressesAsync()
    {
        using var _ = app.CreateClient();
        var (published, unpublished) = await IndicatorIdsAsync();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Where(r => r == "/portal" || r.StartsWith("/portal/", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .ToList();
        Assert.Contains("/portal", routes);
        return routes.SelectMany(r => Parameter().IsMatch(r)
                ? published.Concat(unpublished).Select(id => Parameter().Replace(r, id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                : [r])
            .ToList();
    }

    private async Task<(List<int> Published, List<int> Unpublished)> IndicatorIdsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContextAsync();
        var all = await db.Indicators.Select(i => new { i.Id, i.Published }).ToListAsync();
        return (all.Where(i => i.Published).Select(i => i.Id).ToList(), all.Where(i => !i.Published).Select(i => i.Id).ToList());
    }

    /// <summary>
    /// The titles of everything the office has not published: indicators, objectives, every measure, cases and honours,
    /// and chronicle events (unpublished or deleted).
    /// </summary>
    private async Task<HashSet<string>> UnpublishedTitlesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContextAsync();
        var titles = new HashSet<string>(StringComparer.Ordinal);
        titles.UnionWith(await db.Indicators.Where(i => !i.Published).Select(i => i.Name).ToListAsync());
        titles.UnionWith(await db.Objectives.Where(o => !o.Published).Select(o => o.Title).ToListAsync());
        titles.UnionWith(await db.Measures.Select(m => m.Title).ToListAsync());
        titles.UnionWith(await db.Honours.IgnoreQueryFilters().Where(h => !h.Published).Select(h => h.Title).ToListAsync());
        // A case won is also derived as a chronicle event under the same title: the honour being published puts the
        // title in public, so that unpublished event has no secret of its own to keep.
        var publicTitles = await db.Honours.IgnoreQueryFilters().Where(h => h.Published).Select(h => h.Title).ToListAsync();
        publicTitles.AddRange(await db.ChronicleEvents.IgnoreQueryFilters().Where(e => e.Published && !e.Suppressed).Select(e => e.Title)
            .ToListAsync());
        titles.UnionWith((await db.ChronicleEvents.IgnoreQueryFilters().Where(e => !e.Published || e.Suppressed).Select(e => e.Title)
            .ToListAsync()).Except(publicTitles, StringComparer.Ordinal));
        return titles;
    }

    [GeneratedRegex(@"<h3 class=""portal-year""[^>]*>(\d{4})</h3>")]
    private static partial Regex YearHeading();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}

public sealed class SqlitePortalTests(SqliteDemoApp app) : PortalTests<SqliteDemoApp>(app);

public sealed class PostgresPortalTests(PostgresDemoApp app) : PortalTests<PostgresDemoApp>(app);
