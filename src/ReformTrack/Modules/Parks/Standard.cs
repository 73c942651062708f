using ReformTrack.Shared;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Modules.Parks;

/// <summary>How a criterion of a park standard is scored: from data the system holds, or by an assessor.</summary>
public enum StandardRule
{
    /// <summary>Annual output per km² of planned area against the target density; full points at the target.</summary>
    OutputDensity,

    /// <summary>Chain key enterprises located in the park against the target number; full points at the target.</summary>
    KeyEnterprises,

    /// <summary>Unresolved chief issues on the park: full points with none, nothing at the target number or more.</summary>
    OpenIssues,

    /// <summary>Measures of the park's chains due by the assessment date that were completed on time, as a share.</summary>
    ChainMeasuresOnTime,

    /// <summary>An assessor's points, 0 to the weight, with a note and optional evidence.</summary>
    Assessor,
}

public enum StandardStatus
{
    Draft,
    Published,
}

internal sealed record StandardCriterionInput(string? Key, string? Name, decimal Weight, StandardRule? Rule, decimal? Target = null);

/// <summary>
/// A park standard (园区标准化评价标准): a versioned checklist of weighted criteria, grade bands, and
/// when a low criterion calls for rectification. A published revision never changes; editing it
/// makes the next draft revision under the same code.
/// </summary>
internal sealed class Standard : IVersioned
{
    public const int CodeMaxLength = 40;

    public int Id { get; set; }
    public required string Code { get; set; }
    public int Revision { get; set; } = 1;
    public required string Title { get; set; }
    public StandardStatus Status { get; private set; } = StandardStatus.Draft;
    public decimal ExcellentFrom { get; private set; } = 90;
    public decimal GoodFrom { get; private set; } = 80;
    public decimal PassFrom { get; private set; } = 60;

    /// <summary>A criterion scoring below this share of its weight (0–1) raises a rectification item.</summary>
    public decimal RectifyBelow { get; private set; } = 0.6m;

    /// <summary>Days a park has to rectify, from the day the round is finalised.</summary>
    public int RectifyWithinDays { get; private set; } = 60;

    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public int Version { get; set; }
    public List<StandardCriterion> Criteria { get; set; } = [];

    public GradeBands Bands => new(ExcellentFrom, GoodFrom, PassFrom);

    public static Standard New(string? code, string? title, GradeBands bands, decimal rectifyBelow, int rectifyWithinDays,
        IEnumerable<StandardCriterionInput> criteria)
    {
        var standard = new Standard { Code = Fields.Required(code, CodeMaxLength, "code"), Title = "" };
        standard.Define(title, bands, rectifyBelow, rectifyWithinDays, criteria);
        return standard;
    }

    /// <summary>Sets the title, bands, rectification threshold and criteria of a draft.</summary>
    public void Define(string? title, GradeBands bands, decimal rectifyBelow, int rectifyWithinDays,
        IEnumerable<StandardCriterionInput> criteria)
    {
        EnsureDraft();
        var list = criteria.ToList();
        if (list.Count == 0)
        {
            throw new RuleViolation("StandardHasCriteria", "A standard has at least one criterion.", "criteria");
        }

        var defined = list.Select((c, i) => StandardCriterion.From(c, i)).ToList();
        if (defined.GroupBy(c => c.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new RuleViolation("CriterionKeyOncePerStandard", "Each criterion key appears once in a standard.",
                $"criteria[{twice.Last().SortOrder - 1}].key");
        }

        if (!(bands.ExcellentFrom > bands.GoodFrom && bands.GoodFrom > bands.PassFrom))
        {
            throw new RuleViolation("GradeBandsDescend",
                "The excellent band starts above the good band, and the good band above the pass band.", "bands");
        }

        if (rectifyBelow is < 0 or > 1)
        {
            throw new RuleViolation("RectificationThresholdIsAShare",
                "The rectification threshold is a share of a criterion's weight, from 0 to 1.", "rectifyBelow");
        }

        if (rectifyWithinDays is < 1 or > 365)
        {
            throw new RuleViolation("RectificationPeriodIsWithinAYear", "A park has from 1 to 365 days to rectify.",
                "rectifyWithinDays");
        }

        Title = Fields.Required(title, 200, "title");
        ExcellentFrom = bands.ExcellentFrom;
        GoodFrom = bands.GoodFrom;
        PassFrom = bands.PassFrom;
        RectifyBelow = rectifyBelow;
        RectifyWithinDays = rectifyWithinDays;
        Criteria.Clear();
        Criteria.AddRange(defined);
    }

    public void Publish(string by, DateTime nowUtc)
    {
        EnsureDraft();
        Status = StandardStatus.Published;
        PublishedAt = nowUtc;
        PublishedBy = by;
    }

    /// <summary>The next draft revision, a copy of this one to edit.</summary>
    public Standard NextDraft(int revision, DateTime nowUtc)
    {
        var draft = new Standard { Code = Code, Title = Title, Revision = revision, CreatedAt = nowUtc };
        draft.Define(Title, Bands, RectifyBelow, RectifyWithinDays, Criteria.OrderBy(c => c.SortOrder).Select(c => c.ToInput()));
        return draft;
    }

    public IReadOnlyList<ScoringCriterion> ScoringCriteria() =>
        Criteria.OrderBy(c => c.SortOrder).Select(c => c.ToScoring()).ToList();

    /// <summary>Whether <paramref name="points"/> on <paramref name="criterion"/> fall below the rectification threshold.</summary>
    public bool CallsForRectification(StandardCriterion criterion, decimal points) =>
        criterion.Weight > 0 && points < RectifyBelow * criterion.Weight;

    private void EnsureDraft()
    {
        if (Status == StandardStatus.Published)
        {
            throw new RuleViolation("PublishedStandardNeverChanges",
                "A published standard never changes; edit it to make a new draft revision.", "status");
        }
    }
}

/// <summary>One weighted criterion of a standard.</summary>
internal sealed class StandardCriterion
{
    public int Id { get; set; }
    public int StandardId { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }

    /// <summary>The most points the criterion gives.</summary>
    public decimal Weight { get; set; }

    public StandardRule Rule { get; set; }

    /// <summary>The figure that earns full points (density, enterprises) or none (open issues); unused otherwise.</summary>
    public decimal? Target { get; set; }

    public int SortOrder { get; set; }

    public bool ByAssessor => Rule == StandardRule.Assessor;

    public static bool NeedsTarget(StandardRule rule) =>
        rule is StandardRule.OutputDensity or StandardRule.KeyEnterprises or StandardRule.OpenIssues;

    public static StandardCriterion From(StandardCriterionInput input, int index)
    {
        var field = $"criteria[{index}]";
        var key = Fields.Required(input.Key, 40, field + ".key");
        if (!key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new RuleViolation("CriterionKeyIsPlain", "A criterion key is made of letters, digits, '-' and '_'.", field + ".key");
        }

        var rule = Fields.Required(input.Rule, field + ".rule");
        if (input.Weight <= 0 || input.Weight > 100)
        {
            throw new RuleViolation("CriterionWeightIsPositive", "A criterion's weight is more than 0 and at most 100 points.",
                field + ".weight");
        }

        if (NeedsTarget(rule) && input.Target is not > 0)
        {
            throw new RuleViolation("CriterionTargetIsGiven", "This rule needs a target above zero.", field + ".target");
        }

        return new StandardCriterion
        {
            Key = key,
            Name = Fields.Required(input.Name, 200, field + ".name"),
            Weight = input.Weight,
            Rule = rule,
            Target = NeedsTarget(rule) ? input.Target : null,
            SortOrder = index + 1,
        };
    }

    /// <summary>
    /// Data rules give the engine an achieved fraction (on-time measures a share, which with nothing due earns
    /// the full weight); an assessor gives points, kept within the weight.
    /// </summary>
    public ScoringCriterion ToScoring() => Rule switch
    {
        StandardRule.Assessor => new ScoringCriterion(Key, ScoreRule.Points, Weight, Cap: Weight),
        StandardRule.ChainMeasuresOnTime => new ScoringCriterion(Key, ScoreRule.Rate, Weight),
        _ => new ScoringCriterion(Key, ScoreRule.Achieved, Weight),
    };

    public StandardCriterionInput ToInput() => new(Key, Name, Weight, Rule, Target);
}
