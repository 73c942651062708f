namespace ReformTrack.Modules.Supervision;

/// <summary>
/// The thresholds of the daily rules, bound from <c>Supervision</c> in configuration. An automatic
/// item that stays unanswered climbs the ladder: a warning notice after <see cref="WarningAfterDays"/>
/// days open, a leader's instruction after <see cref="InstructionAfterDays"/>.
/// </summary>
internal sealed record SupervisionOptions
{
    public int WarningAfterDays { get; init; } = 7;
    public int InstructionAfterDays { get; init; } = 14;

    /// <summary>A month's report is due by this day of the next month; after it, a missing report opens an item.</summary>
    public int ReportDueDay { get; init; } = 10;

    /// <summary>A pilot's evaluation shows in its holder's inbox this many days ahead (and while overdue).</summary>
    public int PilotEvaluationWithinDays { get; init; } = 30;

    /// <summary>When the daily job runs (server time, HH:mm).</summary>
    public string DailyAt { get; init; } = "06:00";

    /// <summary>False: no scheduler; the rules run only on demand (API, command line).</summary>
    public bool Schedule { get; init; } = true;

    public static SupervisionOptions Default { get; } = new();

    public SupervisionLevel LevelAfter(int daysOpen) =>
        daysOpen >= InstructionAfterDays ? SupervisionLevel.Instruction
        : daysOpen >= WarningAfterDays ? SupervisionLevel.Warning
        : SupervisionLevel.Reminder;

    /// <summary>The month whose report must be in by <paramref name="today"/>, as yyyy-MM, and its last day.</summary>
    public (string Period, DateOnly LastDay) PeriodDue(DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(today.Day > ReportDueDay ? -1 : -2);
        return (month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), month.AddMonths(1).AddDays(-1));
    }
}
