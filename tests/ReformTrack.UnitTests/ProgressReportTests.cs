using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;
using static ReformTrack.UnitTests.MeasureTests;

namespace ReformTrack.UnitTests;

public sealed class ProgressReportTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    // Halfway through its two years on 2027-01-01; on Today (2026-11-28) about 45% is expected.
    private static Measure OnSchedule() => NewMeasure(start: new DateOnly(2026, 1, 1), due: new DateOnly(2027, 12, 31));

    private static ReportContent Content(int percent, string? explanation = null) => new()
    {
        Period = "2026-11",
        Percent = percent,
        Done = "完成了企业开办系统联调",
        Explanation = explanation,
    };

    private static ProgressReport Submit(Measure measure, int percent, string? explanation = null) =>
        measure.SubmitReport(Content(percent, explanation), "林联络员", Now, Today, LightThresholds.Default);

    [Fact]
    public void A_report_on_schedule_is_submitted_for_review()
    {
        var report = Submit(OnSchedule(), 50);

        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Equal(7, report.MeasureId);
        Assert.Equal(Now, report.SubmittedAt);
    }

    [Theory]
    [InlineData("Draft")]
    [InlineData("Suspended")]
    [InlineData("Completed")]
    [InlineData("Cancelled")]
    public void Reports_are_submitted_only_for_active_measures(string status)
    {
        var error = Assert.Throws<RuleViolation>(() => Submit(NewMeasure(Enum.Parse<MeasureStatus>(status)), 50));

        Assert.Equal("ReportsAreSubmittedOnlyForActiveMeasures", error.Rule);
    }

    [Fact]
    public void Progress_cannot_go_backwards_without_an_explanation()
    {
        var measure = OnSchedule();
        measure.Accept(Submit(measure, 60), "改革办", Now, null, null);

        var error = Assert.Throws<RuleViolation>(() => Submit(measure, 55));
        var explained = Submit(measure, 55, "上月统计口径有误，已更正");

        Assert.Equal("ProgressCannotGoBackwardsWithoutExplanation", error.Rule);
        Assert.Equal("explanation", error.Field);
        Assert.Equal(55, explained.Content.Percent);
    }

    [Theory]
    [InlineData(30)] // yellow: about 15 points behind
    [InlineData(5)] // red
    public void A_report_behind_schedule_must_explain_the_delay(int percent)
    {
        var error = Assert.Throws<RuleViolation>(() => Submit(OnSchedule(), percent));

        Assert.Equal("BehindScheduleReportNeedsExplanation", error.Rule);
        Assert.Equal("explanation", error.Field);
        Assert.Equal(percent, Submit(OnSchedule(), percent, "土地报批延迟").Content.Percent);
    }

    [Theory]
    [InlineData("2026-13", "period")]
    [InlineData("26-11", "period")]
    [InlineData("", "period")]
    public void The_period_is_a_month(string period, string field)
    {
        var error = Assert.Throws<RuleViolation>(() =>
            OnSchedule().SubmitReport(Content(50) with { Period = period }, "林", Now, Today, LightThresholds.Default));

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Percent_is_between_0_and_100(int percent)
    {
        var error = Assert.Throws<RuleViolation>(() => Submit(OnSchedule(), percent, "说明"));

        Assert.Equal("percent", error.Field);
    }

    [Fact]
    public void A_report_says_what_was_done()
    {
        var error = Assert.Throws<RuleViolation>(() =>
            OnSchedule().SubmitReport(Content(50) with { Done = " " }, "林", Now, Today, LightThresholds.Default));

        Assert.Equal("done", error.Field);
    }

    [Fact]
    public void Accepting_a_report_makes_its_percent_the_measure_progress()
    {
        var measure = OnSchedule();
        var report = Submit(measure, 62);

        measure.Accept(report, "改革办 陈", Now, DeliveryConfidence.Unlikely, "进度存疑");

        Assert.Equal(62, measure.Progress);
        Assert.Equal(ReportStatus.Accepted, report.Status);
        Assert.Equal("改革办 陈", report.ReviewedBy);
        Assert.True(report.ConfidenceDisputed);
    }

    [Fact]
    public void Report_cannot_be_edited_after_acceptance()
    {
        var measure = OnSchedule();
        var report = Submit(measure, 50);
        measure.Accept(report, "改革办", Now, null, null);

        var revise = Assert.Throws<RuleViolation>(() => report.Revise(Content(70), "林", Now));
        var reviewAgain = Assert.Throws<RuleViolation>(() => report.Return("改革办", Now, "再看看"));

        Assert.Equal("ReportCannotBeEditedAfterAcceptance", revise.Rule);
        Assert.Equal("ReportCannotBeEditedAfterAcceptance", reviewAgain.Rule);
        Assert.Equal(50, report.Content.Percent);
        Assert.Equal(ReportStatus.Accepted, report.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Returned_report_needs_a_reason(string? reason)
    {
        var report = Submit(OnSchedule(), 50);

        var error = Assert.Throws<RuleViolation>(() => report.Return("改革办", Now, reason));

        Assert.Equal("ReturnedReportNeedsReason", error.Rule);
        Assert.Equal("reason", error.Field);
        Assert.Equal(ReportStatus.Submitted, report.Status);
    }

    [Fact]
    public void A_returned_report_is_corrected_and_submitted_again()
    {
        var report = Submit(OnSchedule(), 50);
        report.Return("改革办", Now, "请补充佐证材料");

        report.Revise(Content(50) with { Evidence = "会议纪要" }, "林", Now.AddDays(1));

        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Null(report.ReturnReason);
        Assert.Equal("会议纪要", report.Content.Evidence);
    }

    [Fact]
    public void Returning_leaves_the_measure_progress_as_it_was()
    {
        var measure = OnSchedule();
        measure.Accept(Submit(measure, 40), "改革办", Now, null, null);
        var report = Submit(measure, 70);

        report.Return("改革办", Now, "数据不实");

        Assert.Equal(40, measure.Progress);
    }
}
