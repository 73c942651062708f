using ReformTrack.Shared;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Modules.Appraisal;

/// <summary>What a criterion measures; each kind appears at most once in a scheme.</summary>
internal enum CriterionKind
{
    /// <summary>Measures due in the period that were completed by its end, as a share of those due.</summary>
    CompletionRate,

    /// <summary>Measures completed in the period on or before their due date, as a share of those completed.</summary>
    OnTimeRate,

    /// <summary>Reports on the period's months submitted by the deadline day of the next month, as a share of all.</summary>
    ReportPunctuality,

    /// <summary>Reports on the period's months accepted, as a share of those accepted or returned.</summary>
    ReviewQuality,

    /// <summary>Days measures spent overdue in the period (measure-days), points off per day, capped.</summary>
    OverduePenalty,

    /// <summary>Pilots granted in the period, points per pilot, capped.</summary>
    PilotBonus,

    /// <summary>Cases and honours won in the period, points per case, capped.</summary>
    CaseBonus,

    /// <summary>Replications of the unit's innovations in the period, points per replication, capped.</summary>
    ReplicationBonus,

    /// <summary>Points the office adds or takes off a unit, each time with a reason.</summary>
    ManualAdjustment,
}

internal enum SchemeStatus
{
    Draft,
    Published,
}

/// <summary>
/// A versioned appraisal scheme (考评办法): weighted criteria and grade bands. A published revision
/// never changes; editing it makes the next draft revision under the same code.
/// </summary>
internal sealed class AppraisalScheme : IVersioned
{
    public const int CodeMaxLength = 40;
    public const int TitleMaxLength = 200;

    public int Id { get; set; }
    public required string Code { get; set; }
    public int Revision { get; set; } = 1;
    public required string Title { get; set; }
    public SchemeStatus Status { get; private set; } = SchemeStatus.Draft;
    public decimal ExcellentFrom { get; private set; } = 90;
    public decimal GoodFrom { get; private set; } = 80;
    public decimal PassFrom { get; private set; } = 60;
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public int Version { get; set; }
    public List<SchemeCriterion> Criteria { get; set; } = [];

    public GradeBands Bands => new(ExcellentFrom, GoodFrom, PassFrom);

    public static AppraisalScheme New(string? code, string? title, GradeBands bands, IEnumerable<CriterionInput> criteria)
    {
        var scheme = new AppraisalScheme { Code = Fields.Required(code, CodeMaxLength, "code"), Title = "" };
        scheme.Define(title, bands, criteria);
        return scheme;
    }

    /// <summary>Sets the title, bands and criteria of a draft; a published revision is never changed.</summary>
    public void Define(string? title, GradeBands bands, IEnumerable<CriterionInput> criteria)
    {
        EnsureDraft();
        var list = criteria.ToList();
        if (list.Count == 0)
        {
            throw new RuleViolation("SchemeHasCriteria", "A scheme has at least one criterion.", "criteria");
        }

        if (list.GroupBy(c => c.Kind).Any(g => g.Count() > 1))
        {
            throw new RuleViolation("CriterionKindOncePerScheme", "Each kind of criterion appears once in a scheme.", "criteria");
        }

        if (list.Any(c => c.Weight < 0 || c.PointsPerItem < 0 || c.Cap < 0))
        {
            throw new RuleViolation("CriterionFiguresAreNotNegative",
                "Weights, points per item and caps are zero or more.", "criteria");
        }

        if (list.Any(c => c.DeadlineDay is < 1 or > 28))
        {
            throw new RuleViolation("ReportDeadlineDayIsInTheMonth",
                "The report deadline is a day from 1 to 28 of the following month.", "criteria");
        }

        if (!(bands.ExcellentFrom > bands.GoodFrom && bands.GoodFrom > bands.PassFrom))
        {
            throw new RuleViolation("GradeBandsDescend",
                "The excellent band starts above the good band, and the good band above the pass band.", "bands");
        }

        Title = Fields.Required(title, TitleMaxLength, "title");
        ExcellentFrom = bands.ExcellentFrom;
        GoodFrom = bands.GoodFrom;
        PassFrom = bands.PassFrom;
        Criteria.Clear();
        Criteria.AddRange(list.Select((c, i) => new SchemeCriterion
        {
            Kind = c.Kind,
            Weight = c.Weight,
            PointsPerItem = c.PointsPerItem,
            Cap = c.Cap,
            DeadlineDay = c.Kind == CriterionKind.ReportPunctuality ? c.DeadlineDay ?? SchemeCriterion.DefaultDeadlineDay : null,
            SortOrder = i + 1,
        }));
    }

    public void Publish(string by, DateTime nowUtc)
    {
        EnsureDraft();
        Status = SchemeStatus.Published;
        PublishedAt = nowUtc;
        PublishedBy = by;
    }

    /// <summary>The next draft revision, a copy of this one to edit.</summary>
    public AppraisalScheme NextDraft(int revision, DateTime nowUtc)
    {
        var draft = new AppraisalScheme { Code = Code, Title = Title, Revision = revision, CreatedAt = nowUtc };
        draft.Define(Title, Bands, Criteria.OrderBy(c => c.SortOrder).Select(c => c.ToInput()));
        return draft;
    }

    public IReadOnlyList<ScoringCriterion> ScoringCriteria() =>
        Criteria.OrderBy(c => c.SortOrder).Select(c => c.ToScoring()).ToList();

    private void EnsureDraft()
    {
        if (Status == SchemeStatus.Published)
        {
            throw new RuleViolation("PublishedSchemeNeverChanges",
                "A published scheme never changes; edit it to make a new draft revision.");
        }
    }
}

/// <summary>One weighted criterion of a scheme.</summary>
internal sealed class SchemeCriterion
{
    public const int DefaultDeadlineDay = 5;

    public int Id { get; set; }
    public int SchemeId { get; set; }
    public CriterionKind Kind { get; set; }

    /// <summary>Rates: the points a rate of 1 earns. Bonuses, penalty and adjustment: unused.</summary>
    public decimal Weight { get; set; }

    /// <summary>Bonuses and the overdue penalty: points per item (per pilot, per measure-day …).</summary>
    public decimal PointsPerItem { get; set; }

    /// <summary>Bonuses and penalty: the most points; adjustment: the most points either way. Null: no cap.</summary>
    public decimal? Cap { get; set; }

    /// <summary>Report punctuality: a report on a month is on time when submitted by this day of the next month (UTC).</summary>
    public int? DeadlineDay { get; set; }

    public int SortOrder { get; set; }

    public static ScoreRule RuleOf(CriterionKind kind) => kind switch
    {
        CriterionKind.CompletionRate or CriterionKind.OnTimeRate or CriterionKind.ReportPunctuality
            or CriterionKind.ReviewQuality => ScoreRule.Rate,
        CriterionKind.OverduePenalty => ScoreRule.Penalty,
        CriterionKind.ManualAdjustment => ScoreRule.Points,
        _ => ScoreRule.Bonus,
    };

    public ScoringCriterion ToScoring() => new(Kind.ToString(), RuleOf(Kind), Weight, PointsPerItem, Cap);

    public CriterionInput ToInput() => new(Kind, Weight, PointsPerItem, Cap, DeadlineDay);
}

internal sealed record CriterionInput(CriterionKind Kind, decimal Weight = 0, decimal PointsPerItem = 0, decimal? Cap = null,
    int? DeadlineDay = null);
