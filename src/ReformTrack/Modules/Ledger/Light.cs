namespace ReformTrack.Modules.Ledger;

/// <summary>The traffic light of an active measure. Measures that are not active have none.</summary>
internal enum Light
{
    None,
    Green,
    Yellow,
    Red,
}

/// <summary>
/// How many percentage points behind the time-proportional schedule turn a measure yellow,
/// and how many more than that turn it red. Bound from <c>Ledger:Light</c> in configuration.
/// </summary>
internal sealed record LightThresholds
{
    public int YellowBehind { get; init; } = 10;
    public int RedBehind { get; init; } = 30;

    public static LightThresholds Default { get; } = new();
}

/// <summary>
/// The light is computed, never typed: a measure is red when it is overdue or more than
/// <see cref="LightThresholds.RedBehind"/> points behind where a steady pace from start to
/// due date would have it today; yellow from <see cref="LightThresholds.YellowBehind"/>
/// points behind; green otherwise.
/// </summary>
internal static class LightRule
{
    public static int ExpectedPercent(DateOnly start, DateOnly due, DateOnly today)
    {
        if (today <= start)
        {
            return 0;
        }

        if (today >= due)
        {
            return 100;
        }

        var elapsed = today.DayNumber - start.DayNumber;
        var span = due.DayNumber - start.DayNumber;
        return (int)Math.Floor(elapsed * 100.0 / span);
    }

    public static Light Compute(MeasureStatus status, DateOnly start, DateOnly due, int progress,
        DateOnly today, LightThresholds thresholds)
    {
        if (status != MeasureStatus.Active)
        {
            return Light.None;
        }

        if (today > due)
        {
            return Light.Red;
        }

        // Compared in whole units, as the database filter does: behind = elapsed/span*100 - progress.
        var elapsed = Math.Max(0, today.DayNumber - start.DayNumber);
        var span = due.DayNumber - start.DayNumber;
        var behindTimesSpan = (elapsed * 100L) - ((long)progress * span);
        if (behindTimesSpan > (long)thresholds.RedBehind * span)
        {
            return Light.Red;
        }

        return behindTimesSpan >= (long)thresholds.YellowBehind * span ? Light.Yellow : Light.Green;
    }
}
