using System.Reflection;
using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;
using ReformTrack.Data;

namespace ReformTrack.ArchitectureTests;

public sealed class ModuleBoundaryTests
{
    private static readonly Assembly App = typeof(ReformDbContext).Assembly;

    private static readonly string[] OrganisationEntities = ["Unit", "Person", "UnitKind"];

    private static readonly string[] GovernanceEntities =
        ["Objective", "ObjectiveLevel", "Meeting", "DocumentReview", "ReviewOutcome", "Document", "DocumentKind", "DocumentClause"];

    private static readonly string[] LedgerEntities =
    [
        "Measure", "MeasureCoUnit", "MeasureStatus", "Milestone", "ProgressReport", "ReportContent", "ReportStatus",
        "DeliveryConfidence", "Light", "LightRule", "LightThresholds",
    ];

    private static readonly string[] ParksEntities =
    [
        "Park", "ParkDesignation", "DesignationKind", "DesignationLevel", "OutputTier", "OutputTierRule", "Cluster", "Chain",
        "ChainPark", "ChainEnterprise", "ChainMeasure",
    ];

    private static readonly string[] ChiefsEntities =
    [
        "Water", "WaterKind", "ChiefAssignment", "ChiefObjectKind", "ChiefLevel", "Inspection", "EvidenceFile", "ChiefIssue",
        "IssueStatus", "EscalationLevels",
    ];

    private static PredicateList Entities(string module, string[] names) =>
        Types.InAssembly(App).That().ResideInNamespace($"ReformTrack.Modules.{module}")
            .And().HaveNameMatching($"^({string.Join('|', names)})$");

    [Theory]
    [InlineData("Organisation")]
    [InlineData("Governance")]
    [InlineData("Ledger")]
    [InlineData("Parks")]
    [InlineData("Chiefs")]
    public void Entities_and_rules_know_nothing_of_the_database_or_the_web(string module)
    {
        var names = module switch
        {
            "Organisation" => OrganisationEntities,
            "Governance" => GovernanceEntities,
            "Parks" => ParksEntities,
            "Chiefs" => ChiefsEntities,
            _ => LedgerEntities,
        };

        var result = Entities(module, names)
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "ReformTrack.Data")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
        Assert.Equal(names.Length, Entities(module, names).GetTypes().Count());
    }

    [Fact]
    public void Ledger_entities_refer_to_units_objectives_and_documents_by_id_only()
    {
        var result = Entities("Ledger", LedgerEntities)
            .ShouldNot().HaveDependencyOnAny("ReformTrack.Modules.Organisation", "ReformTrack.Modules.Governance")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Governance_entities_refer_to_units_by_id_only()
    {
        var result = Entities("Governance", GovernanceEntities)
            .ShouldNot().HaveDependencyOnAny("ReformTrack.Modules.Organisation", "ReformTrack.Modules.Ledger")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Organisation_entities_depend_on_no_other_module()
    {
        var result = Entities("Organisation", OrganisationEntities)
            .ShouldNot().HaveDependencyOnAny("ReformTrack.Modules.Governance", "ReformTrack.Modules.Ledger")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Parks_and_chiefs_entities_refer_to_other_modules_by_id_only()
    {
        var parks = Entities("Parks", ParksEntities)
            .ShouldNot().HaveDependencyOnAny("ReformTrack.Modules.Organisation", "ReformTrack.Modules.Ledger", "ReformTrack.Modules.Chiefs")
            .GetResult();
        var chiefs = Entities("Chiefs", ChiefsEntities)
            .ShouldNot().HaveDependencyOnAny("ReformTrack.Modules.Organisation", "ReformTrack.Modules.Parks")
            .GetResult();

        Assert.True(parks.IsSuccessful, Failing(parks));
        Assert.True(chiefs.IsSuccessful, Failing(chiefs));
    }

    [Fact]
    public void Module_classes_are_sealed_or_static()
    {
        var result = Types.InAssembly(App)
            .That().ResideInNamespaceStartingWith("ReformTrack.Modules")
            .And().AreClasses()
            .And().AreNotAbstract()
            .And().DoNotInherit(typeof(ComponentBase))
            .And().DoNotHaveNameStartingWith("<")
            .Should().BeSealed()
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void The_model_lives_in_one_context()
    {
        var contexts = Types.InAssembly(App).That().Inherit(typeof(Microsoft.EntityFrameworkCore.DbContext)).GetTypes()
            .Where(t => !t.IsAbstract)
            .Select(t => t.BaseType!)
            .Distinct()
            .ToList();

        Assert.Equal([typeof(ReformDbContext)], contexts);
    }

    private static string Failing(TestResult result) =>
        "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []);
}
