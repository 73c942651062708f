using ReformTrack.Modules.Diffusion;
using ReformTrack.Shared;

namespace ReformTrack.UnitTests;

public sealed class DiffusionRuleTests
{
    private static readonly DateOnly Granted = new(2016, 4, 27);

    private static PilotDescription Description(DateOnly? grantedOn = null, DateOnly? evaluatedOn = null) =>
        new("海绵城市建设试点", GrantLevel.National, "财政部", 7, null, grantedOn, null, null, null, null, evaluatedOn, null);

    [Theory]
    [InlineData("Applied", "Granted", true)]
    [InlineData("Applied", "Withdrawn", true)]
    [InlineData("Applied", "UnderEvaluation", false)]
    [InlineData("Granted", "UnderEvaluation", true)]
    [InlineData("Granted", "Passed", false)]
    [InlineData("UnderEvaluation", "Passed", true)]
    [InlineData("UnderEvaluation", "Failed", true)]
    [InlineData("UnderEvaluation", "Granted", false)]
    [InlineData("Passed", "UnderEvaluation", false)]
    [InlineData("Withdrawn", "Granted", false)]
    public void Pilot_moves_only_along_its_lifecycle(string fromStatus, string toStatus, bool allowed)
    {
        var from = Enum.Parse<PilotStatus>(fromStatus);
        var to = Enum.Parse<PilotStatus>(toStatus);
        var pilot = Pilot.New(Description(Granted, new DateOnly(2019, 11, 20)), PilotStatus.Granted);
        pilot.Status = from;

        var move = () => pilot.MoveTo(to);

        if (allowed)
        {
            move();
            Assert.Equal(to, pilot.Status);
        }
        else
        {
            var violation = Assert.Throws<RuleViolation>(move);
            Assert.Equal(("PilotStatusFollowsItsLifecycle", "status"), (violation.Rule, violation.Field));
            Assert.Equal(from, pilot.Status);
        }
    }

    [Fact]
    public void A_pilot_is_granted_with_a_date_and_passes_with_an_evaluation_date()
    {
        Assert.Equal("grantedOn", Assert.Throws<RuleViolation>(() => Pilot.New(Description(), PilotStatus.Granted)).Field);
        var pilot = Pilot.New(Description(Granted), PilotStatus.Granted);
        pilot.MoveTo(PilotStatus.UnderEvaluation);

        Assert.Equal("evaluatedOn", Assert.Throws<RuleViolation>(() => pilot.MoveTo(PilotStatus.Passed)).Field);
        Assert.Equal("status", Assert.Throws<RuleViolation>(() => Pilot.New(Description(Granted), PilotStatus.Passed)).Field);
    }

    [Fact]
    public void Pilot_is_due_for_evaluation_when_granted_and_due_by_the_day_asked()
    {
        var pilot = Pilot.New(Description(Granted) with { EvaluationDueOn = new DateOnly(2026, 12, 10) }, PilotStatus.Granted);

        Assert.True(pilot.IsDueForEvaluation(new DateOnly(2026, 12, 10)));
        Assert.False(pilot.IsDueForEvaluation(new DateOnly(2026, 12, 9)));
        pilot.MoveTo(PilotStatus.Withdrawn);
        Assert.False(pilot.IsDueForEvaluation(new DateOnly(2027, 1, 1)));
    }

    private static Innovation Innovation() => Modules.Diffusion.Innovation.New("“一口受理”", 1, new DateOnly(2015, 5, 1), null, null);

    [Fact]
    public void An_adopter_is_recorded_once_per_level_whatever_it_copied()
    {
        var innovation = Innovation();
        var xiamen = innovation.Replicate(new Adopter(null, "厦门市"), ReplicationLevel.Province, new DateOnly(2016, 1, 1),
            sourceReplicationId: null, null);
        var quanzhou = innovation.Replicate(new Adopter(null, "泉州市"), ReplicationLevel.Province, new DateOnly(2016, 2, 1), xiamen, null);
        innovation.Replicate(new Adopter(null, "厦门市"), ReplicationLevel.Nation, new DateOnly(2016, 3, 1), quanzhou, null);

        var again = Assert.Throws<RuleViolation>(() =>
            innovation.Replicate(new Adopter(null, " 厦门市 "), ReplicationLevel.Province, new DateOnly(2016, 4, 1), quanzhou, null));

        Assert.Equal(("AdopterIsCountedOncePerLevel", "adopterPlace"), (again.Rule, again.Field));
        Assert.Equal(3, innovation.Replications.Count);
    }

    [Fact]
    public void A_copy_comes_after_its_source_and_the_origin_does_not_adopt_its_own_innovation()
    {
        var innovation = Innovation();
        var first = innovation.Replicate(new Adopter(2, null), ReplicationLevel.County, new DateOnly(2016, 1, 1),
            sourceReplicationId: null, null);

        Assert.Equal("sourceReplicationId", Assert.Throws<RuleViolation>(() =>
            innovation.Replicate(new Adopter(3, null), ReplicationLevel.County, new DateOnly(2015, 12, 1), first, null)).Field);
        Assert.Equal("adopterUnitId", Assert.Throws<RuleViolation>(() =>
            innovation.Replicate(new Adopter(1, null), ReplicationLevel.City, new DateOnly(2016, 1, 1), first, null)).Field);
        Assert.Equal("adoptedOn", Assert.Throws<RuleViolation>(() =>
            innovation.Replicate(new Adopter(4, null), ReplicationLevel.City, new DateOnly(2015, 1, 1), sourceReplicationId: null, null)).Field);
        Assert.Equal("adopterUnitId", Assert.Throws<RuleViolation>(() =>
            innovation.Replicate(new Adopter(null, " "), ReplicationLevel.City, new DateOnly(2016, 1, 1), sourceReplicationId: null, null)).Field);
    }
}
