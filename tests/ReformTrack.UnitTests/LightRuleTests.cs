using ReformTrack.Modules.Ledger;

namespace ReformTrack.UnitTests;

public sealed class LightRuleTests
{
    // A 100-day measure: on day 50 a steady pace would be at 50%.
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly Due = Start.AddDays(100);
    private static readonly DateOnly Day50 = Start.AddDays(50);

    private static Light LightAt(int progress, DateOnly today, LightThresholds? thresholds = null) =>
        LightRule.Compute(MeasureStatus.Active, Start, Due, progress, today, thresholds ?? LightThresholds.Default);

    [Theory]
    [InlineData(50, "Green")]
    [InlineData(45, "Green")]
    [InlineData(41, "Green")]
    [InlineData(40, "Yellow")] // exactly 10 points behind
    [InlineData(30, "Yellow")]
    [InlineData(20, "Yellow")] // exactly 30 points behind
    [InlineData(19, "Red")] // beyond 30 points
    [InlineData(0, "Red")]
    [InlineData(90, "Green")] // ahead of schedule
    public void Light_follows_points_behind_the_time_proportional_schedule(int progress, string expected) =>
        Assert.Equal(Enum.Parse<Light>(expected), LightAt(progress, Day50));

    [Fact]
    public void Overdue_measure_turns_red_whatever_its_progress() =>
        Assert.Equal(Light.Red, LightAt(99, Due.AddDays(1)));

    [Fact]
    public void On_the_due_date_a_measure_is_judged_against_100_percent()
    {
        Assert.Equal(Light.Green, LightAt(95, Due));
        Assert.Equal(Light.Yellow, LightAt(80, Due));
        Assert.Equal(Light.Red, LightAt(60, Due));
    }

    [Fact]
    public void Before_its_start_a_measure_with_no_progress_is_green() =>
        Assert.Equal(Light.Green, LightAt(0, Start.AddDays(-10)));

    [Theory]
    [InlineData("Draft")]
    [InlineData("Suspended")]
    [InlineData("Completed")]
    [InlineData("Cancelled")]
    public void Only_active_measures_have_a_light(string status) =>
        Assert.Equal(Light.None,
            LightRule.Compute(Enum.Parse<MeasureStatus>(status), Start, Due, 0, Due.AddDays(30), LightThresholds.Default));

    [Fact]
    public void Thresholds_are_configurable()
    {
        var strict = new LightThresholds { YellowBehind = 5, RedBehind = 15 };

        Assert.Equal(Light.Yellow, LightAt(44, Day50, strict));
        Assert.Equal(Light.Red, LightAt(34, Day50, strict));
        Assert.Equal(Light.Green, LightAt(44, Day50));
    }

    [Fact]
    public void Expected_percent_is_the_share_of_time_elapsed()
    {
        Assert.Equal(0, LightRule.ExpectedPercent(Start, Due, Start.AddDays(-1)));
        Assert.Equal(50, LightRule.ExpectedPercent(Start, Due, Day50));
        Assert.Equal(100, LightRule.ExpectedPercent(Start, Due, Due.AddDays(3)));
    }

    [Fact]
    public void More_progress_never_makes_the_light_worse()
    {
        var random = new Random(11);
        for (var i = 0; i < 2_000; i++)
        {
            var start = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 500));
            var due = start.AddDays(random.Next(1, 800));
            var today = start.AddDays(random.Next(-50, 900));
            var progress = random.Next(0, 100);
            var lower = LightRule.Compute(MeasureStatus.Active, start, due, progress, today, LightThresholds.Default);
            var higher = LightRule.Compute(MeasureStatus.Active, start, due, progress + 1, today, LightThresholds.Default);
            Assert.True(higher <= lower, $"{start}..{due} at {today}: {progress}% is {lower}, {progress + 1}% is {higher}");
        }
    }
}
