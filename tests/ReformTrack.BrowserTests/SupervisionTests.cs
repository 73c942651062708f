using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReformTrack.Data;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;
using ReformTrack.Modules.Supervision;
using ReformTrack.Testing;

namespace ReformTrack.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SupervisionTests(BrowserFixture browser)
{
    /// <summary>A district of its own with one measure and an item the office opened on it by hand.</summary>
    private async Task<(string UnitCode, int ItemId, string MeasureCode)> AddItemAsync()
    {
        _ = browser.App.BaseUrl;
        var factory = browser.App.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var district = new Unit { Code = $"ST-{suffix}", Name = $"督办测试区{suffix}", Kind = UnitKind.DistrictOffice };
        var objective = new Objective { Code = $"ST-{suffix}", Title = "督办测试目标" };
        db.AddRange(district, objective);
        await db.SaveChangesAsync();
        district.PlaceUnder(null);
        objective.PlaceUnder(null);
        var measure = new Measure
        {
            Code = $"ST-{suffix}", Title = "推进政务服务一网通办", ObjectiveId = objective.Id, LeadUnitId = district.Id,
            CreatedAt = ReformTrackApp.DefaultNow.UtcDateTime, UpdatedAt = ReformTrackApp.DefaultNow.UtcDateTime,
        };
        measure.Schedule(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        measure.Activate();
        db.Measures.Add(measure);
        await db.SaveChangesAsync();
        var item = SupervisionItem.OpenByHand(measure.Id, district.Id, SupervisionLevel.Instruction, "请说明进度滞后的原因。",
            new DateOnly(2026, 12, 5), "市委改革办 李华", new DateOnly(2026, 11, 27));
        db.SupervisionItems.Add(item);
        await db.SaveChangesAsync();
        return (district.Code, item.Id, measure.Code);
    }

    [SkippableFact]
    public async Task The_board_shows_items_by_level_and_a_liaison_responds_to_one()
    {
        var (unitCode, itemId, measureCode) = await AddItemAsync();

        var page = await browser.OpenAsync("/supervision");
        await BrowserFixture.WaitForInteractivityAsync(page);
        // The demo has open items at every rung of the ladder.
        foreach (var level in new[] { "Instruction", "Warning", "Reminder" })
        {
            await Assertions.Expect(page.Locator($"section.rt-level[data-level='{level}'] .rt-item").First).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator("#inbox-count")).Not.ToHaveTextAsync("0");

        var liaison = browser.App.CreateUser(Role.Liaison, unitCode, "测试区联络员");
        var own = await browser.OpenAsAsync(liaison, "/supervision");
        await BrowserFixture.WaitForInteractivityAsync(own);
        var items = own.Locator(".rt-item");
        await Assertions.Expect(items).ToHaveCountAsync(1);
        var item = own.Locator($".rt-item[data-item-id='{itemId}']");
        await Assertions.Expect(item).ToContainTextAsync(measureCode);
        await Assertions.Expect(own.Locator($"section.rt-level[data-level='Instruction'] .rt-item[data-item-id='{itemId}']")).ToBeVisibleAsync();

        await item.Locator(".rt-response-text textarea").FillAsync("已召开专题会议，两周内追回进度。");
        await item.Locator(".rt-respond").ClickAsync();

        await Assertions.Expect(item.Locator(".rt-item-response")).ToContainTextAsync("已召开专题会议");
        await Assertions.Expect(item).ToHaveAttributeAsync("data-status", "Answered");
        await own.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "supervision-board.png"), FullPage = true });
    }
}
