using ReformTrack.Modules.Organisation;
using ReformTrack.Shared;

namespace ReformTrack.UnitTests;

public sealed class OrganisationRuleTests
{
    [Fact]
    public void A_unit_cannot_be_placed_under_its_own_sub_unit()
    {
        var top = new Unit { Id = 1, Code = "A", Name = "A" };
        top.PlaceUnder(null);
        var sub = new Unit { Id = 2, Code = "B", Name = "B" };
        sub.PlaceUnder(top);

        var violation = Assert.Throws<RuleViolation>(() => top.PlaceUnder(sub));

        Assert.Equal("UnitCannotBeMovedUnderItself", violation.Rule);
        Assert.Equal("parentId", violation.Field);
        Assert.Equal("/1/", top.Path);
    }

    [Fact]
    public void A_descendant_follows_its_moved_ancestor_and_keeps_its_own_tail()
    {
        var grandchild = new Unit { Id = 9, Code = "G", Name = "G", Path = "/1/4/9/" };

        grandchild.FollowAncestor("/1/4/", "/2/4/");

        Assert.Equal("/2/4/9/", grandchild.Path);
        Assert.Equal(2, grandchild.Depth);
    }

    [Fact]
    public void A_unit_needs_a_code_a_name_and_a_kind_within_their_lengths()
    {
        Assert.Equal("code", Assert.Throws<RuleViolation>(() => Unit.New(" ", "Name", UnitKind.Office)).Field);
        Assert.Equal("kind", Assert.Throws<RuleViolation>(() => Unit.New("C", "Name", null)).Field);
        var tooLong = Assert.Throws<RuleViolation>(() => Unit.New("C", new string('x', Unit.NameMaxLength + 1), UnitKind.Office));
        Assert.Equal(("FieldIsTooLong", "name"), (tooLong.Rule, tooLong.Field));
        Assert.Equal("Trimmed", Unit.New(" C ", " Trimmed ", UnitKind.Park).Name);
    }

    [Fact]
    public void A_person_needs_a_name_and_an_email_that_looks_like_one()
    {
        Assert.Equal("name", Assert.Throws<RuleViolation>(() => Person.New("", null, null, null, false)).Field);
        var email = Assert.Throws<RuleViolation>(() => Person.New("林晓", null, "lin.example.org", null, true));

        Assert.Equal(("EmailLooksLikeAnAddress", "email"), (email.Rule, email.Field));
        Assert.Null(Person.New("林晓", " ", null, null, true).Title);
    }

    [Fact]
    public void Tree_order_puts_parents_before_children_and_sums_subtrees()
    {
        (int Id, int? Parent, string Code)[] nodes = [(3, 1, "B"), (1, null, "R"), (2, 1, "A"), (4, 2, "A1")];

        var ordered = TreePath.Order(nodes, n => n.Id, n => n.Parent, n => n.Code);
        var totals = TreePath.SubtreeTotals(ordered, n => n.Id, n => n.Parent, new Dictionary<int, int> { [4] = 2, [3] = 1 });

        Assert.Equal([1, 2, 4, 3], ordered.Select(n => n.Id));
        Assert.Equal(3, totals[1]);
        Assert.Equal(2, totals[2]);
    }
}
