using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReformTrack.Modules.Appraisal;

namespace ReformTrack.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class AppraisalTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task The_2021_appraisal_ranks_the_districts_and_drills_from_an_on_time_rate_to_its_measures()
    {
        RunDetail run;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var read = scope.ServiceProvider.GetRequiredService<ReadAppraisal>();
            var published = (await read.ListAsync()).First(r => r.Status == RunStatus.Published);
            run = await read.GetAsync(published.Id);
        }

        var unit = run.Results.First(r => r.Values.Single(v => v.Kind == CriterionKind.OnTimeRate).Denominator > 0);
        var onTime = unit.Values.Single(v => v.Kind == CriterionKind.OnTimeRate);
        var page = await browser.OpenAsync("/appraisal");
        await BrowserFixture.WaitForInteractivityAsync(page);

        await Assertions.Expect(page.Locator("#run-status")).ToHaveTextAsync("Published");
        Assert.Equal(run.Results.Count, await page.Locator(".rt-ranking tbody tr").CountAsync());
        Assert.Equal(14, run.Results.Count);
        Assert.True(await page.Locator("#chart-ranking svg .mud-chart-bar").CountAsync() > 0, "the ranking chart has bars");
        Assert.Contains("2", await page.Locator("#editions").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator($".rt-ranking tr[data-unit='{unit.UnitCode}'] a").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"unit={unit.UnitId}", StringComparison.Ordinal), BrowserFixture.SameDocument);
        var figure = page.Locator(".rt-breakdown tr[data-criterion='OnTimeRate'] a");
        await Assertions.Expect(figure).ToContainTextAsync($"({onTime.Numerator}/{onTime.Denominator})");

        await figure.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("criterion=OnTimeRate", StringComparison.Ordinal), BrowserFixture.SameDocument);
        await Assertions.Expect(page.Locator(".rt-drill tbody tr")).ToHaveCountAsync(onTime.Denominator!.Value);
        Assert.Equal(onTime.Numerator, await page.Locator(".rt-drill tbody tr").Filter(new() { HasText = "Yes" }).CountAsync());

        var measure = page.Locator(".rt-drill tbody tr a").First;
        var code = (await measure.InnerTextAsync()).Trim();
        await measure.ClickAsync();
        await page.WaitForURLAsync(MeasureAddress(), BrowserFixture.SameDocument);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(code);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/measures/\d+$")]
    private static partial Regex MeasureAddress();
}
