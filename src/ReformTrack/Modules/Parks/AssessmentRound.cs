using ReformTrack.Shared;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Modules.Parks;

public enum RoundStatus
{
    Open,
    Finalised,
}

/// <summary>What the data rules of a standard read about one park, gathered for all parks of a round at once.</summary>
internal sealed record ParkFigures(int ParkId, double? AnnualOutput, double? AreaKm2, int KeyEnterprises, int OpenIssues,
    int MeasuresDue, int MeasuresOnTime)
{
    /// <summary>The raw value a data rule gives the scoring engine; assessor criteria are entered, not computed.</summary>
    public decimal? RawFor(StandardCriterion criterion)
    {
        var target = criterion.Target ?? 0;
        return criterion.Rule switch
        {
            StandardRule.OutputDensity => AnnualOutput is { } o && AreaKm2 is > 0 && target > 0
                ? ScoringEngine.RoundRate(Math.Min(1m, (decimal)o / (decimal)AreaKm2.Value / target))
                : null,
            StandardRule.KeyEnterprises => target > 0 ? ScoringEngine.RoundRate(Math.Min(1m, KeyEnterprises / target)) : null,
            StandardRule.OpenIssues => target > 0 ? ScoringEngine.RoundRate(Math.Max(0m, 1m - OpenIssues / target)) : null,
            StandardRule.ChainMeasuresOnTime => ScoringEngine.Rate(MeasuresOnTime, MeasuresDue),
            _ => null,
        };
    }
}

/// <summary>A park taking part in a round; its score, rank and grade are kept when the round is finalised.</summary>
internal sealed class AssessedPark
{
    public int RoundId { get; set; }
    public int ParkId { get; set; }
    public decimal? Score { get; set; }
    public int? Rank { get; set; }
    public Grade? Grade { get; set; }
}

/// <summary>An assessor's points for one park on one criterion, with the note that justifies them.</summary>
internal sealed class AssessorScore
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int ParkId { get; set; }
    public required string CriterionKey { get; set; }
    public decimal Points { get; set; }
    public required string Note { get; set; }
    public DateTime EnteredAt { get; set; }
    public required string EnteredBy { get; set; }
}

/// <summary>One criterion's raw value and points for one park, as finalised.</summary>
internal sealed class AssessmentValue
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int ParkId { get; set; }
    public required string CriterionKey { get; set; }
    public decimal? Raw { get; set; }
    public decimal Points { get; set; }
}

/// <summary>
/// A rectification a finalised round asked of a park for a low criterion. The item itself is a chief
/// issue on the park's chief assignment (Chiefs module, by id), so it follows the issue's life and escalation.
/// </summary>
internal sealed class ParkRectification
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int ParkId { get; set; }
    public required string CriterionKey { get; set; }
    public int ChiefIssueId { get; set; }
}

/// <summary>
/// A standardisation assessment round: a published standard revision applied to parks on a date.
/// Assessors enter their criteria while it is open; finalising keeps every park's breakdown, score,
/// rank and grade, and locks the round.
/// </summary>
internal sealed class AssessmentRound : IVersioned
{
    public int Id { get; set; }
    public int StandardId { get; set; }
    public required string Title { get; set; }
    public DateOnly AssessedOn { get; set; }
    public RoundStatus Status { get; private set; } = RoundStatus.Open;
    public DateTime? FinalisedAt { get; private set; }
    public string? FinalisedBy { get; private set; }
    public int Version { get; set; }
    public List<AssessedPark> Parks { get; set; } = [];
    public List<AssessorScore> AssessorScores { get; set; } = [];
    public List<AssessmentValue> Values { get; set; } = [];

    public static AssessmentRound New(Standard? standard, string? title, DateOnly? assessedOn, IReadOnlyCollection<int>? parkIds)
    {
        if (standard is null)
        {
            throw new RuleViolation("RoundNamesAStandard", "Choose the standard the round applies.", "standardId");
        }

        if (standard.Status != StandardStatus.Published)
        {
            throw new RuleViolation("RoundAppliesAPublishedStandard", "A round applies a published standard revision.", "standardId");
        }

        var ids = (parkIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new RuleViolation("RoundAssessesParks", "Choose at least one park to assess.", "parkIds");
        }

        return new AssessmentRound
        {
            StandardId = standard.Id,
            Title = Fields.Required(title, 200, "title"),
            AssessedOn = Fields.Required(assessedOn, "assessedOn"),
            Parks = ids.Select(id => new AssessedPark { ParkId = id }).ToList(),
        };
    }

    /// <summary>Records (or replaces) an assessor's points for a park on an assessor criterion of the round's standard.</summary>
    public AssessorScore Enter(Standard standard, int parkId, string? criterionKey, decimal? points, string? note, DateTime now,
        string by)
    {
        EnsureOpen();
        if (Parks.All(p => p.ParkId != parkId))
        {
            throw new RuleViolation("ParkIsInTheRound", "The park is not assessed in this round.", "parkId");
        }

        var criterion = standard.Criteria.FirstOrDefault(c => string.Equals(c.Key, criterionKey, StringComparison.OrdinalIgnoreCase))
                        ?? throw new RuleViolation("CriterionIsInTheStandard", "The standard has no such criterion.", "criterionKey");
        if (!criterion.ByAssessor)
        {
            throw new RuleViolation("OnlyAssessorCriteriaAreEntered",
                "This criterion is scored from the data; only assessor criteria are entered.", "criterionKey");
        }

        var given = Fields.Required(points, "points");
        if (given < 0 || given > criterion.Weight)
        {
            throw new RuleViolation("AssessorPointsAreWithinTheWeight", $"Give from 0 to {criterion.Weight:0.##} points.", "points",
                criterion.Weight.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        }

        var text = Fields.Required(note, 2000, "note");
        var score = AssessorScores.FirstOrDefault(s => s.ParkId == parkId && s.CriterionKey == criterion.Key);
        if (score is null)
        {
            score = new AssessorScore { ParkId = parkId, CriterionKey = criterion.Key, Note = "", EnteredBy = "" };
            AssessorScores.Add(score);
        }

        score.Points = ScoringEngine.RoundPoints(given);
        score.Note = text;
        score.EnteredAt = now;
        score.EnteredBy = by;
        return score;
    }

    /// <summary>The engine's input for every park of the round: data rules from the figures, assessor points as entered.</summary>
    public IReadOnlyList<SubjectInput> Inputs(Standard standard, IReadOnlyDictionary<int, ParkFigures> figures,
        IReadOnlyDictionary<int, string> parkNames) =>
        Parks.Select(p =>
        {
            var raw = new Dictionary<string, decimal?>();
            foreach (var criterion in standard.Criteria)
            {
                raw[criterion.Key] = criterion.ByAssessor
                    ? AssessorScores.FirstOrDefault(s => s.ParkId == p.ParkId && s.CriterionKey == criterion.Key)?.Points
                    : figures.GetValueOrDefault(p.ParkId)?.RawFor(criterion);
            }

            return new SubjectInput(p.ParkId, parkNames.GetValueOrDefault(p.ParkId, ""), raw);
        }).ToList();

    /// <summary>
    /// Keeps the scored results and locks the round. Returns, per park, the criteria that fell below the
    /// standard's rectification threshold, for the caller to raise as rectification items.
    /// </summary>
    public IReadOnlyList<(int ParkId, StandardCriterion Criterion, decimal Points)> Finalise(Standard standard,
        IReadOnlyList<ScoredSubject> scored, DateTime now, string by)
    {
        EnsureOpen();
        if (standard.Id != StandardId)
        {
            throw new InvalidOperationException("A round is finalised with its own standard.");
        }

        if (standard.Criteria.Where(c => c.ByAssessor).FirstOrDefault(c =>
                Parks.Any(p => AssessorScores.All(s => s.ParkId != p.ParkId || s.CriterionKey != c.Key))) is { } missing)
        {
            throw new RuleViolation("AssessorCriteriaAreEnteredBeforeFinalising",
                $"Enter every assessor criterion for every park before finalising (missing: {missing.Name}).", "criterionKey",
                missing.Name);
        }

        var low = new List<(int, StandardCriterion, decimal)>();
        Values.Clear();
        foreach (var subject in scored)
        {
            var park = Parks.Single(p => p.ParkId == subject.SubjectId);
            park.Score = subject.Score;
            park.Rank = subject.Rank;
            park.Grade = subject.Grade;
            foreach (var part in subject.Criteria)
            {
                Values.Add(new AssessmentValue { ParkId = park.ParkId, CriterionKey = part.Key, Raw = part.Raw, Points = part.Contribution });
                var criterion = standard.Criteria.Single(c => c.Key == part.Key);
                if (standard.CallsForRectification(criterion, part.Contribution))
                {
                    low.Add((park.ParkId, criterion, part.Contribution));
                }
            }
        }

        Status = RoundStatus.Finalised;
        FinalisedAt = now;
        FinalisedBy = by;
        return low;
    }

    public void EnsureOpen()
    {
        if (Status == RoundStatus.Finalised)
        {
            throw new RuleViolation("FinalisedRoundNeverChanges", "A finalised round never changes.", "status");
        }
    }
}

/// <summary>An evidence file (photo or PDF) behind an assessor's score; checked like an inspection's evidence.</summary>
internal sealed class AssessmentEvidence
{
    public int Id { get; set; }
    public int AssessorScoreId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}
