using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

/// <summary>The level of government that grants a pilot or awards an honour.</summary>
internal enum GrantLevel
{
    National,
    Provincial,
    Municipal,
}

internal enum PilotStatus
{
    Applied,
    Granted,
    UnderEvaluation,
    Passed,
    Failed,
    Withdrawn,
}

/// <summary>
/// A pilot (试点) granted by a higher level to a unit or to a named area: its period, what it
/// obliges the holder to do, and how its evaluation went. Status moves only along
/// <see cref="Allowed"/>; the dates each status needs are checked where the status is set.
/// </summary>
internal sealed class Pilot : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public GrantLevel Level { get; set; }
    public required string GrantingBody { get; set; }

    /// <summary>The unit that holds the pilot; null when the holder is only a named area.</summary>
    public int? HolderUnitId { get; set; }

    public string? HolderArea { get; set; }
    public DateOnly? GrantedOn { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public string? Obligations { get; set; }
    public PilotStatus Status { get; set; }
    public DateOnly? EvaluationDueOn { get; set; }
    public DateOnly? EvaluatedOn { get; set; }
    public string? EvaluationOutcome { get; set; }
    public int Version { get; set; }
    public List<PilotMeasure> Measures { get; set; } = [];

    /// <summary>Where each status may go next. Passed, failed and withdrawn are final.</summary>
    public static readonly IReadOnlyDictionary<PilotStatus, PilotStatus[]> Allowed = new Dictionary<PilotStatus, PilotStatus[]>
    {
        [PilotStatus.Applied] = [PilotStatus.Granted, PilotStatus.Withdrawn],
        [PilotStatus.Granted] = [PilotStatus.UnderEvaluation, PilotStatus.Withdrawn],
        [PilotStatus.UnderEvaluation] = [PilotStatus.Passed, PilotStatus.Failed],
        [PilotStatus.Passed] = [],
        [PilotStatus.Failed] = [],
        [PilotStatus.Withdrawn] = [],
    };

    public static Pilot New(PilotDescription description, PilotStatus? status)
    {
        var initial = status ?? PilotStatus.Applied;
        if (initial is not (PilotStatus.Applied or PilotStatus.Granted))
        {
            throw new RuleViolation("PilotStartsAppliedOrGranted",
                "A new pilot is applied for or granted; it reaches later states through its lifecycle.", "status");
        }

        var pilot = new Pilot { Name = "", GrantingBody = "", Status = initial };
        pilot.Describe(description);
        pilot.CheckDatesOfStatus();
        return pilot;
    }

    public void Describe(PilotDescription d)
    {
        Name = Fields.Required(d.Name, 300, "name");
        Level = Fields.Required(d.Level, "level");
        GrantingBody = Fields.Required(d.GrantingBody, 200, "grantingBody");
        HolderUnitId = d.HolderUnitId;
        HolderArea = Fields.Optional(d.HolderArea, 200, "holderArea");
        if (HolderUnitId is null && HolderArea is null)
        {
            throw new RuleViolation("PilotHasAHolder", "A pilot is held by a unit or by a named area.", "holderUnitId");
        }

        GrantedOn = d.GrantedOn;
        PeriodStart = d.PeriodStart;
        PeriodEnd = d.PeriodEnd;
        if (PeriodStart is { } start && PeriodEnd is { } end && end < start)
        {
            throw new RuleViolation("PilotPeriodEndsAfterItStarts", "The pilot's period ends after it starts.", "periodEnd");
        }

        Obligations = Fields.Optional(d.Obligations, 4000, "obligations");
        EvaluationDueOn = d.EvaluationDueOn;
        EvaluatedOn = d.EvaluatedOn;
        EvaluationOutcome = Fields.Optional(d.EvaluationOutcome, 2000, "evaluationOutcome");
        if (GrantedOn is { } granted && EvaluatedOn is { } evaluated && evaluated < granted)
        {
            throw new RuleViolation("PilotIsEvaluatedAfterItIsGranted", "A pilot is evaluated after it is granted.", "evaluatedOn");
        }
    }

    /// <summary>Moves the pilot to <paramref name="next"/> when the lifecycle allows it; the same status is no change.</summary>
    public void MoveTo(PilotStatus next)
    {
        if (next != Status && !Allowed[Status].Contains(next))
        {
            throw new RuleViolation("PilotStatusFollowsItsLifecycle",
                $"A pilot cannot go from {Status} to {next}.", "status", Status, next);
        }

        Status = next;
        CheckDatesOfStatus();
    }

    /// <summary>A granted pilot has a grant date; a passed or failed one has an evaluation date.</summary>
    private void CheckDatesOfStatus()
    {
        if (Status is not (PilotStatus.Applied or PilotStatus.Withdrawn) && GrantedOn is null)
        {
            throw new RuleViolation("GrantedPilotHasAGrantDate", "A granted pilot has the date it was granted.", "grantedOn");
        }

        if (Status is PilotStatus.Passed or PilotStatus.Failed && EvaluatedOn is null)
        {
            throw new RuleViolation("EvaluatedPilotHasAnEvaluationDate",
                "A pilot that passed or failed has the date of its evaluation.", "evaluatedOn");
        }
    }

    /// <summary>Granted or under evaluation, with an evaluation due by <paramref name="by"/> (overdue ones included).</summary>
    public bool IsDueForEvaluation(DateOnly by) =>
        Status is PilotStatus.Granted or PilotStatus.UnderEvaluation && EvaluationDueOn is { } due && due <= by;

    public void LinkMeasures(IReadOnlyCollection<int> measureIds)
    {
        Measures.RemoveAll(m => !measureIds.Contains(m.MeasureId));
        foreach (var id in measureIds.Where(id => Measures.TrueForAll(m => m.MeasureId != id)))
        {
            Measures.Add(new PilotMeasure { PilotId = Id, MeasureId = id });
        }
    }
}

/// <summary>What describes a pilot apart from its status.</summary>
internal sealed record PilotDescription(
    string? Name,
    GrantLevel? Level,
    string? GrantingBody,
    int? HolderUnitId,
    string? HolderArea,
    DateOnly? GrantedOn,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    string? Obligations,
    DateOnly? EvaluationDueOn,
    DateOnly? EvaluatedOn,
    string? EvaluationOutcome);

/// <summary>A ledger measure that carries out part of a pilot (by id).</summary>
internal sealed class PilotMeasure
{
    public int PilotId { get; set; }
    public int MeasureId { get; set; }
}
