using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReformTrack.Data;
using ReformTrack.Modules.Chronicle;
using ReformTrack.Shared;

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
        await Assertions.Expect(year.GetByText("not published").First).ToBeVisibleAsync();
        // The 2018 honour derived from the cases leads to its own page.
        await Assertions.Expect(year.Locator("a[href^='/cases/']").First).ToBeVisibleAsync();

        await page.Locator("#published").CheckAsync();
        await page.Locator("#chronicle-filter button[type=submit]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("published=true"));
        await Assertions.Expect(year.GetByText("not published")).ToHaveCountAsync(0);
        await Assertions.Expect(year).ToContainTextAsync("“1+10+1”组织架构");
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

    [SkippableFact]
    public async Task The_office_corrects_an_events_title_on_its_page()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var factory = browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>();
        int id;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var entry = ChronicleEvent.Record(new DateOnly(2016, 6, 1), DatePrecision.Month, "海绵城市建设启动", ChronicleCategory.Other,
                null, null, false, []);
            db.ChronicleEvents.Add(entry);
            await db.SaveChangesAsync();
            id = entry.Id;
        }

        var page = await browser.OpenAsync($"/chronicle/{id}");
        await page.Locator("#event-title-input").FillAsync("海绵城市建设全面启动");
        await page.Locator("#event-save").ClickAsync();

        await Assertions.Expect(page.Locator("#event-title")).ToHaveTextAsync("海绵城市建设全面启动");
        await Assertions.Expect(page.Locator("#event-message")).ToHaveTextAsync("Saved.");
        await using var check = await factory.CreateDbContextAsync();
        Assert.Equal("海绵城市建设全面启动", (await check.ChronicleEvents.SingleAsync(e => e.Id == id)).Title);
    }
}
