using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;

namespace ReformTrack.UnitTests;

public sealed class MeasureTests
{
    internal static readonly DateOnly Today = new(2026, 11, 28);

    internal static Measure NewMeasure(MeasureStatus status = MeasureStatus.Active, DateOnly? start = null, DateOnly? due = null)
    {
        var measure = new Measure { Id = 7, Code = "FZ-2026-001", Title = "推行企业开办一网通办", LeadUnitId = 3, ObjectiveId = 2 };
        measure.Schedule(start ?? new DateOnly(2026, 1, 1), due ?? new DateOnly(2027, 12, 31));
        switch (status)
        {
            case MeasureStatus.Active:
                measure.Activate();
                break;
            case MeasureStatus.Suspended:
                measure.Activate();
                measure.Suspend("机构调整");
                break;
            case MeasureStatus.Completed:
                measure.Activate();
                measure.Complete(Today);
                break;
            case MeasureStatus.Cancelled:
                measure.Cancel("并入其他举措");
                break;
        }

        return measure;
    }

    [Fact]
    public void A_new_measure_is_a_draft() => Assert.Equal(MeasureStatus.Draft, NewMeasure(MeasureStatus.Draft).Status);

    [Theory]
    [InlineData("Draft", "Active")]
    [InlineData("Active", "Completed")]
    [InlineData("Active", "Suspended")]
    [InlineData("Suspended", "Active")]
    [InlineData("Draft", "Cancelled")]
    [InlineData("Active", "Cancelled")]
    [InlineData("Suspended", "Cancelled")]
    public void Allowed_transitions_change_the_status(string from, string to)
    {
        var measure = NewMeasure(Enum.Parse<MeasureStatus>(from));

        measure.ChangeStatus(Enum.Parse<MeasureStatus>(to), "理由", Today);

        Assert.Equal(to, measure.Status.ToString());
    }

    [Theory]
    [InlineData("Draft", "Completed")]
    [InlineData("Draft", "Suspended")]
    [InlineData("Suspended", "Completed")]
    [InlineData("Completed", "Active")]
    [InlineData("Completed", "Cancelled")]
    [InlineData("Cancelled", "Active")]
    [InlineData("Active", "Draft")]
    public void Other_transitions_are_refused_and_change_nothing(string from, string to)
    {
        var measure = NewMeasure(Enum.Parse<MeasureStatus>(from));

        var error = Assert.Throws<RuleViolation>(() => measure.ChangeStatus(Enum.Parse<MeasureStatus>(to), "理由", Today));

        Assert.Equal("StatusTransitionNotAllowed", error.Rule);
        Assert.Equal("status", error.Field);
        Assert.Equal(from, measure.Status.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_measure_is_cancelled_only_with_a_reason(string? reason)
    {
        var measure = NewMeasure();

        var error = Assert.Throws<RuleViolation>(() => measure.Cancel(reason));

        Assert.Equal("CancelledMeasureNeedsReason", error.Rule);
        Assert.Equal("reason", error.Field);
        Assert.Equal(MeasureStatus.Active, measure.Status);
    }

    [Fact]
    public void Cancelling_keeps_the_reason()
    {
        var measure = NewMeasure();

        measure.Cancel("  上级政策调整  ");

        Assert.Equal("上级政策调整", measure.StatusReason);
    }

    [Fact]
    public void Completing_records_the_day_and_full_progress()
    {
        var measure = NewMeasure();

        measure.Complete(Today);

        Assert.Equal(100, measure.Progress);
        Assert.Equal(Today, measure.CompletedOn);
        Assert.Equal(Light.None, measure.LightOn(Today, LightThresholds.Default));
    }

    [Fact]
    public void The_due_date_must_be_after_the_start()
    {
        var measure = NewMeasure(MeasureStatus.Draft);

        var error = Assert.Throws<RuleViolation>(() => measure.Schedule(Today, Today));

        Assert.Equal("DueDateMustBeAfterStartDate", error.Rule);
        Assert.Equal("dueOn", error.Field);
    }

    [Fact]
    public void Co_units_never_include_the_lead_unit_nor_repeat()
    {
        var measure = NewMeasure();

        measure.SetCoUnits([3, 4, 4, 5]);
        measure.SetCoUnits([5, 6]);

        Assert.Equal([5, 6], measure.CoUnits.Select(c => c.UnitId).Order());
    }

    [Fact]
    public void A_done_milestone_needs_evidence()
    {
        var milestone = new Milestone { Title = "出台实施方案", DueOn = Today };

        var error = Assert.Throws<RuleViolation>(() => milestone.MarkDone(Today, " "));
        milestone.MarkDone(Today, "榕政办〔2026〕12号");

        Assert.Equal("DoneMilestoneNeedsEvidence", error.Rule);
        Assert.Equal(Today, milestone.DoneOn);
    }
}
