using ReformTrack.Modules.Supervision;
using ReformTrack.Shared;

namespace ReformTrack.UnitTests;

public sealed class SupervisionItemTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [InlineData(0, "Reminder")]
    [InlineData(6, "Reminder")]
    [InlineData(7, "Warning")]
    [InlineData(13, "Warning")]
    [InlineData(14, "Instruction")]
    public void The_ladder_follows_the_days_open(int days, string level) =>
        Assert.Equal(level, SupervisionOptions.Default.LevelAfter(days).ToString());

    [Theory]
    [InlineData("2026-11-10", "2026-09", "2026-09-30")]
    [InlineData("2026-11-11", "2026-10", "2026-10-31")]
    [InlineData("2026-01-05", "2025-11", "2025-11-30")]
    public void The_report_due_is_last_months_after_the_due_day(string today, string period, string lastDay)
    {
        var (p, last) = SupervisionOptions.Default.PeriodDue(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(period, p);
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), last);
    }

    [Fact]
    public void Yellow_red_and_overdue_share_one_key_per_measure()
    {
        Assert.Equal(SupervisionItem.KeyOf(7, SupervisionRule.Yellow), SupervisionItem.KeyOf(7, SupervisionRule.Overdue));
        Assert.NotEqual(SupervisionItem.KeyOf(7, SupervisionRule.Red), SupervisionItem.KeyOf(7, SupervisionRule.ReportMissing));
    }

    [Fact]
    public void The_ladder_never_goes_down_and_answered_items_stop_climbing()
    {
        var item = SupervisionItem.OpenByRule(1, 2, SupervisionRule.Red, Today);
        Assert.True(item.EscalateTo(SupervisionLevel.Instruction, Today.AddDays(14)));
        Assert.False(item.EscalateTo(SupervisionLevel.Warning, Today.AddDays(15)));
        Assert.Equal(SupervisionLevel.Instruction, item.Level);

        var answered = SupervisionItem.OpenByRule(1, 2, SupervisionRule.Red, Today);
        answered.Respond("Catching up.", "Liaison", Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        Assert.False(answered.EscalateTo(SupervisionLevel.Warning, Today.AddDays(7)));
    }

    [Fact]
    public void Closing_frees_the_key_and_a_closed_item_takes_no_response()
    {
        var item = SupervisionItem.OpenByRule(1, 2, SupervisionRule.Overdue, Today);
        item.CloseBackOnTrack(Today.AddDays(3));

        Assert.Null(item.OpenKey);
        Assert.Equal(ClosedBecause.BackOnTrack, item.ClosedBecause);
        var violation = Assert.Throws<RuleViolation>(() => item.Respond("Late.", "Liaison", Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
        Assert.Equal("ClosedItemTakesNoResponse", violation.Rule);
    }

    [Fact]
    public void An_extension_keeps_the_deadline_it_replaces_and_moves_only_later()
    {
        var now = Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var request = ExtensionRequest.Ask(1, 2, new DateOnly(2026, 12, 31), new DateOnly(2027, 3, 31), "Platform late.", "Liaison", now);
        request.Approve("Leader", null, now);

        Assert.Equal(new DateOnly(2026, 12, 31), request.OriginalDueOn);
        Assert.Equal(ExtensionStatus.Approved, request.Status);
        Assert.Equal("ExtensionMovesTheDeadlineLater", Assert.Throws<RuleViolation>(() =>
            ExtensionRequest.Ask(1, 2, new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 1), "Earlier?", "Liaison", now)).Rule);
        Assert.Equal("ExtensionIsDecidedOnce", Assert.Throws<RuleViolation>(() => request.Reject("Leader", "No.", now)).Rule);
    }
}
