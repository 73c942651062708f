using ReformTrack.Shared;

namespace ReformTrack.Modules.Indicators;

/// <summary>What an indicator is: the fields the office edits, checked together by <see cref="Indicator.Describe"/>.</summary>
internal sealed record IndicatorInput
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? UnitOfMeasure { get; init; }
    public Direction? Direction { get; init; }
    public DateOnly? BaselineOn { get; init; }
    public double? BaselineValue { get; init; }
    public DateOnly? TargetOn { get; init; }
    public double? TargetValue { get; init; }
    public IReadOnlyList<DatedValue> TrajectoryPoints { get; init; } = [];
    public RollUpMethod RollUp { get; init; } = RollUpMethod.Sum;
    public int? UnitId { get; init; }
    public bool Published { get; init; }
    public IReadOnlyList<int> ObjectiveIds { get; init; } = [];
    public IReadOnlyList<int> MeasureIds { get; init; } = [];
}

/// <summary>
/// An outcome the programme means to move: a baseline, a target, a planned trajectory between them,
/// and dated observations, of the whole area (no unit) or of one unit (a district) whose values roll up.
/// Linked to the objectives it measures and the measures that should move it, by id.
/// </summary>
internal sealed class Indicator : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string UnitOfMeasure { get; set; }
    public Direction Direction { get; set; }
    public DateOnly BaselineOn { get; set; }
    public double BaselineValue { get; set; }
    public DateOnly TargetOn { get; set; }
    public double TargetValue { get; set; }
    public RollUpMethod RollUp { get; set; }

    /// <summary>The unit responsible for the indicator; a user sees the indicators of units in their subtree.</summary>
    public int UnitId { get; set; }

    /// <summary>Shown on the public portal only when the office has published it.</summary>
    public bool Published { get; set; }

    public int Version { get; set; }

    public List<TrajectoryPoint> TrajectoryPoints { get; } = [];
    public List<Observation> Observations { get; } = [];
    public List<IndicatorObjective> Objectives { get; } = [];
    public List<IndicatorMeasure> Measures { get; } = [];

    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 300;
    public const int UnitOfMeasureMaxLength = 64;

    public Trajectory Trajectory => new(new DatedValue(BaselineOn, BaselineValue), new DatedValue(TargetOn, TargetValue),
        TrajectoryPoints.Select(p => new DatedValue(p.On, p.Value)).ToList());

    public static Indicator New(IndicatorInput input)
    {
        var indicator = new Indicator { Code = "", Name = "", UnitOfMeasure = "" };
        indicator.Describe(input);
        return indicator;
    }

    public void Describe(IndicatorInput input)
    {
        Code = Fields.Required(input.Code, CodeMaxLength, "code");
        Name = Fields.Required(input.Name, NameMaxLength, "name");
        UnitOfMeasure = Fields.Required(input.UnitOfMeasure, UnitOfMeasureMaxLength, "unitOfMeasure");
        Direction = Fields.Required(input.Direction, "direction");
        BaselineOn = Fields.Required(input.BaselineOn, "baselineOn");
        BaselineValue = Finite(Fields.Required(input.BaselineValue, "baselineValue"), "baselineValue");
        TargetOn = Fields.Required(input.TargetOn, "targetOn");
        TargetValue = Finite(Fields.Required(input.TargetValue, "targetValue"), "targetValue");
        if (TargetOn <= BaselineOn)
        {
            throw new RuleViolation("TargetDateFollowsBaselineDate", "The target date must be after the baseline date.", "targetOn");
        }

        var points = input.TrajectoryPoints.OrderBy(p => p.On).ToList();
        foreach (var point in points)
        {
            if (point.On <= BaselineOn || point.On >= TargetOn)
            {
                throw new RuleViolation("TrajectoryPointsLieBetweenBaselineAndTarget",
                    "Each point of the planned trajectory lies after the baseline date and before the target date.", "trajectoryPoints");
            }

            Finite(point.Value, "trajectoryPoints");
        }

        if (points.Select(p => p.On).Distinct().Count() != points.Count)
        {
            throw new RuleViolation("TrajectoryHasOnePointPerDate", "The planned trajectory has one point a date.", "trajectoryPoints");
        }

        RollUp = input.RollUp;
        UnitId = Fields.Required(input.UnitId, "unitId");
        Published = input.Published;

        TrajectoryPoints.Clear();
        TrajectoryPoints.AddRange(points.Select(p => new TrajectoryPoint { On = p.On, Value = p.Value }));
        Objectives.RemoveAll(o => !input.ObjectiveIds.Contains(o.ObjectiveId));
        Objectives.AddRange(input.ObjectiveIds.Distinct().Where(id => Objectives.All(o => o.ObjectiveId != id))
            .Select(id => new IndicatorObjective { ObjectiveId = id }));
        Measures.RemoveAll(m => !input.MeasureIds.Contains(m.MeasureId));
        Measures.AddRange(input.MeasureIds.Distinct().Where(id => Measures.All(m => m.MeasureId != id))
            .Select(id => new IndicatorMeasure { MeasureId = id }));
    }

    /// <summary>
    /// Records a value observed on a date, of the whole area (<paramref name="unitId"/> null) or of one unit.
    /// A weighted average needs each unit's weight. One value a date and unit: a correction is an edit.
    /// </summary>
    public Observation Record(DateOnly on, double? value, int? unitId, double? weight, string? source, string recordedBy,
        DateTime nowUtc)
    {
        var observed = Finite(Fields.Required(value, "value"), "value");
        if (unitId is not null && RollUp == RollUpMethod.WeightedAverage && weight is not > 0)
        {
            throw new RuleViolation("WeightedRollUpNeedsAPositiveWeight",
                "This indicator rolls up by weighted average: a unit's value needs a weight above zero.", "weight");
        }

        if (Observations.Any(o => o.On == on && o.UnitId == unitId))
        {
            throw new RuleViolation("ObservationIsOncePerDateAndUnit",
                $"There is already a value for {on:yyyy-MM-dd} of this unit.", "on", on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        var observation = new Observation
        {
            On = on,
            Value = observed,
            UnitId = unitId,
            Weight = unitId is null ? null : weight,
            Source = Fields.Optional(source, Observation.SourceMaxLength, "source"),
            RecordedBy = recordedBy,
            RecordedAt = nowUtc,
        };
        Observations.Add(observation);
        return observation;
    }

    /// <summary>
    /// The whole area's values in date order: a value observed for the whole area where there is one,
    /// else the units' values of that date rolled up by <see cref="RollUp"/>.
    /// </summary>
    public IReadOnlyList<DatedValue> Actuals() => Actuals(RollUp, Observations);

    public static IReadOnlyList<DatedValue> Actuals(RollUpMethod method, IEnumerable<Observation> observations) =>
        observations.GroupBy(o => o.On).OrderBy(g => g.Key)
            .Select(g => g.FirstOrDefault(o => o.UnitId is null) is { } whole
                ? new DatedValue(g.Key, whole.Value)
                : Indicators.RollUp.Combine(method, g.Select(o => new UnitValue(o.Value, o.Weight)).ToList()) is { } combined
                    ? new DatedValue(g.Key, combined)
                    : default)
            .Where(v => v != default)
            .ToList();

    public IndicatorStatus StatusOn(DateOnly asOf, StatusThresholds thresholds) =>
        TrajectoryStatus.Compute(Trajectory, Direction, Actuals(), asOf, thresholds);

    private static double Finite(double value, string field) =>
        double.IsFinite(value) ? value : throw new RuleViolation("ValueIsANumber", "The value must be a number.", field);
}

/// <summary>A point of a custom planned trajectory.</summary>
internal sealed class TrajectoryPoint
{
    public int IndicatorId { get; set; }
    public DateOnly On { get; set; }
    public double Value { get; set; }
}

/// <summary>A value of an indicator observed on a date, of the whole area or of one unit, with its source.</summary>
internal sealed class Observation
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public DateOnly On { get; set; }
    public double Value { get; set; }
    public int? UnitId { get; set; }
    public double? Weight { get; set; }
    public string? Source { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }

    public const int SourceMaxLength = 300;
}

internal sealed class IndicatorObjective
{
    public int IndicatorId { get; set; }
    public int ObjectiveId { get; set; }
}

internal sealed class IndicatorMeasure
{
    public int IndicatorId { get; set; }
    public int MeasureId { get; set; }
}
