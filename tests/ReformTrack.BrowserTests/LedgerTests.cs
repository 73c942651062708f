using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReformTrack.Data;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;
using ReformTrack.Testing;

namespace ReformTrack.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LedgerTests(BrowserFixture browser)
{
    private static readonly DateOnly YearStart = new(2026, 1, 1);
    private static readonly DateOnly YearEnd = new(2026, 12, 31);

    private sealed record District(string Name, string Code, int Id, IReadOnlyList<Measure> Red, Measure Green, Measure RedElsewhere);

    /// <summary>
    /// A district of its own with a bureau under it: two measures red on 2026-11-28 (one in
    /// each), one green, and one red measure in another district that the filter must leave out.
    /// </summary>
    private async Task<District> AddDistrictAsync()
    {
        _ = browser.App.BaseUrl;
        var factory = browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var district = new Unit { Code = $"LT-{suffix}", Name = $"测试区{suffix}", Kind = UnitKind.DistrictOffice };
        var other = new Unit { Code = $"LO-{suffix}", Name = $"对照区{suffix}", Kind = UnitKind.DistrictOffice };
        var objective = new Objective { Code = $"LT-{suffix}", Title = "营商环境测试目标" };
        db.AddRange(district, other, objective);
        await db.SaveChangesAsync();
        district.PlaceUnder(null);
        other.PlaceUnder(null);
        objective.PlaceUnder(null);
        var bureau = new Unit { Code = $"LB-{suffix}", Name = $"测试区{suffix}发改局", Kind = UnitKind.Department };
        db.Add(bureau);
        await db.SaveChangesAsync();
        bureau.PlaceUnder(district);
        await db.SaveChangesAsync();

        Measure Add(string code, string title, int unitId, DateOnly due)
        {
            var measure = new Measure
            {
                Code = $"{code}-{suffix}",
                Title = title,
                ObjectiveId = objective.Id,
                LeadUnitId = unitId,
                CreatedAt = ReformTrackApp.DefaultNow.UtcDateTime,
                UpdatedAt = ReformTrackApp.DefaultNow.UtcDateTime,
            };
            measure.Schedule(YearStart, due);
            measure.Activate();
            db.Measures.Add(measure);
            return measure;
        }

        // By 2026-11-28, 90% of 2026 has passed: nothing done is red; a measure started this month is green.
        var behind = Add("LTR1", "深化营商环境综合改革", district.Id, YearEnd);
        var overdue = Add("LTR2", "推行企业开办一日办结", bureau.Id, new DateOnly(2026, 10, 31));
        var green = Add("LTG1", "推进数字政府建设", district.Id, YearEnd);
        green.Schedule(new DateOnly(2026, 11, 20), new DateOnly(2027, 11, 20));
        var elsewhere = Add("LTR3", "优化工程建设项目审批", other.Id, YearEnd);
        await db.SaveChangesAsync();
        return new District(district.Name, district.Code, district.Id, [behind, overdue], green, elsewhere);
    }

    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        // The next choice opens its own list only once this one has closed.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static ILocator CodeLinks(IPage page) => page.Locator("#ledger-grid tbody tr td:first-child a");

    /// <summary>Waits until the grid shows exactly these codes, in this order.</summary>
    private static async Task ExpectCodesAsync(IPage page, params string[] codes) =>
        await Assertions.Expect(CodeLinks(page)).ToHaveTextAsync(codes);

    [SkippableFact]
    public async Task Ledger_filtered_to_a_districts_red_measures_shows_only_those()
    {
        var district = await AddDistrictAsync();
        var page = await browser.OpenAsync("/ledger");
        await BrowserFixture.WaitForInteractivityAsync(page);

        await ChooseAsync(page, "Unit", district.Name);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"unitId={district.Id}"));
        await ChooseAsync(page, "Light", "Red");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("light=Red"));
        await Assertions.Expect(page.Locator("#ledger-total")).ToHaveTextAsync("2 measures");

        // Sorted by code, as the ledger is by default.
        await ExpectCodesAsync(page, [.. district.Red.Select(m => m.Code).Order(StringComparer.Ordinal)]);
        var codes = await CodeLinks(page).AllInnerTextsAsync();
        Assert.DoesNotContain(district.Green.Code, codes);
        Assert.DoesNotContain(district.RedElsewhere.Code, codes);
        await Assertions.Expect(page.Locator("#ledger-grid tbody .rt-light").Filter(new() { HasText = "Red" })).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "ledger.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task Filtered_ledger_address_reloads_to_the_same_rows()
    {
        var district = await AddDistrictAsync();
        var page = await browser.OpenAsync($"/ledger?unitId={district.Id}&light=Red");
        await BrowserFixture.WaitForInteractivityAsync(page);

        await Assertions.Expect(page.Locator("#ledger-total")).ToHaveTextAsync("2 measures");
        await ExpectCodesAsync(page, [.. district.Red.Select(m => m.Code).Order(StringComparer.Ordinal)]);
    }

    [SkippableFact]
    public async Task Report_submitted_on_a_measure_page_appears_in_its_history()
    {
        var district = await AddDistrictAsync();
        var measure = district.Red[0];
        var page = await browser.OpenAsync($"/ledger?unitId={district.Id}&light=Red");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = measure.Code, Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/measures/{measure.Id}", BrowserFixture.SameDocument);
        await Assertions.Expect(page.Locator("#measure-code")).ToHaveTextAsync(measure.Code);
        await BrowserFixture.WaitForInteractivityAsync(page);
        await Assertions.Expect(page.Locator("#report-history")).ToContainTextAsync("No reports yet.");

        await page.Locator("#report-percent").FillAsync("40");
        await page.Locator("#report-done").FillAsync("完成营商环境评估报告初稿");
        await page.Locator("#report-submit").ClickAsync();
        // 40% at 90% of the year is red: the rule asks for an explanation, beside the field, keeping the input.
        await Assertions.Expect(page.Locator("#report-form")).ToContainTextAsync("explain the delay");
        Assert.Equal("完成营商环境评估报告初稿", await page.Locator("#report-done").InputValueAsync());

        await page.Locator("#report-explanation").FillAsync("数据共享平台延期上线");
        await page.Locator("#report-submit").ClickAsync();

        var report = page.Locator("#report-history .rt-report").First;
        await Assertions.Expect(report).ToContainTextAsync("完成营商环境评估报告初稿");
        await Assertions.Expect(report.Locator(".rt-report-status")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(report).ToContainTextAsync("40%");
        Assert.Equal(1, await page.Locator("#report-history .rt-report").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "measure.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task Ledger_sorts_on_the_server_when_a_column_header_is_clicked()
    {
        var district = await AddDistrictAsync();
        var page = await browser.OpenAsync($"/ledger?unitId={district.Id}");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await ExpectCodesAsync(page, district.Green.Code, district.Red[0].Code, district.Red[1].Code);

        await page.Locator("#ledger-grid th").Filter(new() { HasText = "Due" }).Locator(".sortable-column-header, .column-header").First.ClickAsync();

        // Due 2026-10-31, then 2026-12-31, then 2027-11-20.
        await ExpectCodesAsync(page, district.Red[1].Code, district.Red[0].Code, district.Green.Code);
    }

    [SkippableFact]
    public async Task Office_accepts_a_submitted_report_and_the_measure_takes_its_progress()
    {
        var district = await AddDistrictAsync();
        var measure = district.Green;
        var office = browser.App.CreateUser(Role.Office, district.Code, "改革办 李华");
        var page = await browser.OpenAsAsync(office, $"/measures/{measure.Id}");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await page.Locator("#report-percent").FillAsync("5");
        await page.Locator("#report-done").FillAsync("完成方案起草");
        await page.Locator("#report-submit").ClickAsync();
        var report = page.Locator("#report-history .rt-report").First;
        await Assertions.Expect(report.Locator(".rt-report-status")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(report).ToContainTextAsync("改革办 李华");

        await report.Locator("button").Filter(new() { HasText = "Accept" }).ClickAsync();

        await Assertions.Expect(report.Locator(".rt-report-status")).ToHaveTextAsync("Accepted");
        await Assertions.Expect(report.Locator(".rt-report-review")).ToContainTextAsync("改革办 李华");
        await Assertions.Expect(page.Locator("#measure-progress")).ToContainTextAsync("5% done");
    }

    [SkippableFact]
    public async Task Liaison_sees_only_its_districts_measures_and_reports_then_the_office_accepts_the_report()
    {
        var district = await AddDistrictAsync();
        var liaison = browser.App.CreateUser(Role.Liaison, district.Code, "测试区联络员 王明");
        var page = await browser.OpenAsAsync(liaison, "/ledger");
        await BrowserFixture.WaitForInteractivityAsync(page);

        // The district and its bureau: three measures; the other district's one is not there.
        await Assertions.Expect(page.Locator("#ledger-total")).ToHaveTextAsync("3 measures");
        await ExpectCodesAsync(page, [.. new[] { district.Green.Code, district.Red[0].Code, district.Red[1].Code }.Order(StringComparer.Ordinal)]);
        await page.GotoAsync($"/measures/{district.RedElsewhere.Id}");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync($"Measure {district.RedElsewhere.Id} was not found.");

        await page.GotoAsync($"/measures/{district.Green.Id}");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await page.Locator("#report-percent").FillAsync("6");
        await page.Locator("#report-done").FillAsync("完成数字政府建设方案");
        await page.Locator("#report-submit").ClickAsync();
        var report = page.Locator("#report-history .rt-report").First;
        await Assertions.Expect(report.Locator(".rt-report-status")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(report).ToContainTextAsync("测试区联络员 王明");
        Assert.Equal(0, await report.Locator("button").Filter(new() { HasText = "Accept" }).CountAsync());

        var office = browser.App.CreateUser(Role.Office, district.Code, "测试区改革办 李华");
        var officePage = await browser.OpenAsAsync(office, $"/measures/{district.Green.Id}");
        await BrowserFixture.WaitForInteractivityAsync(officePage);
        var queued = officePage.Locator("#report-history .rt-report").First;
        await queued.Locator("button").Filter(new() { HasText = "Accept" }).ClickAsync();

        await Assertions.Expect(queued.Locator(".rt-report-status")).ToHaveTextAsync("Accepted");
        await Assertions.Expect(queued.Locator(".rt-report-review")).ToContainTextAsync("测试区改革办 李华");
        await Assertions.Expect(officePage.Locator("#measure-progress")).ToContainTextAsync("6% done");
    }

    [SkippableFact]
    public async Task Ledger_speaks_chinese_after_switching_language()
    {
        var district = await AddDistrictAsync();
        var page = await browser.OpenAsync($"/culture?name=zh-CN&redirect={Uri.EscapeDataString($"/ledger?unitId={district.Id}&light=Red")}");
        await BrowserFixture.WaitForInteractivityAsync(page);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("改革台账");
        await Assertions.Expect(page.Locator("#ledger-total")).ToHaveTextAsync("共 2 项举措");
        await Assertions.Expect(page.Locator("#ledger-grid tbody .rt-light").Filter(new() { HasText = "红灯" })).ToHaveCountAsync(2);
    }
}
