using ReformTrack.Modules.Indicators;

namespace ReformTrack.UnitTests;

public sealed class IndicatorRuleTests
{
    private static readonly StatusThresholds Thresholds = new() { AtRiskBehind = 5, OffTrackBehind = 15 };

    // Beds per 1,000 people: 4.00 at the end of 2020, 5.00 planned at the end of 2024 (0.25 a year).
    private static readonly Trajectory Beds = Trajectory.Linear(new DatedValue(new DateOnly(2020, 12, 31), 4.0),
        new DatedValue(new DateOnly(2024, 12, 31), 5.0));

    // An online-services rank: 20th at the end of 2020, 10th planned at the end of 2024 (lower is better).
    private static readonly Trajectory Rank = Trajectory.Linear(new DatedValue(new DateOnly(2020, 12, 31), 20),
        new DatedValue(new DateOnly(2024, 12, 31), 10));

    private static readonly DateOnly Target = new(2024, 12, 31);

    private static DatedValue At(DateOnly on, double value) => new(on, value);

    [Theory]
    // Before the target date: planned 4.50 at 2022-12-31 (half way, by days).
    [InlineData("2022-12-31", 4.50, nameof(IndicatorStatus.OnTrack))]
    [InlineData("2022-12-31", 4.47, nameof(IndicatorStatus.OnTrack))]   // 3 % of the change behind
    [InlineData("2022-12-31", 4.42, nameof(IndicatorStatus.AtRisk))]    // 8 % behind
    [InlineData("2022-12-31", 4.30, nameof(IndicatorStatus.OffTrack))]  // 20 % behind
    [InlineData("2022-12-31", 4.90, nameof(IndicatorStatus.OnTrack))]   // ahead
    // On the target date: the target itself is the plan.
    [InlineData("2024-12-31", 5.00, nameof(IndicatorStatus.OnTrack))]
    [InlineData("2024-12-31", 4.90, nameof(IndicatorStatus.AtRisk))]
    [InlineData("2024-12-31", 4.70, nameof(IndicatorStatus.OffTrack))]
    // After the target date: still measured against the target.
    [InlineData("2025-12-31", 5.20, nameof(IndicatorStatus.OnTrack))]
    [InlineData("2025-12-31", 4.80, nameof(IndicatorStatus.OffTrack))]
    public void Higher_is_better_indicator_is_judged_against_its_trajectory(string on, double value, string expected)
    {
        var date = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(Enum.Parse<IndicatorStatus>(expected), TrajectoryStatus.Compute(Beds, Direction.HigherIsBetter, At(date, value), Thresholds));
    }

    [Theory]
    // Before the target: planned 15 half way; a higher rank number is worse.
    [InlineData("2022-12-31", 15, nameof(IndicatorStatus.OnTrack))]
    [InlineData("2022-12-31", 12, nameof(IndicatorStatus.OnTrack))]
    [InlineData("2022-12-31", 16, nameof(IndicatorStatus.AtRisk))]    // 10 % behind
    [InlineData("2022-12-31", 18, nameof(IndicatorStatus.OffTrack))]  // 30 % behind
    [InlineData("2024-12-31", 10, nameof(IndicatorStatus.OnTrack))]
    [InlineData("2024-12-31", 11, nameof(IndicatorStatus.AtRisk))]
    [InlineData("2024-12-31", 13, nameof(IndicatorStatus.OffTrack))]
    [InlineData("2026-06-30", 8, nameof(IndicatorStatus.OnTrack))]
    [InlineData("2026-06-30", 12, nameof(IndicatorStatus.OffTrack))]
    public void Lower_is_better_indicator_is_judged_against_its_trajectory(string on, double value, string expected)
    {
        var date = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(Enum.Parse<IndicatorStatus>(expected), TrajectoryStatus.Compute(Rank, Direction.LowerIsBetter, At(date, value), Thresholds));
    }

    [Fact]
    public void Status_on_a_day_uses_the_latest_value_observed_by_then()
    {
        DatedValue[] actuals = [At(new DateOnly(2021, 12, 31), 4.25), At(new DateOnly(2023, 12, 31), 4.40)];

        Assert.Equal(IndicatorStatus.NoData, TrajectoryStatus.Compute(Beds, Direction.HigherIsBetter, actuals, new DateOnly(2021, 6, 30), Thresholds));
        Assert.Equal(IndicatorStatus.OnTrack, TrajectoryStatus.Compute(Beds, Direction.HigherIsBetter, actuals, new DateOnly(2022, 6, 30), Thresholds));
        Assert.Equal(IndicatorStatus.OffTrack, TrajectoryStatus.Compute(Beds, Direction.HigherIsBetter, actuals, Target.AddYears(1), Thresholds));
    }

    [Fact]
    public void Custom_trajectory_goes_straight_between_its_points()
    {
        var plan = new Trajectory(new DatedValue(new DateOnly(2020, 1, 1), 0), new DatedValue(new DateOnly(2020, 1, 21), 100),
            [new DatedValue(new DateOnly(2020, 1, 11), 80)]);

        Assert.Equal(0, plan.PlannedAt(new DateOnly(2019, 6, 1)));
        Assert.Equal(40, plan.PlannedAt(new DateOnly(2020, 1, 6)), 6);
        Assert.Equal(80, plan.PlannedAt(new DateOnly(2020, 1, 11)), 6);
        Assert.Equal(90, plan.PlannedAt(new DateOnly(2020, 1, 16)), 6);
        Assert.Equal(100, plan.PlannedAt(new DateOnly(2021, 1, 1)));
    }

    [Fact]
    public void District_values_roll_up_by_sum_average_or_weighted_average()
    {
        UnitValue[] districts = [new(10, 100), new(20, 300), new(60, 600)];

        Assert.Equal(90, RollUp.Combine(RollUpMethod.Sum, districts));
        Assert.Equal(30, RollUp.Combine(RollUpMethod.Average, districts));
        Assert.Equal((1000 + 6000 + 36000) / 1000.0, RollUp.Combine(RollUpMethod.WeightedAverage, districts));
        Assert.Null(RollUp.Combine(RollUpMethod.Sum, []));
    }

    [Fact]
    public void Indicator_uses_the_whole_area_value_where_there_is_one_else_rolls_up_its_units()
    {
        var indicator = Indicator.New(Input(RollUpMethod.WeightedAverage));
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        indicator.Record(new DateOnly(2022, 12, 31), 4.3, null, null, "yearbook", "office", now);
        indicator.Record(new DateOnly(2022, 12, 31), 9.9, 1, 10, null, "office", now);
        indicator.Record(new DateOnly(2023, 12, 31), 4.0, 1, 100, null, "office", now);
        indicator.Record(new DateOnly(2023, 12, 31), 6.0, 2, 300, null, "office", now);

        Assert.Equal([new DatedValue(new DateOnly(2022, 12, 31), 4.3), new DatedValue(new DateOnly(2023, 12, 31), 5.5)], indicator.Actuals());
    }

    [Fact]
    public void Weighted_roll_up_needs_a_weight_and_a_date_has_one_value_a_unit()
    {
        var indicator = Indicator.New(Input(RollUpMethod.WeightedAverage));
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var noWeight = Assert.Throws<Shared.RuleViolation>(() => indicator.Record(new DateOnly(2022, 12, 31), 4, 1, null, null, "office", now));
        indicator.Record(new DateOnly(2022, 12, 31), 4, 1, 5, null, "office", now);
        var twice = Assert.Throws<Shared.RuleViolation>(() => indicator.Record(new DateOnly(2022, 12, 31), 5, 1, 5, null, "office", now));

        Assert.Equal("WeightedRollUpNeedsAPositiveWeight", noWeight.Rule);
        Assert.Equal("ObservationIsOncePerDateAndUnit", twice.Rule);
    }

    [Fact]
    public void Target_date_follows_the_baseline_and_plan_points_lie_between()
    {
        var backwards = Assert.Throws<Shared.RuleViolation>(() => Indicator.New(Input(RollUpMethod.Sum) with { TargetOn = new DateOnly(2019, 1, 1) }));
        var outside = Assert.Throws<Shared.RuleViolation>(() => Indicator.New(Input(RollUpMethod.Sum) with
        {
            TrajectoryPoints = [new DatedValue(new DateOnly(2030, 1, 1), 1)],
        }));

        Assert.Equal("TargetDateFollowsBaselineDate", backwards.Rule);
        Assert.Equal("TrajectoryPointsLieBetweenBaselineAndTarget", outside.Rule);
    }

    private static IndicatorInput Input(RollUpMethod rollUp) => new()
    {
        Code = "BEDS",
        Name = "Hospital beds per 1,000 people",
        UnitOfMeasure = "beds",
        Direction = Direction.HigherIsBetter,
        BaselineOn = new DateOnly(2020, 12, 31),
        BaselineValue = 4,
        TargetOn = new DateOnly(2024, 12, 31),
        TargetValue = 5,
        RollUp = rollUp,
        UnitId = 1,
    };
}
