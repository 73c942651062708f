using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReformTrack.Data;

namespace ReformTrack.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture browser)
{
    private static ILocator TileValue(IPage page, string tile) =>
        page.Locator($"[data-testid='tile-{tile}'] .rt-tile-value");

    [SkippableFact]
    public async Task Dashboard_shows_62_meetings_and_draws_both_charts()
    {
        var page = await browser.OpenAsync("/");

        Assert.Equal("Overview", await page.Locator("h1").First.InnerTextAsync());
        Assert.Equal("62", (await TileValue(page, "meetings").InnerTextAsync()).Trim());
        // Other browser tests add measures to the shared app, so the tile is compared with the database now.
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContextAsync())
        {
            var measures = await db.Measures.CountAsync();
            Assert.InRange(measures, 2134, 2200);
            Assert.Equal(measures.ToString("N0", CultureInfo.GetCultureInfo("en")), (await TileValue(page, "measures").InnerTextAsync()).Trim());
        }

        Assert.True(await page.Locator("#chart-lights svg .mud-chart-bar").CountAsync() > 0, "the lights chart has bars");
        Assert.True(await page.Locator("#chart-completions svg .mud-chart-bar").CountAsync() > 0, "the completions chart has bars");
        Assert.Equal(10, await page.Locator(".rt-keytasks tbody tr").CountAsync());

        // The heading holds the focus after navigation; its focus ring does not belong in the picture.
        await page.Locator("h1").First.EvaluateAsync("h => h.blur()");
        var screenshot = Path.Combine(BrowserFixture.ArtifactsDirectory, "dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Tiles_open_the_ledger_with_the_matching_filter()
    {
        var page = await browser.OpenAsync("/");

        Assert.Equal("/ledger?overdue=true", await page.GetByTestId("tile-overdue").GetAttributeAsync("href"));
        Assert.Equal("/ledger?light=Red", await page.GetByTestId("tile-red").GetAttributeAsync("href"));
        Assert.Equal("/ledger?light=Yellow", await page.GetByTestId("tile-yellow").GetAttributeAsync("href"));
        Assert.Equal("/ledger?light=Green", await page.GetByTestId("tile-green").GetAttributeAsync("href"));
        Assert.Contains("drafts and cancelled", await page.GetByTestId("tile-completion").GetAttributeAsync("title") ?? "",
            StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [SkippableTheory]
    [InlineData("red", "/ledger?light=Red")]
    [InlineData("overdue", "/ledger?overdue=true")]
    public async Task A_tile_opens_the_ledger_listing_as_many_measures_as_it_counts(string tile, string ledger)
    {
        var page = await browser.OpenAsync("/");
        var count = (await TileValue(page, tile).InnerTextAsync()).Trim();

        await page.GetByTestId($"tile-{tile}").ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith(ledger, StringComparison.Ordinal), BrowserFixture.SameDocument);
        await Assertions.Expect(page.Locator("#ledger-total")).ToHaveTextAsync($"{count} measures", new() { Timeout = 15_000 });
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Choosing_a_district_narrows_the_measures_and_the_ledger_links_to_it()
    {
        var page = await browser.OpenAsync("/");
        var all = int.Parse(await TileValue(page, "measures").InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en"));
        int gulou;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContextAsync())
        {
            gulou = await db.Units.Where(u => u.Code == "FZ-GL").Select(u => u.Id).SingleAsync();
        }

        await page.Locator("#unitId").SelectOptionAsync(gulou.ToString(CultureInfo.InvariantCulture));

        await page.WaitForURLAsync(url => url.EndsWith($"/?unitId={gulou}", StringComparison.Ordinal), BrowserFixture.SameDocument);
        var own = int.Parse(await TileValue(page, "measures").InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en"));
        Assert.InRange(own, 1, all - 1);
        Assert.Equal("62", (await TileValue(page, "meetings").InnerTextAsync()).Trim());
        Assert.Equal($"/ledger?light=Red&unitId={gulou}", await page.GetByTestId("tile-red").GetAttributeAsync("href"));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Dashboard_for_an_unknown_unit_says_so_instead_of_failing()
    {
        var page = await browser.OpenAsync("/?unitId=999999");

        Assert.Equal("Overview", await page.Locator("h1").First.InnerTextAsync());
        Assert.Contains("There is no unit 999999", await page.Locator(".mud-alert").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Switching_to_Chinese_shows_the_dashboard_in_Chinese()
    {
        var page = await browser.OpenAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith('/'), BrowserFixture.SameDocument);
        await Assertions.Expect(page.Locator("h1").First).ToHaveTextAsync("总览");

        Assert.Equal("召开会议", (await page.GetByTestId("tile-meetings").Locator(".rt-tile-label").InnerTextAsync()).Trim());
        Assert.Equal("逾期", (await page.GetByTestId("tile-overdue").Locator(".rt-tile-label").InnerTextAsync()).Trim());
        Assert.Contains("各重点任务在办举措亮灯情况", await page.Locator("#chart-lights").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("62", (await TileValue(page, "meetings").InnerTextAsync()).Trim());
        await page.Context.CloseAsync();
    }
}
