using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReformTrack.Data;
using ReformTrack.Modules.Parks;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class StandardisationTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Park_scorecard_shows_its_latest_assessment_criteria_rank_and_trend()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var page = await browser.OpenAsync("/parks?tier=HundredBillion");

        await page.GetByRole(AriaRole.Link, new() { Name = "福州经济技术开发区" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ParkUrl());

        var section = page.Locator("#park-assessment");
        await Assertions.Expect(section).ToContainTextAsync(DemoStandardisation.Round2021);
        await Assertions.Expect(page.Locator("#park-assessment-score")).ToContainTextAsync("ranked 1 of 11");
        var criteria = page.Locator("#park-assessment-criteria");
        await Assertions.Expect(criteria).ToContainTextAsync("单位面积产出");
        await Assertions.Expect(criteria).ToContainTextAsync("绿色低碳与安全生产");
        await Assertions.Expect(criteria).ToContainTextAsync("25 / 25");
        await Assertions.Expect(page.Locator("#park-assessment-trend svg").First).ToBeVisibleAsync();
        await Assertions.Expect(section).ToContainTextAsync(DemoStandardisation.Round2020);
    }

    [SkippableFact]
    public async Task Round_page_ranks_the_parks_and_lists_overdue_rectifications()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var page = await browser.OpenAsync("/standards");

        await page.GetByRole(AriaRole.Link, new() { Name = DemoStandardisation.Round2021 }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(RoundUrl());

        await Assertions.Expect(page.Locator("#round-status")).ToHaveTextAsync("Finalised");
        await Assertions.Expect(page.Locator("#ranking tbody tr")).ToHaveCountAsync(11);
        await Assertions.Expect(page.Locator("#round-chart svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#rectifications")).ToContainTextAsync("Level 3");
        await Assertions.Expect(page.Locator("#round-actions")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Office_enters_an_assessor_score_and_finalises_the_round()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        int roundId;
        var factory = browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var standard = Standard.New("B-" + suffix, "测试标准" + suffix, GradeBands.Default, 0.6m, 30,
                [new("quality", "管理服务" + suffix, 100, StandardRule.Assessor)]);
            standard.Publish("test", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
            db.Standards.Add(standard);
            await db.SaveChangesAsync();
            var park = await db.Parks.SingleAsync(p => p.Name == "福州软件园");
            var round = AssessmentRound.New(standard, "测试评价" + suffix, new DateOnly(2026, 11, 20), [park.Id]);
            db.AssessmentRounds.Add(round);
            await db.SaveChangesAsync();
            roundId = round.Id;
        }

        var page = await browser.OpenAsync($"/assessments/{roundId}");
        await Assertions.Expect(page.Locator("#round-actions")).ToHaveAttributeAsync("data-ready", "interactive");

        await page.Locator("#round-finalise").ClickAsync();
        await Assertions.Expect(page.Locator("#round-actions-error")).ToContainTextAsync("管理服务" + suffix);

        await page.Locator("#assessor-park").SelectOptionAsync(new SelectOptionValue { Label = "福州软件园" });
        await page.Locator("#assessor-criterion").SelectOptionAsync("quality");
        await page.Locator("#assessor-points").FillAsync("92.5");
        await page.Locator("#assessor-points").BlurAsync();
        await page.Locator("#assessor-note").FillAsync("制度健全，服务到位");
        await page.Locator("#assessor-note").BlurAsync();
        await page.Locator("#assessor-submit").ClickAsync();

        await Assertions.Expect(page.Locator("#assessor-notes")).ToContainTextAsync("制度健全，服务到位", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#ranking")).ToContainTextAsync("92.5");
        await Assertions.Expect(page.Locator("#round-actions")).ToHaveAttributeAsync("data-ready", "interactive");
        await page.Locator("#round-finalise").ClickAsync();

        await Assertions.Expect(page.Locator("#round-status")).ToHaveTextAsync("Finalised", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#ranking")).ToContainTextAsync("Excellent");
        await Assertions.Expect(page.Locator("#round-actions")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Office_writes_and_publishes_a_standard_then_opens_a_round_that_ranks_its_parks()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var page = await browser.OpenAsync("/standards");
        await BrowserFixture.WaitForInteractivityAsync(page);

        await page.Locator("#standard-new").ClickAsync();
        await page.Locator("#standard-code").FillAsync("UI-" + suffix);
        await page.Locator("#standard-title").FillAsync("界面标准" + suffix);
        await page.Locator("#criterion-0-key").FillAsync("service");
        await page.Locator("#criterion-0-name").FillAsync("管理服务");
        await page.Locator("#criterion-0-weight").FillAsync("40");
        await page.Locator("#standard-add-criterion").ClickAsync();
        await page.Locator("#criterion-1-key").FillAsync("density");
        await page.Locator("#criterion-1-name").FillAsync("单位面积产出");
        await page.Locator("#criterion-1-weight").FillAsync("60");
        await page.Locator("#criterion-1-rule").SelectOptionAsync(nameof(StandardRule.OutputDensity));
        await page.Locator("#standard-form-save").ClickAsync();
        await Assertions.Expect(page.Locator("#standard-form")).ToContainTextAsync("target");

        await page.Locator("#criterion-1-target").FillAsync("20");
        await page.Locator("#standard-form-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(StandardUrl(), new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#criteria")).ToContainTextAsync("单位面积产出");
        await Assertions.Expect(page.Locator("#standard-status")).ToContainTextAsync("Draft");

        await Assertions.Expect(page.Locator("#standard-office")).ToHaveAttributeAsync("data-interactive", "true");
        await page.Locator("#standard-publish").ClickAsync();
        await Assertions.Expect(page.Locator("#standard-status")).ToContainTextAsync("Published", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#standard-edit")).ToHaveTextAsync("New revision");
        var published = page.Url;

        await Assertions.Expect(page.Locator("#standard-office")).ToHaveAttributeAsync("data-interactive", "true");
        await page.Locator("#standard-edit").ClickAsync();
        await Assertions.Expect(page.Locator("#standard-code")).ToHaveValueAsync("UI-" + suffix);
        await page.Locator("#standard-title").FillAsync("界面标准修订" + suffix);
        await page.Locator("#standard-form-save").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(published, new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("界面标准修订" + suffix);
        await Assertions.Expect(page.Locator("#standard-status")).ToHaveTextAsync("Draft");

        page = await browser.OpenAsync("/standards");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await page.Locator("#round-open").ClickAsync();
        await page.Locator("#round-standard").SelectOptionAsync(new SelectOptionValue { Label = $"UI-{suffix} · 界面标准{suffix} · Revision 1" });
        await page.Locator("#round-title").FillAsync("界面评价" + suffix);
        foreach (var (search, park) in new[] { ("软件园", "福州软件园"), ("金山", "金山工业区") })
        {
            await Assertions.Expect(page.Locator("#round-add-park")).ToHaveValueAsync("");
            await page.Locator("#round-form h2").ClickAsync();
            await BrowserFixture.ChooseAsync(page, "#round-add-park", search, park);
            await Assertions.Expect(page.Locator("#round-parks")).ToContainTextAsync(park);
        }

        await page.Locator("#round-form-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(RoundUrl(), new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("界面评价" + suffix);
        await Assertions.Expect(page.Locator("#ranking tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#ranking")).ToContainTextAsync("福州软件园");
        await Assertions.Expect(page.Locator("#ranking")).ToContainTextAsync("金山工业区");
    }

    [SkippableFact]
    public async Task A_viewer_sees_standards_without_the_office_buttons()
    {
        Skip.If(browser.Unavailable is not null, browser.Unavailable);
        var viewer = browser.App.CreateUser(ReformTrack.Modules.Accounts.Role.Viewer, "FZ-GL", "查看者 " + Guid.NewGuid().ToString("N")[..6]);
        var page = await browser.OpenAsAsync(viewer, "/standards");
        await Assertions.Expect(page.Locator("#standards")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#standard-new")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#round-open")).ToHaveCountAsync(0);

        await page.Locator("#standards a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(StandardUrl());
        await Assertions.Expect(page.Locator("#criteria")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#standard-edit")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#standard-publish")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/standards/\d+$")]
    private static partial Regex StandardUrl();

    [GeneratedRegex(@"/parks/\d+$")]
    private static partial Regex ParkUrl();

    [GeneratedRegex(@"/assessments/\d+$")]
    private static partial Regex RoundUrl();
}
