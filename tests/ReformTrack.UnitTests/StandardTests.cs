using ReformTrack.Modules.Parks;
using ReformTrack.Shared;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.UnitTests;

public sealed class StandardTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    private static Standard Published()
    {
        var standard = Standard.New("STD", "园区标准", GradeBands.Default, 0.6m, 30,
        [
            new("density", "单位面积产出", 40, StandardRule.OutputDensity, 20),
            new("issues", "问题整改清零", 20, StandardRule.OpenIssues, 2),
            new("measures", "举措按期完成", 10, StandardRule.ChainMeasuresOnTime),
            new("quality", "管理服务", 30, StandardRule.Assessor),
        ]);
        standard.Id = 7;
        standard.Publish("office", Now);
        return standard;
    }

    [Fact]
    public void Data_rules_turn_a_parks_figures_into_achieved_fractions()
    {
        var standard = Published();
        var figures = new ParkFigures(1, AnnualOutput: 150, AreaKm2: 10, KeyEnterprises: 0, OpenIssues: 3, MeasuresDue: 3, MeasuresOnTime: 2);
        var none = figures with { AreaKm2 = null, MeasuresDue = 0, MeasuresOnTime = 0 };
        StandardCriterion Of(string key) => standard.Criteria.Single(c => c.Key == key);

        // 15 亿元/km² of 20 → 0.75; 3 open issues with none at 2 → 0; 2 of 3 measures on time → 0.6667
        Assert.Equal(0.75m, figures.RawFor(Of("density")));
        Assert.Equal(0m, figures.RawFor(Of("issues")));
        Assert.Equal(0.6667m, figures.RawFor(Of("measures")));
        Assert.Null(none.RawFor(Of("density")));
        Assert.Null(none.RawFor(Of("measures")));
        Assert.Null(figures.RawFor(Of("quality")));
        // No area earns nothing; nothing due earns the full weight, as appraisal rates do.
        Assert.Equal(0m, ScoringEngine.Contribution(Of("density").ToScoring(), null));
        Assert.Equal(10m, ScoringEngine.Contribution(Of("measures").ToScoring(), null));
    }

    [Fact]
    public void A_published_standard_never_changes_and_its_next_draft_is_a_copy()
    {
        var standard = Published();

        var violation = Assert.Throws<RuleViolation>(() => standard.Define("改", GradeBands.Default, 0.5m, 10, [new("q", "q", 10, StandardRule.Assessor)]));
        var draft = standard.NextDraft(2, Now);

        Assert.Equal(("PublishedStandardNeverChanges", "status"), (violation.Rule, violation.Field));
        Assert.Equal((2, StandardStatus.Draft, 4), (draft.Revision, draft.Status, draft.Criteria.Count));
        Assert.Equal("园区标准", standard.Title);
    }

    [Fact]
    public void Criteria_are_checked_and_the_field_at_fault_is_named()
    {
        RuleViolation Fails(params StandardCriterionInput[] criteria) =>
            Assert.Throws<RuleViolation>(() => Standard.New("S", "t", GradeBands.Default, 0.6m, 30, criteria));

        Assert.Equal("criteria[0].target", Fails(new StandardCriterionInput("d", "d", 10, StandardRule.KeyEnterprises)).Field);
        Assert.Equal("criteria[1].key", Fails(new("a", "a", 10, StandardRule.Assessor), new("A", "b", 10, StandardRule.Assessor)).Field);
        Assert.Equal("criteria[0].weight", Fails(new StandardCriterionInput("a", "a", 0, StandardRule.Assessor)).Field);
        Assert.Equal("rectifyBelow", Assert.Throws<RuleViolation>(() =>
            Standard.New("S", "t", GradeBands.Default, 1.5m, 30, [new("a", "a", 10, StandardRule.Assessor)])).Field);
    }

    [Fact]
    public void Assessor_points_stay_within_the_weight_and_a_finalised_round_is_locked()
    {
        var standard = Published();
        var round = AssessmentRound.New(standard, "2021", new DateOnly(2021, 12, 20), [1, 2]);

        Assert.Equal("points", Assert.Throws<RuleViolation>(() => round.Enter(standard, 1, "quality", 31, "超分", Now, "a")).Field);
        Assert.Equal("criterionKey", Assert.Throws<RuleViolation>(() => round.Enter(standard, 1, "density", 10, "数据", Now, "a")).Field);
        Assert.Equal("parkId", Assert.Throws<RuleViolation>(() => round.Enter(standard, 3, "quality", 10, "不在", Now, "a")).Field);
        round.Enter(standard, 1, "quality", 30, "好", Now, "a");
        Assert.Equal("criterionKey", Assert.Throws<RuleViolation>(() => round.Finalise(standard, [], Now, "a")).Field);
        round.Enter(standard, 2, "quality", 12, "差", Now, "a");

        var figures = new Dictionary<int, ParkFigures>
        {
            [1] = new(1, 400, 10, 0, 0, 0, 0),
            [2] = new(2, 100, 10, 0, 1, 2, 2),
        };
        var scored = ScoringEngine.Score(standard.ScoringCriteria(), standard.Bands,
            round.Inputs(standard, figures, new Dictionary<int, string> { [1] = "A", [2] = "B" }));
        var low = round.Finalise(standard, scored, Now, "office");

        // A: 40 + 20 + 10 + 30 = 100; B: 0.5×40 = 20, 0.5×20 = 10, 10, 12 → 52; below 60 %: B's density, issues and quality
        Assert.Equal([(1, 100m, 1), (2, 52m, 2)], round.Parks.OrderBy(p => p.ParkId).Select(p => (p.ParkId, p.Score!.Value, p.Rank!.Value)));
        Assert.Equal(["density", "issues", "quality"], low.Where(l => l.ParkId == 2).Select(l => l.Criterion.Key));
        Assert.Equal(RoundStatus.Finalised, round.Status);
        Assert.Equal("FinalisedRoundNeverChanges", Assert.Throws<RuleViolation>(() => round.Enter(standard, 1, "quality", 1, "改", Now, "a")).Rule);
    }
}
