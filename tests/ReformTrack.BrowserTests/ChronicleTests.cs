using Microsoft.Playwright;

namespace ReformTrack.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ChronicleTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Look_back_for_2018_shows_that_years_events_and_no_other_year()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);

        var page = await browser.OpenAsync("/chronicle?from=2018&to=2018");

        var years = page.Locator("section[data-year]");
        await Assertions.Expect(years).ToHaveCountAsync(1);
        var year = page.Locator("section[data-year='2018']");
        await Assertions.Expect(year.GetByRole(AriaRole.Heading, new() { Name = "2018" })).ToBeVisibleAsync();
        await Assertions.Expect(year).ToContainTextAsync("“1+10+1”组织架构");
        await Assertions.Expect(year).ToContainTextAsync("2018-12");
        await Assertions.Expect(page.Locator("section[data-year='2017']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("福州都市圈获批")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#export-docx")).ToHaveAttributeAsync("href", "/api/v1/chronicle/export.docx?fromYear=2018&toYear=2018");
    }

    [SkippableFact]
    public async Task The_dashboard_leads_to_the_look_back_page_whose_filter_narrows_by_category()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var page = await browser.OpenAsync("/");

        await page.Locator("#link-chronicle").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/chronicle$"));
        await Assertions.Expect(page.Locator("section[data-year='2014']")).ToContainTextAsync("福州市委全面深化改革领导小组成立");
        await page.Locator("#category").SelectOptionAsync("Commission");
        await page.Locator("#chronicle-filter button[type=submit]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("category=Commission"));
        await Assertions.Expect(page.Locator("section[data-year='2018']")).ToContainTextAsync("县级改革办");
        await Assertions.Expect(page.Locator("section[data-year='2021']")).ToHaveCountAsync(0);
    }
}
