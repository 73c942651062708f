using ReformTrack.Shared;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Modules.Appraisal;

internal enum RunStatus
{
    Draft,
    Published,

    /// <summary>A published edition replaced by a later one after an appeal; kept and viewable.</summary>
    Superseded,
}

/// <summary>
/// A scheme revision run over a period for the units directly under a root unit. Its raw values are
/// stored when it is computed, so its scores only change through a manual adjustment (while a draft)
/// or an accepted appeal (a new published edition; this one is kept as superseded).
/// </summary>
internal sealed class AppraisalRun : IVersioned
{
    public int Id { get; set; }
    public int SchemeId { get; set; }
    public required string SchemeCode { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public int RootUnitId { get; set; }

    /// <summary>The kind of unit appraised among the root's children (e.g. DistrictOffice); null: all children.</summary>
    public string? SubjectKind { get; set; }

    public RunStatus Status { get; private set; } = RunStatus.Draft;

    /// <summary>1 for a first run; an accepted appeal makes edition n + 1 of the same series.</summary>
    public int Edition { get; set; } = 1;

    /// <summary>The first edition's id; null on the first edition itself.</summary>
    public int? FirstRunId { get; set; }

    public int? PreviousRunId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public int Version { get; set; }

    public List<AppraisalResult> Results { get; set; } = [];
    public List<AppraisalValue> Values { get; set; } = [];

    public int SeriesId => FirstRunId ?? Id;

    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && from <= To;

    public static void CheckPeriod(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new RuleViolation("AppraisalPeriodEndsAfterItStarts", "The period ends on or after the day it starts.", "to");
        }
    }

    public void Publish(string by, DateTime nowUtc, SchemeStatus schemeStatus)
    {
        EnsureDraft();
        if (schemeStatus != SchemeStatus.Published)
        {
            throw new RuleViolation("RunIsPublishedWithAPublishedScheme",
                "Publish the scheme before publishing a run of it.", "schemeId");
        }

        Status = RunStatus.Published;
        PublishedAt = nowUtc;
        PublishedBy = by;
    }

    public void Supersede()
    {
        if (Status != RunStatus.Published)
        {
            throw new InvalidOperationException("Only the published edition is superseded.");
        }

        Status = RunStatus.Superseded;
    }

    public void EnsureDraft()
    {
        if (Status != RunStatus.Draft)
        {
            throw new RuleViolation("PublishedRunIsFrozen",
                "A published appraisal is frozen; a score changes only through an appeal.");
        }
    }

    /// <summary>The next published edition: the same inputs, with the values the caller corrects.</summary>
    public AppraisalRun NextEdition(string by, DateTime nowUtc) => new()
    {
        SchemeId = SchemeId,
        SchemeCode = SchemeCode,
        From = From,
        To = To,
        RootUnitId = RootUnitId,
        SubjectKind = SubjectKind,
        Status = RunStatus.Published,
        Edition = Edition + 1,
        FirstRunId = SeriesId,
        PreviousRunId = Id,
        CreatedAt = nowUtc,
        CreatedBy = by,
        PublishedAt = nowUtc,
        PublishedBy = by,
        Values = Values.Select(v => v.Copy()).ToList(),
    };

    /// <summary>Scores every unit from the stored values and replaces the results (rank, grade, contributions).</summary>
    public void Score(AppraisalScheme scheme, IReadOnlyDictionary<int, (string Code, string Name)> units)
    {
        var criteria = scheme.ScoringCriteria();
        var subjects = units.Select(u => new SubjectInput(u.Key, u.Value.Code,
            Values.Where(v => v.UnitId == u.Key).ToDictionary(v => v.Kind.ToString(), v => v.Raw)));
        var scored = ScoringEngine.Score(criteria, scheme.Bands, subjects);
        foreach (var subject in scored)
        {
            var result = Results.FirstOrDefault(r => r.UnitId == subject.SubjectId);
            if (result is null)
            {
                result = new AppraisalResult
                {
                    UnitId = subject.SubjectId,
                    UnitCode = units[subject.SubjectId].Code,
                    UnitName = units[subject.SubjectId].Name,
                };
                Results.Add(result);
            }

            result.Score = subject.Score;
            result.Rank = subject.Rank;
            result.Grade = subject.Grade;
            foreach (var part in subject.Criteria)
            {
                var kind = Enum.Parse<CriterionKind>(part.Key);
                var value = Values.FirstOrDefault(v => v.UnitId == subject.SubjectId && v.Kind == kind);
                if (value is null)
                {
                    value = new AppraisalValue { UnitId = subject.SubjectId, Kind = kind };
                    Values.Add(value);
                }

                value.Contribution = part.Contribution;
            }
        }
    }
}

/// <summary>One unit's place in a run.</summary>
internal sealed class AppraisalResult
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public int UnitId { get; set; }
    public required string UnitCode { get; set; }
    public required string UnitName { get; set; }
    public decimal Score { get; set; }
    public int Rank { get; set; }
    public Grade Grade { get; set; }
}

/// <summary>
/// One unit's input for one criterion, as snapshotted when the run was computed: the raw value
/// (a rate, a count, points) and, for rates, the counts behind it.
/// </summary>
internal sealed class AppraisalValue
{
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }
    public int RunId { get; set; }
    public int UnitId { get; set; }
    public CriterionKind Kind { get; set; }
    public decimal? Raw { get; set; }
    public int? Numerator { get; set; }
    public int? Denominator { get; set; }
    public decimal Contribution { get; set; }

    /// <summary>Why the value is what it is when a person set it: an adjustment's reason, an appeal's decision.</summary>
    public string? Note { get; set; }

    public AppraisalValue Copy() => new()
    {
        UnitId = UnitId,
        Kind = Kind,
        Raw = Raw,
        Numerator = Numerator,
        Denominator = Denominator,
        Contribution = Contribution,
        Note = Note,
    };
}
