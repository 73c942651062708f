using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Organisation;
using ReformTrack.Shared;

namespace ReformTrack.UnitTests;

public sealed class OrganisationTreeTests
{
    [Fact]
    public void A_unit_path_extends_its_parent_path()
    {
        var city = new Unit { Id = 1, Code = "FZ", Name = "福州市" };
        var gulou = new Unit { Id = 4, Code = "FZ-GL", Name = "鼓楼区" };
        city.PlaceUnder(null);

        gulou.PlaceUnder(city);

        Assert.Equal("/1/4/", gulou.Path);
        Assert.Equal(1, gulou.ParentId);
    }

    [Fact]
    public void A_unit_cannot_be_moved_under_its_own_subtree()
    {
        var city = new Unit { Id = 1, Code = "FZ", Name = "福州市" };
        var gulou = new Unit { Id = 4, Code = "FZ-GL", Name = "鼓楼区" };
        var street = new Unit { Id = 9, Code = "FZ-GL-1", Name = "鼓东街道" };
        city.PlaceUnder(null);
        gulou.PlaceUnder(city);
        street.PlaceUnder(gulou);

        var error = Assert.Throws<RuleViolation>(() => gulou.PlaceUnder(street));

        Assert.Equal("UnitCannotBeMovedUnderItself", error.Rule);
        Assert.Equal("/1/4/", gulou.Path);
    }

    [Fact]
    public void Objective_level_follows_depth()
    {
        var aspect = new Objective { Id = 1, Code = "A", Title = "体制机制活" };
        var task = new Objective { Id = 2, Code = "A.1", Title = "营商环境" };
        var sub = new Objective { Id = 3, Code = "A.1.1", Title = "企业开办" };
        aspect.PlaceUnder(null);
        task.PlaceUnder(aspect);
        sub.PlaceUnder(task);

        Assert.Equal([ObjectiveLevel.Aspect, ObjectiveLevel.KeyTask, ObjectiveLevel.SubTask],
            new[] { aspect.Level, task.Level, sub.Level });
        Assert.Equal("/1/2/3/", sub.Path);
    }

    [Fact]
    public void Document_clauses_are_numbered_in_order()
    {
        var decision = new Document { Number = "榕委发〔2014〕1号", Title = "关于全面深化改革的决定" };

        decision.AddClause("深化行政审批制度改革");
        var second = decision.AddClause("推进国有企业改革");

        Assert.Equal(2, second.Number);
    }
}
