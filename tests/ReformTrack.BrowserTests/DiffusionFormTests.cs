using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReformTrack.Data;
using ReformTrack.Modules.Diffusion;

namespace ReformTrack.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DiffusionFormTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Office_records_an_innovation_and_sees_its_replication_in_the_copy_tree()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        int origin, adopter;
        string adopterName;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContextAsync())
        {
            origin = await db.Units.Where(u => u.Code == "FZ-D-FGW").Select(u => u.Id).SingleAsync();
            var unit = await db.Units.Where(u => u.Code == "FZ-D-CZJ").Select(u => new { u.Id, u.Name }).SingleAsync();
            adopter = unit.Id;
            adopterName = unit.Name;
        }

        var title = $"企业开办“一窗通办”-{Guid.NewGuid():N}"[..20];
        var page = await browser.OpenAsync("/innovations");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await page.Locator("#innovation-new").ClickAsync();
        await page.Locator("#innovation-save").ClickAsync();
        await Assertions.Expect(page.Locator("#innovation-form")).ToContainTextAsync("required");

        await page.Locator("#innovation-title").FillAsync(title);
        await page.SelectOptionAsync("#innovation-origin", origin.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#innovation-introduced").FillAsync("2020-03-01");
        await page.Locator("#innovation-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/innovations/\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await BrowserFixture.WaitForInteractivityAsync(page);

        await page.Locator("#replication-new").ClickAsync();
        await page.SelectOptionAsync("#replication-unit", adopter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#replication-level", "City");
        await page.Locator("#replication-on").FillAsync("2021-05-10");
        await page.Locator("#replication-evidence").FillAsync("榕政办〔2021〕12号");
        await page.Locator("#replication-save").ClickAsync();

        var tree = page.Locator("#copy-tree");
        await Assertions.Expect(tree.Locator("> li > ul > li > .rt-copy-adopter")).ToHaveTextAsync(adopterName);
        await Assertions.Expect(page.Locator("#adoption-timeline tbody tr")).ToHaveCountAsync(1);
    }

    [SkippableFact]
    public async Task Office_renames_a_case_and_the_list_shows_the_new_title()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        int id;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContextAsync())
        {
            var unit = await db.Units.Where(u => u.Code == "FZ-D-FGW").Select(u => u.Id).SingleAsync();
            var honour = Honour.New(new HonourDescription("营商环境创新试点案例", "国务院办公厅", GrantLevel.National, 1951,
                HonourCategory.TypicalCase, unit, null, null, null, null));
            db.Honours.Add(honour);
            await db.SaveChangesAsync();
            id = honour.Id;
        }

        var page = await browser.OpenAsync($"/cases/{id}");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await page.Locator("#case-edit").ClickAsync();
        await page.Locator("#case-title").FillAsync("营商环境创新试点典型经验");
        await page.Locator("#case-save").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("营商环境创新试点典型经验");

        page = await browser.OpenAsync("/cases?year=1951");
        await Assertions.Expect(page.Locator(".rt-cases")).ToContainTextAsync("营商环境创新试点典型经验");
        await Assertions.Expect(page.Locator(".rt-cases")).Not.ToContainTextAsync("营商环境创新试点案例");
    }
    [SkippableFact]
    public async Task Office_records_a_pilot_and_changes_its_granting_body()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var name = $"城市更新试点-{Guid.NewGuid():N}"[..16];
        var page = await browser.OpenAsync("/pilots");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await page.Locator("#pilot-new").ClickAsync();
        await page.Locator("#pilot-name").FillAsync(name);
        await page.Locator("#pilot-granting-body").FillAsync("住房和城乡建设部");
        await page.SelectOptionAsync("#pilot-level", "National");
        await page.Locator("#pilot-form-save").ClickAsync();
        await Assertions.Expect(page.Locator("#pilot-holder-error")).ToContainTextAsync("held by a unit or by a named area");

        await page.Locator("#pilot-holder-area").FillAsync("仓山区");
        await page.Locator("#pilot-form-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/pilots/\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await BrowserFixture.WaitForInteractivityAsync(page);

        await page.Locator("#pilot-edit").ClickAsync();
        await page.Locator("#pilot-granting-body").FillAsync("住房和城乡建设部办公厅");
        await page.Locator("#pilot-form-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-typography-subtitle1").First).ToContainTextAsync("住房和城乡建设部办公厅");
    }
}
