namespace ReformTrack.Modules.Indicators;

/// <summary>Which way is better for an indicator.</summary>
internal enum Direction
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>How the values of the units (districts) add up to the whole area's value.</summary>
internal enum RollUpMethod
{
    Sum,
    Average,
    WeightedAverage,
}

/// <summary>How an indicator's latest value compares with where its planned trajectory has it.</summary>
internal enum IndicatorStatus
{
    NoData,
    OnTrack,
    AtRisk,
    OffTrack,
}

/// <summary>A dated value: a baseline, a target, a point of the plan or an observation.</summary>
internal readonly record struct DatedValue(DateOnly On, double Value);

/// <summary>
/// How far behind the planned trajectory (in percent of the planned change from baseline to target)
/// turns an indicator at risk, and how far off track. Bound from <c>Indicators:Status</c>.
/// </summary>
internal sealed record StatusThresholds
{
    public double AtRiskBehind { get; init; } = 5;
    public double OffTrackBehind { get; init; } = 15;

    public static StatusThresholds Default { get; } = new();
}

/// <summary>
/// The planned path from baseline to target: straight by default, or through the office's own points
/// (each between the two dates), straight between neighbours. Before the baseline date the plan is the
/// baseline; after the target date, the target.
/// </summary>
internal sealed record Trajectory(DatedValue Baseline, DatedValue Target, IReadOnlyList<DatedValue> Points)
{
    public static Trajectory Linear(DatedValue baseline, DatedValue target) => new(baseline, target, []);

    /// <summary>Baseline, the custom points in date order, target.</summary>
    public IReadOnlyList<DatedValue> Nodes =>
        [Baseline, .. Points.OrderBy(p => p.On), Target];

    public double PlannedAt(DateOnly on)
    {
        var nodes = Nodes;
        if (on <= nodes[0].On)
        {
            return nodes[0].Value;
        }

        for (var i = 1; i < nodes.Count; i++)
        {
            if (on <= nodes[i].On)
            {
                var (from, to) = (nodes[i - 1], nodes[i]);
                var span = to.On.DayNumber - from.On.DayNumber;
                return span == 0 ? to.Value : from.Value + ((to.Value - from.Value) * (on.DayNumber - from.On.DayNumber) / span);
            }
        }

        return nodes[^1].Value;
    }
}

/// <summary>
/// The status is computed, never typed: the latest value on or before the day is compared with the
/// plan on the date it was observed. The shortfall (in the indicator's bad direction) as a percent of
/// the whole planned change gives on track, at risk (from <see cref="StatusThresholds.AtRiskBehind"/>)
/// or off track (beyond <see cref="StatusThresholds.OffTrackBehind"/>).
/// </summary>
internal static class TrajectoryStatus
{
    public static IndicatorStatus Compute(Trajectory trajectory, Direction direction, IEnumerable<DatedValue> actuals,
        DateOnly asOf, StatusThresholds thresholds)
    {
        var latest = actuals.Where(a => a.On <= asOf).OrderBy(a => a.On).LastOrDefault();
        return latest == default ? IndicatorStatus.NoData : Compute(trajectory, direction, latest, thresholds);
    }

    public static IndicatorStatus Compute(Trajectory trajectory, Direction direction, DatedValue actual, StatusThresholds thresholds)
    {
        var behind = BehindPercent(trajectory, direction, actual);
        if (behind > thresholds.OffTrackBehind)
        {
            return IndicatorStatus.OffTrack;
        }

        return behind > thresholds.AtRiskBehind ? IndicatorStatus.AtRisk : IndicatorStatus.OnTrack;
    }

    /// <summary>How far the actual value falls short of the plan, in percent of the planned change (negative: ahead).</summary>
    public static double BehindPercent(Trajectory trajectory, Direction direction, DatedValue actual)
    {
        var planned = trajectory.PlannedAt(actual.On);
        var shortfall = direction == Direction.HigherIsBetter ? planned - actual.Value : actual.Value - planned;
        var change = Math.Abs(trajectory.Target.Value - trajectory.Baseline.Value);
        // A target that holds the baseline is measured against the baseline's own size.
        var scale = change > 0 ? change : Math.Max(Math.Abs(trajectory.Baseline.Value), 1);
        return shortfall * 100 / scale;
    }
}

/// <summary>One unit's value and, for a weighted average, its weight (e.g. its population).</summary>
internal readonly record struct UnitValue(double Value, double? Weight);

/// <summary>How district values add up to the city's: by sum, average, or average weighted by each unit's weight.</summary>
internal static class RollUp
{
    public static double? Combine(RollUpMethod method, IReadOnlyCollection<UnitValue> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        switch (method)
        {
            case RollUpMethod.Sum:
                return values.Sum(v => v.Value);
            case RollUpMethod.Average:
                return values.Average(v => v.Value);
            default:
                var weight = values.Sum(v => v.Weight ?? 0);
                return weight > 0 ? values.Sum(v => v.Value * (v.Weight ?? 0)) / weight : null;
        }
    }
}
