using System.Text.RegularExpressions;
using Microsoft.Playwright;

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

    [GeneratedRegex(@"/chains/\d+$")]
    private static partial Regex ChainUrl();

    [GeneratedRegex(@"/parks/\d+$")]
    private static partial Regex ParkUrl();
}
