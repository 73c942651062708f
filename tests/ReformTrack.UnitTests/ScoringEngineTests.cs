using ReformTrack.Modules.Appraisal;
using ReformTrack.Shared;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.UnitTests;

public sealed class ScoringEngineTests
{
    private static readonly ScoringCriterion[] Checklist =
    [
        new("quality", ScoreRule.Rate, 60),
        new("safety", ScoreRule.Rate, 40),
        new("awards", ScoreRule.Bonus, 0, PointsPerItem: 2, Cap: 5),
        new("incidents", ScoreRule.Penalty, 0, PointsPerItem: 1.5m, Cap: 6),
        new("assessor", ScoreRule.Points, 0, Cap: 3),
    ];

    private static SubjectInput Subject(int id, string key, decimal? quality, decimal? safety, decimal awards = 0,
        decimal incidents = 0, decimal? assessor = null) =>
        new(id, key, new Dictionary<string, decimal?>
        {
            ["quality"] = quality,
            ["safety"] = safety,
            ["awards"] = awards,
            ["incidents"] = incidents,
            ["assessor"] = assessor,
        });

    [Fact]
    public void A_checklist_scores_by_its_weights_caps_and_penalties()
    {
        var scored = ScoringEngine.Score(Checklist, GradeBands.Default, [Subject(1, "P1", 0.8m, 0.95m, awards: 4, incidents: 1, assessor: 1.25m)]);

        var park = Assert.Single(scored);
        // 0.8×60 = 48; 0.95×40 = 38; 4×2 = 8 capped at 5; −1.5; +1.25
        Assert.Equal([48m, 38m, 5m, -1.5m, 1.25m], park.Criteria.Select(c => c.Contribution));
        Assert.Equal(90.75m, park.Score);
        Assert.Equal(Grade.Excellent, park.Grade);
    }

    [Fact]
    public void Rates_round_to_four_places_and_points_to_two_half_away_from_zero()
    {
        Assert.Equal(0.6667m, ScoringEngine.Rate(2, 3));
        Assert.Null(ScoringEngine.Rate(0, 0));
        // 0.6667 × 30 = 20.001 → 20.00; 0.00125 × 10 → 0.01 (half away from zero)
        Assert.Equal(20.00m, ScoringEngine.Contribution(new ScoringCriterion("x", ScoreRule.Rate, 30), 0.6667m));
        Assert.Equal(0.01m, ScoringEngine.Contribution(new ScoringCriterion("x", ScoreRule.Points, 0), 0.005m));
        Assert.Equal(-0.01m, ScoringEngine.Contribution(new ScoringCriterion("x", ScoreRule.Points, 0), -0.005m));
    }

    [Fact]
    public void An_achieved_fraction_earns_its_share_of_the_weight_and_nothing_known_earns_nothing()
    {
        var item = new ScoringCriterion("x", ScoreRule.Achieved, 15);

        // 0.4667 × 15 = 7.0005 → 7.00; over 1 counts as 1, below 0 as 0; unknown earns nothing (a rate would earn all 15)
        Assert.Equal(7.00m, ScoringEngine.Contribution(item, 0.46666m));
        Assert.Equal(15m, ScoringEngine.Contribution(item, 1.8m));
        Assert.Equal(0m, ScoringEngine.Contribution(item, -0.2m));
        Assert.Equal(0m, ScoringEngine.Contribution(item, null));
        Assert.Equal(15m, ScoringEngine.Contribution(new ScoringCriterion("x", ScoreRule.Rate, 15), null));
    }

    [Fact]
    public void A_park_checklist_of_data_rules_and_assessor_points_scores_by_hand_figures()
    {
        ScoringCriterion[] standard =
        [
            new("density", ScoreRule.Achieved, 30),
            new("enterprises", ScoreRule.Achieved, 20),
            new("issues", ScoreRule.Achieved, 10),
            new("management", ScoreRule.Points, 40, Cap: 40),
        ];
        SubjectInput Park(int id, string name, decimal? density, decimal? enterprises, decimal? issues, decimal? management) =>
            new(id, name, new Dictionary<string, decimal?>
            {
                ["density"] = density, ["enterprises"] = enterprises, ["issues"] = issues, ["management"] = management,
            });

        var scored = ScoringEngine.Score(standard, GradeBands.Default,
        [
            Park(1, "A", 0.75m, 0.5m, 1m, 33.5m),   // 22.5 + 10 + 10 + 33.5 = 76
            Park(2, "B", 1m, 1m, 0.5m, 31m),        // 30 + 20 + 5 + 31 = 86
            Park(3, "C", 0.9m, 0.3m, 1m, 40m),      // 27 + 6 + 10 + 40 = 83
            Park(4, "D", 1m, 0.5m, 0.8m, 38m),      // 30 + 10 + 8 + 38 = 86
            Park(5, "E", null, null, 0m, null),     // 0
        ]);

        Assert.Equal([("B", 86m, 1), ("D", 86m, 1), ("C", 83m, 3), ("A", 76m, 4), ("E", 0m, 5)],
            scored.Select(s => (s.SortKey, s.Score, s.Rank)));
        Assert.Equal([Grade.Good, Grade.Good, Grade.Good, Grade.Pass, Grade.Fail], scored.Select(s => s.Grade));
        Assert.Equal([22.5m, 10m, 10m, 33.5m], scored.Single(s => s.SortKey == "A").Criteria.Select(c => c.Contribution));
    }

    [Fact]
    public void Nothing_to_count_earns_a_rate_its_full_weight_and_a_bonus_nothing()
    {
        var scored = Assert.Single(ScoringEngine.Score(Checklist, GradeBands.Default, [Subject(1, "P1", null, null)]));

        Assert.Equal(100m, scored.Score);
    }

    [Fact]
    public void Penalties_and_adjustments_stop_at_their_caps()
    {
        var scored = Assert.Single(ScoringEngine.Score(Checklist, GradeBands.Default,
            [Subject(1, "P1", 0m, 0m, incidents: 100, assessor: -9)]));

        Assert.Equal(-6m, scored.Criteria.Single(c => c.Key == "incidents").Contribution);
        Assert.Equal(-3m, scored.Criteria.Single(c => c.Key == "assessor").Contribution);
        Assert.Equal(Grade.Fail, scored.Grade);
    }

    [Fact]
    public void Equal_scores_share_a_rank_listed_by_sort_key_and_the_next_rank_skips()
    {
        var scored = ScoringEngine.Score(Checklist, GradeBands.Default,
        [
            Subject(3, "C", 0.5m, 0.5m),
            Subject(1, "B", 1m, 1m),
            Subject(2, "A", 1m, 1m),
            Subject(4, "D", 0.2m, 0.2m),
        ]);

        Assert.Equal(["A", "B", "C", "D"], scored.Select(s => s.SortKey));
        Assert.Equal([1, 1, 3, 4], scored.Select(s => s.Rank));
    }

    [Fact]
    public void Grade_bands_are_inclusive_at_their_lower_bounds()
    {
        var bands = new GradeBands(90, 80, 60);

        Assert.Equal(Grade.Excellent, bands.Of(90m));
        Assert.Equal(Grade.Good, bands.Of(89.99m));
        Assert.Equal(Grade.Pass, bands.Of(60m));
        Assert.Equal(Grade.Fail, bands.Of(59.99m));
    }

    [Fact]
    public void The_same_inputs_give_the_same_scores_whatever_their_order()
    {
        SubjectInput[] subjects = [Subject(1, "A", 0.3333m, 0.5m, 1), Subject(2, "B", 0.9m, 0.1m, 3), Subject(3, "C", 0.7m, 0.7m)];

        var first = ScoringEngine.Score(Checklist, GradeBands.Default, subjects);
        var second = ScoringEngine.Score(Checklist, GradeBands.Default, subjects.Reverse().ToArray());

        Assert.Equal(first.Select(s => (s.SubjectId, s.Score, s.Rank)), second.Select(s => (s.SubjectId, s.Score, s.Rank)));
    }
}

public sealed class AppraisalSchemeTests
{
    private static AppraisalScheme Scheme() => AppraisalScheme.New("T", "Test scheme", GradeBands.Default,
        [new CriterionInput(CriterionKind.CompletionRate, Weight: 50), new CriterionInput(CriterionKind.ReportPunctuality, Weight: 50)]);

    [Fact]
    public void A_published_scheme_never_changes_and_editing_makes_the_next_draft()
    {
        var scheme = Scheme();
        scheme.Publish("office", new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var violation = Assert.Throws<RuleViolation>(() => scheme.Define("Changed", GradeBands.Default,
            [new CriterionInput(CriterionKind.CompletionRate, Weight: 10)]));
        var next = scheme.NextDraft(2, new DateTime(2021, 2, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal("PublishedSchemeNeverChanges", violation.Rule);
        Assert.Equal(SchemeStatus.Draft, next.Status);
        Assert.Equal(2, next.Revision);
        Assert.Equal(SchemeCriterion.DefaultDeadlineDay, next.Criteria.Single(c => c.Kind == CriterionKind.ReportPunctuality).DeadlineDay);
    }

    [Fact]
    public void A_criterion_kind_appears_once_and_bands_descend()
    {
        Assert.Equal("CriterionKindOncePerScheme", Assert.Throws<RuleViolation>(() => AppraisalScheme.New("T", "x", GradeBands.Default,
            [new CriterionInput(CriterionKind.CompletionRate, 1), new CriterionInput(CriterionKind.CompletionRate, 2)])).Rule);
        Assert.Equal("GradeBandsDescend", Assert.Throws<RuleViolation>(() => AppraisalScheme.New("T", "x", new GradeBands(80, 90, 60),
            [new CriterionInput(CriterionKind.CompletionRate, 1)])).Rule);
    }

    [Fact]
    public void An_appeal_is_decided_once_and_a_rejection_needs_a_reason()
    {
        var run = new AppraisalRun { SchemeCode = "T", CreatedBy = "office" };
        run.Publish("office", DateTime.UnixEpoch, SchemeStatus.Published);
        var appeal = AppraisalAppeal.File(run, 1, CriterionKind.CompletionRate, "Two measures were completed", 1m, "liaison", DateTime.UnixEpoch);

        Assert.Equal("RejectedAppealNeedsReason", Assert.Throws<RuleViolation>(() => appeal.Reject(" ", "office", DateTime.UnixEpoch)).Rule);
        appeal.Accept(1m, null, "office", DateTime.UnixEpoch);
        Assert.Equal("AppealIsDecidedOnce", Assert.Throws<RuleViolation>(() => appeal.Reject("late", "office", DateTime.UnixEpoch)).Rule);
    }

    [Fact]
    public void Overdue_days_run_from_the_day_after_the_due_date_to_completion_within_the_period()
    {
        var from = new DateOnly(2021, 1, 1);
        var end = new DateOnly(2021, 12, 31);

        Assert.Equal(10, AppraisalFigures.OverdueDays(new DateOnly(2021, 6, 30), new DateOnly(2021, 7, 10), from, end));
        Assert.Equal(61, AppraisalFigures.OverdueDays(new DateOnly(2021, 10, 31), null, from, end));
        Assert.Equal(31, AppraisalFigures.OverdueDays(new DateOnly(2020, 5, 1), new DateOnly(2021, 1, 31), from, end));
        Assert.Equal(0, AppraisalFigures.OverdueDays(new DateOnly(2021, 5, 1), new DateOnly(2021, 4, 30), from, end));
    }
}
