using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReformTrack.Data;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;

namespace ReformTrack.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class GovernanceTests(BrowserFixture browser)
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    [SkippableFact]
    public async Task Document_page_flags_the_clauses_that_no_measure_carries_out()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var (documentId, measureCode) = await CreateDocumentWithAMeasureOnClauseTwoAsync();

        var page = await browser.OpenAsync($"/documents/{documentId}");

        var clauses = page.Locator("li[data-clause]");
        await Assertions.Expect(clauses).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("li[data-clause='1']")).ToContainTextAsync("No measure yet");
        await Assertions.Expect(page.Locator("li[data-clause='3']")).ToContainTextAsync("No measure yet");
        var clauseTwo = page.Locator("li[data-clause='2']");
        await Assertions.Expect(clauseTwo).Not.ToContainTextAsync("No measure yet");
        await Assertions.Expect(clauseTwo.GetByRole(AriaRole.Link, new() { Name = measureCode })).ToHaveAttributeAsync(
            "href", new System.Text.RegularExpressions.Regex(@"^/measures/\d+$"));
        await Assertions.Expect(page.Locator("#ledger-link")).ToHaveAttributeAsync("href", $"/ledger?documentId={documentId}");
    }

    [SkippableFact]
    public async Task Units_page_shows_a_new_unit_in_the_tree_with_a_link_to_its_ledger()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var name = Unique("晋安区改革办");
        int unitId;
        var factory = browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var unit = Unit.New(Unique("U"), name, UnitKind.DistrictOffice);
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            unit.PlaceUnder(null);
            await db.SaveChangesAsync();
            unitId = unit.Id;
        }

        var page = await browser.OpenAsync("/units");

        var row = page.Locator($"tr[data-unit-id='{unitId}']");
        await Assertions.Expect(row).ToContainTextAsync(name);
        await Assertions.Expect(row).ToContainTextAsync("District or county reform office");
        await Assertions.Expect(row.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/ledger?unitId={unitId}");
    }

    private async Task<(int DocumentId, string MeasureCode)> CreateDocumentWithAMeasureOnClauseTwoAsync()
    {
        var factory = browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var unit = Unit.New(Unique("U"), "Lead unit", UnitKind.Department);
        var objective = Objective.New(Unique("O"), "Objective", 0);
        var document = Document.New(Unique("榕委发"), "关于深化改革的实施方案", DocumentKind.Plan, new DateOnly(2016, 3, 1));
        document.AddClause("简政放权");
        document.AddClause("优化营商环境");
        document.AddClause("深化国企改革");
        db.AddRange(unit, objective, document);
        await db.SaveChangesAsync();
        unit.PlaceUnder(null);
        objective.PlaceUnder(null);

        var now = browser.App.Clock.GetUtcNow().UtcDateTime;
        var measure = new Measure
        {
            Code = Unique("M"),
            Title = "压缩企业开办时间",
            LeadUnitId = unit.Id,
            ObjectiveId = objective.Id,
            DocumentId = document.Id,
            ClauseId = document.Clauses.Single(c => c.Number == 2).Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        measure.Schedule(new DateOnly(2026, 1, 1), new DateOnly(2027, 6, 30));
        db.Measures.Add(measure);
        await db.SaveChangesAsync();
        return (document.Id, measure.Code);
    }
}
