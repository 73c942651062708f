using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReformTrack.Data;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Organisation;
using ReformTrack.Testing;

namespace ReformTrack.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ImportTests(BrowserFixture browser)
{
    private async Task<(string UnitName, string Objective)> AddPlaceAsync()
    {
        _ = browser.App.BaseUrl;
        var factory = browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var unit = new Unit { Code = $"IM-{suffix}", Name = $"导入测试局{suffix}", Kind = UnitKind.Department };
        var objective = new Objective { Code = $"IM-{suffix}", Title = $"导入测试目标{suffix}" };
        db.AddRange(unit, objective);
        await db.SaveChangesAsync();
        unit.PlaceUnder(null);
        objective.PlaceUnder(null);
        await db.SaveChangesAsync();
        return (unit.Name, objective.Code);
    }

    private static FilePayload Csv(string name, params string?[][] rows) => new()
    {
        Name = name,
        MimeType = "text/csv",
        Buffer = LedgerFiles.Csv(rows, Encoding.UTF8, bom: true),
    };

    [SkippableFact]
    public async Task A_file_with_a_bad_date_names_its_cell_and_the_corrected_file_lands_in_the_ledger()
    {
        var (unitName, objective) = await AddPlaceAsync();
        var code = $"IMP-{Guid.NewGuid().ToString("N")[..8]}";
        string?[] header = LedgerFiles.EnglishHeader[..11];
        string?[] Row(string due) => [code, "推行“一件事一次办”", null, null, objective, unitName, null, null, "2026-01-01", due, "Active"];

        var page = await browser.OpenAsync("/ledger");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await page.Locator("#ledger-import").ClickAsync();
        await page.WaitForURLAsync("**/ledger/import", BrowserFixture.SameDocument);
        await Assertions.Expect(page.Locator("h1#circuit")).ToHaveTextAsync("Import the ledger");
        await BrowserFixture.WaitForInteractivityAsync(page);

        await page.Locator("#import-file").SetInputFilesAsync(Csv("ledger.csv", header, Row("2026-02-30")));
        var error = page.Locator("#import-errors tr.import-error");
        await Assertions.Expect(error).ToHaveCountAsync(1);
        await Assertions.Expect(error.Locator("td").Nth(0)).ToHaveTextAsync("2");
        await Assertions.Expect(error.Locator("td").Nth(1)).ToHaveTextAsync("Due");
        await Assertions.Expect(error.Locator("td").Nth(3)).ToContainTextAsync("'2026-02-30' is not a date");
        await Assertions.Expect(page.Locator("#import-apply")).ToHaveCountAsync(0);

        await page.Locator("#import-file").SetInputFilesAsync(Csv("ledger.csv", header, Row("2026-12-31")));
        await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync("1 to create");
        await page.Locator("#import-apply").ClickAsync();
        await Assertions.Expect(page.Locator("#import-applied")).ToContainTextAsync("1 created");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "import.png"), FullPage = true });

        await page.GotoAsync($"/ledger?q={code}");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await Assertions.Expect(page.Locator("#ledger-grid tbody tr td:first-child a")).ToHaveTextAsync([code]);
    }

    [SkippableFact]
    public async Task Ledger_page_offers_the_export_with_its_filters_and_the_template()
    {
        var page = await browser.OpenAsync("/ledger?status=Active");
        await BrowserFixture.WaitForInteractivityAsync(page);

        await Assertions.Expect(page.Locator("#ledger-export-xlsx")).ToHaveAttributeAsync("href", "/api/v1/exchange/ledger.xlsx?status=Active");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#ledger-export-csv").ClickAsync());
        var path = await download.PathAsync();
        var text = await File.ReadAllTextAsync(path);

        Assert.StartsWith("举措编号 / Measure code,", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal("ledger.csv", download.SuggestedFilename);
    }
}
