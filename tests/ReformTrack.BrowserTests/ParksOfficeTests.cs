using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReformTrack.Data;
using ReformTrack.Modules.Chiefs;
using ReformTrack.Modules.Organisation;
using ReformTrack.Modules.Parks;

namespace ReformTrack.BrowserTests;

/// <summary>The office's forms for parks, chains and the chief system, and the chain's linked indicators.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ParksOfficeTests(BrowserFixture browser)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private IDbContextFactory<ReformDbContext> Factory => browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Office_adds_a_park_and_sees_its_tier()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        int district;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            district = await db.Units.Where(u => u.Code == "FZ-GL").Select(u => u.Id).SingleAsync();
        }

        var name = "测试园区" + Guid.NewGuid().ToString("N")[..6];
        var page = await browser.OpenAsync("/parks");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await page.Locator("#park-edit").ClickAsync();
        await page.Locator("#park-form-save").ClickAsync();
        await Assertions.Expect(page.Locator("#park-form")).ToContainTextAsync("required");

        await page.Locator("#park-name").FillAsync(name);
        await page.SelectOptionAsync("#park-district", Id(district));
        await page.Locator("#park-output").FillAsync("650");
        await page.Locator("#park-output-year").FillAsync("2025");
        await page.Locator("#park-form-save").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(ParkUrl(), new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("[data-testid=tier]").First).ToHaveTextAsync("50-billion park");
    }

    [SkippableFact]
    public async Task Office_edits_a_chain_and_adds_a_member_park_found_by_search()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        int chainId;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            var cluster = await db.Clusters.OrderBy(c => c.Id).FirstAsync();
            var park = await db.Parks.SingleAsync(p => p.Name == "罗源湾经济开发区");
            var chain = new Chain { Name = "" };
            chain.Describe("测试产业链" + Guid.NewGuid().ToString("N")[..6], cluster.Id, null, 99);
            chain.SetParks([park.Id]);
            db.Chains.Add(chain);
            await db.SaveChangesAsync();
            chainId = chain.Id;
        }

        var page = await browser.OpenAsync($"/chains/{chainId}");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await page.Locator("#chain-edit").ClickAsync();
        await BrowserFixture.ChooseAsync(page, "#chain-add-park", "金山", "金山工业区");
        await Assertions.Expect(page.Locator("#chain-parks")).ToContainTextAsync("金山工业区");
        await page.Locator("#chain-form-save").ClickAsync();

        var parks = page.Locator("[data-testid=chain-parks]");
        await Assertions.Expect(parks).ToContainTextAsync("金山工业区", new() { Timeout = 20_000 });
        await Assertions.Expect(parks).ToContainTextAsync("罗源湾经济开发区");
    }

    [SkippableFact]
    public async Task Office_records_an_inspection_uploads_its_evidence_and_sees_it_listed()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        int assignmentId;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            var district = await db.Units.SingleAsync(u => u.Code == "FZ-JA");
            var chief = new Person { Name = "郑河长" + suffix, UnitId = district.Id };
            var water = new Water { Name = "" };
            water.Describe("巡查河" + suffix, WaterKind.River, district.Id, null);
            db.AddRange(chief, water);
            await db.SaveChangesAsync();
            var assignment = ChiefAssignment.New(ChiefObjectKind.River, water.Id, ChiefLevel.District, chief.Id, null, new DateOnly(2024, 1, 1), null);
            db.ChiefAssignments.Add(assignment);
            await db.SaveChangesAsync();
            assignmentId = assignment.Id;
        }

        var page = await browser.OpenAsync($"/chiefs/{assignmentId}");
        await Assertions.Expect(page.Locator("#chief-actions")).ToHaveAttributeAsync("data-ready", "interactive");
        await page.Locator("#inspection-inspector").FillAsync("区河长办");
        await page.Locator("#inspection-findings").FillAsync("岸边堆放垃圾" + suffix);
        await page.Locator("#inspection-add-issue").ClickAsync();
        await page.Locator("#inspection-issue-0").FillAsync("清理岸边垃圾" + suffix);
        await page.Locator("#inspection-issue-due-0").FillAsync("2026-12-15");
        await page.Locator("#inspection-save").ClickAsync();

        await Assertions.Expect(page.Locator("#evidence-uploads")).ToContainTextAsync("区河长办", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("岸边堆放垃圾" + suffix)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("清理岸边垃圾" + suffix).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chief-actions")).ToHaveAttributeAsync("data-ready", "interactive");

        var upload = page.Locator("#evidence-uploads input[type=file]").First;
        await upload.SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "not a photo"u8.ToArray() });
        await Assertions.Expect(page.Locator("#evidence-uploads .evidence-error")).ToContainTextAsync("JPEG");

        await upload.SetInputFilesAsync(new FilePayload { Name = "riverbank.png", MimeType = "image/png", Buffer = Png });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "riverbank.png" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
    }

    [SkippableFact]
    public async Task Office_names_a_river_chief_found_by_typing_part_of_the_name()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        int waterId;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            var district = await db.Units.SingleAsync(u => u.Code == "FZ-JA");
            var water = new Water { Name = "" };
            water.Describe("新任河" + suffix, WaterKind.River, district.Id, null);
            db.AddRange(new Person { Name = "黄河长" + suffix, UnitId = district.Id },
                new Person { Name = "黄副河长" + suffix, UnitId = district.Id }, water);
            await db.SaveChangesAsync();
            waterId = water.Id;
        }

        var page = await browser.OpenAsync($"/waters/{waterId}");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await page.Locator("#water-assign-chief").ClickAsync();

        // Both people with the key typed, and no one else; then only the one whose name has the longer key.
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await BrowserFixture.TypeSearchAsync(page, "#assign-person", suffix);
        await Assertions.Expect(options).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await Assertions.Expect(options.Filter(new() { HasText = suffix })).ToHaveCountAsync(2);
        var input = await BrowserFixture.TypeSearchAsync(page, "#assign-person", "副河长" + suffix[..3]);
        await Assertions.Expect(options).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(options).ToContainTextAsync("黄副河长" + suffix);
        await options.ClickAsync();
        await Assertions.Expect(input).ToHaveValueAsync(new Regex("^黄副河长" + suffix));
        await page.Locator("#assign-save").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(ChiefUrl(), new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("黄副河长" + suffix);
        await Assertions.Expect(page.Locator("h1")).Not.ToContainTextAsync("黄河长" + suffix);
    }

    [SkippableFact]
    public async Task Chain_page_shows_a_linked_indicator_with_its_status()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var page = await browser.OpenAsync("/chains");

        await page.GetByRole(AriaRole.Link, new() { Name = "软件和信息服务产业链" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ChainUrl());

        var indicators = page.Locator("[data-testid=chain-indicators]");
        await Assertions.Expect(indicators).ToContainTextAsync("数字经济占地区生产总值比重");
        await Assertions.Expect(indicators.Locator("[data-status]").First).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task A_viewer_sees_the_pages_without_the_office_buttons()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var viewer = browser.App.CreateUser(ReformTrack.Modules.Accounts.Role.Viewer, "FZ-GL", "查看者 " + Guid.NewGuid().ToString("N")[..6]);

        var parks = await browser.OpenAsAsync(viewer, "/parks");
        await Assertions.Expect(parks.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(parks.Locator("#park-edit")).ToHaveCountAsync(0);
        var chains = await browser.OpenAsAsync(viewer, "/chains");
        await Assertions.Expect(chains.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(chains.Locator("#chain-new")).ToHaveCountAsync(0);
        var waters = await browser.OpenAsAsync(viewer, "/waters");
        await Assertions.Expect(waters.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(waters.Locator("#water-edit")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/chains/\d+$")]
    private static partial Regex ChainUrl();

    [GeneratedRegex(@"/chiefs/\d+$")]
    private static partial Regex ChiefUrl();

    [GeneratedRegex(@"/parks/\d+$")]
    private static partial Regex ParkUrl();
}
