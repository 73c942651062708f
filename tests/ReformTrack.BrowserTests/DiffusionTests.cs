using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReformTrack.Data;
using ReformTrack.Modules.Diffusion;

namespace ReformTrack.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DiffusionTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task An_innovation_shows_who_copied_it_from_whom()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var page = await browser.OpenAsync("/innovations");
        await Assertions.Expect(page.GetByTestId("pioneered")).ToHaveTextAsync("102");

        await page.FillAsync("#q", "投资管理“一口受理、并联审批”");
        await page.Locator("#innovation-filter button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/innovations\?q="));
        await page.GetByRole(AriaRole.Link, new() { Name = "投资管理“一口受理、并联审批”" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/innovations/\d+$"));

        var tree = page.Locator("#copy-tree");
        await Assertions.Expect(tree.Locator("> li > .rt-copy-adopter")).ToHaveTextAsync("中国（福建）自由贸易试验区福州片区管委会改革办");
        var xiamen = tree.Locator("li:has(> .rt-copy-adopter:text-is('厦门片区'))");
        await Assertions.Expect(xiamen.Locator("> ul > li > .rt-copy-adopter"))
            .ToHaveTextAsync(["泉州市", "全国（国务院部署复制推广）"]);
        await Assertions.Expect(page.Locator("#adoption-timeline tbody tr")).ToHaveCountAsync(5);
    }

    [SkippableFact]
    public async Task Pilots_page_charts_pilots_by_level_and_status()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var page = await browser.OpenAsync("/pilots");

        await Assertions.Expect(page.Locator("#chart-pilots svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart-pilots")).ToContainTextAsync("Under evaluation");
        await Assertions.Expect(page.Locator("table.rt-pilots, .rt-pilots table").First).ToContainTextAsync("第二批国家海绵城市建设试点");

        await page.SelectOptionAsync("#status", "Passed");
        await page.Locator("#pilot-filter button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("status=Passed"));
        await Assertions.Expect(page.GetByText("5 pilots")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Office_moves_a_pilot_on_and_is_told_what_a_grant_needs()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        int id;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContextAsync())
        {
            var holder = await db.Units.Where(u => u.Code == "FZ-D-JTJ").Select(u => u.Id).SingleAsync();
            var pilot = Pilot.New(new PilotDescription($"交通强国建设试点-{Guid.NewGuid():N}"[..16], GrantLevel.National, "交通运输部", holder,
                null, null, null, null, null, null, null, null), PilotStatus.Applied);
            db.Pilots.Add(pilot);
            await db.SaveChangesAsync();
            id = pilot.Id;
        }

        var page = await browser.OpenAsync($"/pilots/{id}");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await page.GetByLabel("New status", new() { Exact = true }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Granted" }).First.ClickAsync();
        await page.Locator("#pilot-save").ClickAsync();
        await Assertions.Expect(page.Locator("#pilot-error")).ToContainTextAsync("granted pilot has the date");

        await page.Locator("#pilot-granted-on").FillAsync("2021-06-01");
        await page.Locator("#pilot-save").ClickAsync();
        await Assertions.Expect(page.Locator("#pilot-status")).ToHaveTextAsync("Granted");
        await Assertions.Expect(page.Locator(".rt-pilot")).ToContainTextAsync("2021-06-01");
    }
}
