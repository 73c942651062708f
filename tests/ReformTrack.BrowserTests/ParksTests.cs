using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReformTrack.Data;
using ReformTrack.Modules.Chiefs;
using ReformTrack.Modules.Organisation;

namespace ReformTrack.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class ParksTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Chain_page_shows_its_leader_and_parks_and_leads_to_a_park_scorecard()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var page = await browser.OpenAsync("/chains");

        await page.GetByRole(AriaRole.Link, new() { Name = "新型显示产业链" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ChainUrl());

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("新型显示产业链");
        await Assertions.Expect(page.Locator("[data-testid=chiefs]")).ToContainTextAsync("周立群");
        await Assertions.Expect(page.Locator("[data-testid=chiefs]")).ToContainTextAsync("Chain leader");
        var parks = page.Locator("[data-testid=chain-parks]");
        await Assertions.Expect(parks).ToContainTextAsync("福清融侨经济技术开发区");
        await Assertions.Expect(parks).ToContainTextAsync("福州经济技术开发区");

        await parks.GetByRole(AriaRole.Link, new() { Name = "福州经济技术开发区" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ParkUrl());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("福州经济技术开发区");
        await Assertions.Expect(page.Locator("[data-testid=tier]").First).ToHaveTextAsync("100-billion park");
        await Assertions.Expect(page.Locator("[data-testid=output]")).ToContainTextAsync("1,320");
        await Assertions.Expect(page.Locator("[data-testid=park-chains]")).ToContainTextAsync("新型显示产业链");
        await Assertions.Expect(page.GetByText("National new-industrialisation demonstration base")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Park_scorecard_lists_its_chief_and_an_escalated_open_issue()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var page = await browser.OpenAsync("/parks?tier=HundredBillion");

        await page.GetByRole(AriaRole.Link, new() { Name = "江阴港城经济区" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ParkUrl());

        await Assertions.Expect(page.Locator("[data-testid=chiefs]")).ToContainTextAsync("Park chief");
        var issues = page.Locator("[data-testid=open-issues]");
        await Assertions.Expect(issues).ToContainTextAsync("完成园区雨污分流改造");
        await Assertions.Expect(issues).ToContainTextAsync("Level 2 · 28 days overdue");
    }

    [SkippableFact]
    public async Task Office_hands_a_river_over_to_a_successor_found_by_typing_and_the_open_issue_goes_along()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        int assignmentId;
        var factory = browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var district = await db.Units.SingleAsync(u => u.Code == "FZ-CS");
            var first = new Person { Name = "陈河长" + suffix, UnitId = district.Id };
            var second = new Person { Name = "林河长" + suffix, UnitId = district.Id };
            var water = new Water { Name = "" };
            water.Describe("测试河" + suffix, WaterKind.River, district.Id, null);
            db.AddRange(first, second, water);
            await db.SaveChangesAsync();
            var assignment = ChiefAssignment.New(ChiefObjectKind.River, water.Id, ChiefLevel.District, first.Id, null, new DateOnly(2024, 1, 1), null);
            db.ChiefAssignments.Add(assignment);
            await db.SaveChangesAsync();
            db.ChiefIssues.Add(ChiefIssue.Raise(assignment.Id, null, "清理河道垃圾" + suffix, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "issues"));
            await db.SaveChangesAsync();
            assignmentId = assignment.Id;
        }

        var page = await browser.OpenAsync($"/chiefs/{assignmentId}");
        await Assertions.Expect(page.Locator("#chief-actions")).ToHaveAttributeAsync("data-ready", "interactive");

        await page.Locator("#handover-on").FillAsync("2026-11-01");
        await page.Locator("#handover-on").BlurAsync();
        await page.Locator("#handover-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#handover-form")).ToContainTextAsync("required");

        // Typing the shared part of both names offers only the one who is not the chief now.
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await BrowserFixture.TypeSearchAsync(page, "#handover-successor", "河长" + suffix);
        await Assertions.Expect(options).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await options.Filter(new() { HasText = "林河长" + suffix }).ClickAsync();
        await Assertions.Expect(page.Locator("#handover-successor")).ToHaveValueAsync(new Regex("^林河长" + suffix));
        await page.Locator("#handover-submit").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/chiefs/(?!{assignmentId}$)\d+$"), new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("林河长" + suffix);
        var history = page.Locator("[data-testid=assignments]").First;
        await Assertions.Expect(history).ToContainTextAsync("陈河长" + suffix);
        await Assertions.Expect(history).ToContainTextAsync("2026-11-01");
        await Assertions.Expect(page.GetByText("清理河道垃圾" + suffix).First).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/chains/\d+$")]
    private static partial Regex ChainUrl();

    [GeneratedRegex(@"/parks/\d+$")]
    private static partial Regex ParkUrl();
}
