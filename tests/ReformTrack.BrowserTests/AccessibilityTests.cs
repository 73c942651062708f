using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReformTrack.Data;
using ReformTrack.Modules.Ledger;

namespace ReformTrack.BrowserTests;

/// <summary>The public pages and the office's main pages pass axe-core with no serious or critical violation; reports can be sent by keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    public static TheoryData<string> PublicPages => ["/portal", "/portal?culture=zh-CN", "/portal/key-tasks", "/portal/indicators", "/portal/indicators/{beds}", "/portal/cases", "/portal/chronicle", "/portal/chronicle?culture=zh-CN"];

    public static TheoryData<string> OfficePages => ["/", "/ledger", "/measures/{measure}", "/indicators/{beds}", "/indicators", "/indicators/by-objective"];

    [SkippableTheory]
    [MemberData(nameof(PublicPages))]
    public async Task Public_page_has_no_serious_accessibility_violations(string path)
    {
        var page = await browser.OpenAnonymousAsync(await ResolveAsync(path));
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        await AssertAccessibleAsync(page, path);
    }

    [SkippableTheory]
    [MemberData(nameof(OfficePages))]
    public async Task Office_page_has_no_serious_accessibility_violations(string path)
    {
        var page = await browser.OpenAsync(await ResolveAsync(path));
        await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
        if (await page.Locator("[data-interactive]").CountAsync() > 0)
        {
            await BrowserFixture.WaitForInteractivityAsync(page);
        }

        await AssertAccessibleAsync(page, path);
    }

    [SkippableFact]
    public async Task A_report_is_submitted_with_the_keyboard_alone()
    {
        var measureId = await ActiveMeasureAsync();
        var page = await browser.OpenAsync($"/measures/{measureId}");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await Assertions.Expect(page.Locator("#report-form")).ToBeVisibleAsync();
        var reportsBefore = await page.Locator("#report-history .rt-report").CountAsync();

        await TabToAsync(page, "#report-percent");
        await page.Keyboard.TypeAsync("95");
        await TabToAsync(page, "#report-done");
        await page.Keyboard.TypeAsync("键盘提交：完成年度评估");
        await TabToAsync(page, "#report-explanation");
        await page.Keyboard.TypeAsync("按计划推进");
        await TabToAsync(page, "#report-submit");
        await page.Keyboard.PressAsync("Enter");

        var report = page.Locator("#report-history .rt-report").First;
        await Assertions.Expect(report).ToContainTextAsync("键盘提交：完成年度评估");
        await Assertions.Expect(report).ToContainTextAsync("95%");
        Assert.Equal(reportsBefore + 1, await page.Locator("#report-history .rt-report").CountAsync());
    }

    /// <summary>Presses Tab (from wherever the focus is) until the element matching <paramref name="selector"/> has the focus.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await page.EvaluateAsync<bool>(
                    "s => { const a = document.activeElement; return !!a && (a.matches(s) || !!a.closest(s)); }", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {selector}.");
    }

    private static async Task AssertAccessibleAsync(IPage page, string path)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{path}: " + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target?.ToString() ?? "") + " " + n.Html))}")));
    }

    private async Task<string> ResolveAsync(string path)
    {
        _ = browser.App.BaseUrl;
        var factory = browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var beds = await db.Indicators.Where(i => i.Code == "IND-BEDS").Select(i => i.Id).SingleAsync();
        return path.Replace("{beds}", beds.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{measure}", (await ActiveMeasureAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private async Task<int> ActiveMeasureAsync()
    {
        _ = browser.App.BaseUrl;
        var factory = browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Measures.Where(m => m.Status == MeasureStatus.Active).OrderBy(m => m.Code).Select(m => m.Id).FirstAsync();
    }
}
