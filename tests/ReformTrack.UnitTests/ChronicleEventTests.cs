using ReformTrack.Modules.Chronicle;
using ReformTrack.Shared;

namespace ReformTrack.UnitTests;

public sealed class ChronicleEventTests
{
    [Fact]
    public void An_event_known_to_the_month_is_dated_on_its_first_day()
    {
        var entry = ChronicleEvent.Record(new DateOnly(2018, 12, 19), DatePrecision.Month, "组建市委深改委", ChronicleCategory.Commission,
            null, null, true, []);

        Assert.Equal(new DateOnly(2018, 12, 1), entry.Date);
        Assert.False(entry.Derived);
    }

    [Fact]
    public void A_link_points_to_a_known_kind_of_record()
    {
        var violation = Assert.Throws<RuleViolation>(() => ChronicleEvent.Record(new DateOnly(2020, 1, 1), null, "大事",
            ChronicleCategory.Other, null, null, false, [("website", 3)]));

        Assert.Equal("ChronicleLinkKindIsKnown", violation.Rule);
    }

    [Fact]
    public void A_derived_event_starts_unpublished_with_its_facts_key_and_link()
    {
        var entry = ChronicleEvent.From(new ChronicleFact("document-passed:12", new DateOnly(2014, 7, 3), ChronicleCategory.Document,
            "《实施方案》", "document", 12, null));

        Assert.True(entry.Derived);
        Assert.False(entry.Published);
        Assert.Equal("document-passed:12", entry.Key);
        var link = Assert.Single(entry.Links);
        Assert.Equal(("document", 12), (link.Kind, link.TargetId));
    }

    [Fact]
    public void Deleting_a_derived_event_leaves_an_unpublished_tombstone()
    {
        var entry = ChronicleEvent.From(new ChronicleFact("measure-completed:5", new DateOnly(2016, 5, 1), ChronicleCategory.Measure,
            "完成", "measure", 5, 3));
        entry.Publish(true);

        entry.Suppress();

        Assert.True(entry.Suppressed);
        Assert.False(entry.Published);
    }
}
