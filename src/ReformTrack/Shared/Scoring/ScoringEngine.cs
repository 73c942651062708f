namespace ReformTrack.Shared.Scoring;

/// <summary>How a criterion turns a subject's raw value into points.</summary>
internal enum ScoreRule
{
    /// <summary>A share (0–1) times the weight; no value (nothing to count) earns the full weight.</summary>
    Rate,

    /// <summary>A count times the points per item, at most the cap.</summary>
    Bonus,

    /// <summary>A count times the points per item, taken off, at most the cap.</summary>
    Penalty,

    /// <summary>Points given as they are (a manual adjustment), within ± the cap when there is one.</summary>
    Points,

    /// <summary>
    /// The weight times the achieved fraction (0–1) of a checklist item; unlike <see cref="Rate"/>,
    /// no value (nothing achieved, or nothing known) earns nothing.
    /// </summary>
    Achieved,
}

internal enum Grade
{
    Excellent,
    Good,
    Pass,
    Fail,
}

/// <summary>One criterion as the scoring engine sees it: a key, a rule and its figures.</summary>
internal sealed record ScoringCriterion(string Key, ScoreRule Rule, decimal Weight, decimal PointsPerItem = 0, decimal? Cap = null);

/// <summary>The lowest score of each grade; below <see cref="PassFrom"/> is a fail.</summary>
internal sealed record GradeBands(decimal ExcellentFrom, decimal GoodFrom, decimal PassFrom)
{
    public static readonly GradeBands Default = new(90, 80, 60);

    public Grade Of(decimal score) =>
        score >= ExcellentFrom ? Grade.Excellent
        : score >= GoodFrom ? Grade.Good
        : score >= PassFrom ? Grade.Pass
        : Grade.Fail;
}

/// <summary>
/// A subject (a unit, a park …) with its raw value for each criterion key; a missing key or a null
/// value means there was nothing to measure. <see cref="SortKey"/> orders subjects that tie.
/// </summary>
internal sealed record SubjectInput(int SubjectId, string SortKey, IReadOnlyDictionary<string, decimal?> Raw);

internal sealed record CriterionScore(string Key, decimal? Raw, decimal Contribution);

internal sealed record ScoredSubject(int SubjectId, string SortKey, decimal Score, int Rank, Grade Grade,
    IReadOnlyList<CriterionScore> Criteria);

/// <summary>
/// Scores subjects against criteria from raw values it is given, whatever their source (the ledger's
/// figures for an appraisal, an assessor's checklist for a park). Pure, decimal arithmetic:
/// rates are rounded to 4 places, each contribution to 2 (half away from zero), the score is their
/// sum. Ranks are "1224": equal scores share a rank and the next rank skips; subjects with equal
/// scores are listed by <see cref="SubjectInput.SortKey"/> (ordinal).
/// </summary>
internal static class ScoringEngine
{
    public const int RateDecimals = 4;
    public const int PointDecimals = 2;

    public static IReadOnlyList<ScoredSubject> Score(IReadOnlyList<ScoringCriterion> criteria, GradeBands bands,
        IEnumerable<SubjectInput> subjects)
    {
        var scored = subjects
            .Select(s =>
            {
                var parts = criteria
                    .Select(c =>
                    {
                        var raw = s.Raw.GetValueOrDefault(c.Key);
                        return new CriterionScore(c.Key, raw, Contribution(c, raw));
                    })
                    .ToList();
                return (Subject: s, Parts: parts, Score: parts.Sum(p => p.Contribution));
            })
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Subject.SortKey, StringComparer.Ordinal)
            .ThenBy(x => x.Subject.SubjectId)
            .ToList();

        var result = new List<ScoredSubject>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var rank = i > 0 && scored[i].Score == scored[i - 1].Score ? result[i - 1].Rank : i + 1;
            var (subject, parts, score) = scored[i];
            result.Add(new ScoredSubject(subject.SubjectId, subject.SortKey, score, rank, bands.Of(score), parts));
        }

        return result;
    }

    /// <summary>What one criterion adds to (or takes from) the score for a raw value.</summary>
    public static decimal Contribution(ScoringCriterion criterion, decimal? raw)
    {
        var points = criterion.Rule switch
        {
            ScoreRule.Rate => raw is { } rate ? Math.Clamp(RoundRate(rate), 0m, 1m) * criterion.Weight : criterion.Weight,
            ScoreRule.Bonus => Capped((raw ?? 0) * criterion.PointsPerItem, criterion.Cap),
            ScoreRule.Penalty => -Capped((raw ?? 0) * criterion.PointsPerItem, criterion.Cap),
            ScoreRule.Achieved => raw is { } achieved ? Math.Clamp(RoundRate(achieved), 0m, 1m) * criterion.Weight : 0m,
            _ => criterion.Cap is { } cap ? Math.Clamp(raw ?? 0, -cap, cap) : raw ?? 0,
        };
        return RoundPoints(points);
    }

    /// <summary>A share of <paramref name="part"/> in <paramref name="whole"/>, to 4 places; null when the whole is 0.</summary>
    public static decimal? Rate(decimal part, decimal whole) => whole == 0 ? null : RoundRate(part / whole);

    public static decimal RoundRate(decimal value) => Math.Round(value, RateDecimals, MidpointRounding.AwayFromZero);

    public static decimal RoundPoints(decimal value) => Math.Round(value, PointDecimals, MidpointRounding.AwayFromZero);

    private static decimal Capped(decimal points, decimal? cap) => cap is { } c ? Math.Min(points, c) : points;
}
