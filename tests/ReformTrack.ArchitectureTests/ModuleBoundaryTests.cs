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

    private static readonly string[] DiffusionEntities =
    [
        "GrantLevel", "PilotStatus", "Pilot", "PilotDescription", "PilotMeasure", "ReplicationLevel", "Innovation", "Adopter",
        "Replication", "InnovationMeasure", "HonourCategory", "Honour", "HonourDescription",
    ];

    private static readonly string[] ChronicleEntities = ["ChronicleEvent", "ChronicleLink", "DatePrecision"];

    private static readonly string[] IndicatorEntities =
    [
        "Indicator", "IndicatorInput", "TrajectoryPoint", "Observation", "IndicatorObjective", "IndicatorMeasure", "Direction",
        "RollUpMethod", "IndicatorStatus", "DatedValue", "StatusThresholds", "Trajectory", "TrajectoryStatus", "UnitValue", "RollUp",
    ];

    private static readonly string[] SupervisionEntities =
    [
        "SupervisionItem", "SupervisionRule", "SupervisionLevel", "SupervisionStatus", "ClosedBecause", "ExtensionRequest",
        "ExtensionStatus", "SupervisionOptions",
    ];

    private static readonly string[] ParksEntities =
    [
        "Park", "ParkDesignation", "DesignationKind", "DesignationLevel", "OutputTier", "OutputTierRule", "Cluster", "Chain",
        "ChainPark", "ChainEnterprise", "ChainMeasure", "ChainIndicator", "Standard", "StandardCriterion", "StandardCriterionInput", "StandardRule",
        "StandardStatus", "AssessmentRound", "RoundStatus", "AssessedPark", "AssessorScore", "AssessmentValue", "AssessmentEvidence",
        "ParkRectification", "ParkFigures",
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
    [InlineData("Diffusion")]
    [InlineData("Indicators")]
    [InlineData("Supervision")]
    [InlineData("Chronicle")]
    [InlineData("Parks")]
    [InlineData("Chiefs")]
    public void Entities_and_rules_know_nothing_of_the_database_or_the_web(string module)
    {
        var names = module switch
        {
            "Organisation" => OrganisationEntities,
            "Governance" => GovernanceEntities,
            "Diffusion" => DiffusionEntities,
            "Indicators" => IndicatorEntities,
            "Supervision" => SupervisionEntities,
            "Chronicle" => ChronicleEntities,
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
    public void Indicator_entities_refer_to_units_objectives_and_measures_by_id_only()
    {
        var result = Entities("Indicators", IndicatorEntities)
            .ShouldNot().HaveDependencyOnAny("ReformTrack.Modules.Organisation", "ReformTrack.Modules.Governance", "ReformTrack.Modules.Ledger")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Portal_reads_no_unpublished_entity_through_the_office_use_cases()
    {
        // The portal counts with its own queries on an unscoped context; it never calls the office's scoped use cases.
        var result = Types.InAssembly(App).That().ResideInNamespaceStartingWith("ReformTrack.Modules.Portal")
            .ShouldNot().HaveDependencyOnAny("ReformTrack.Modules.Indicators.ListIndicators", "ReformTrack.Modules.Indicators.GetIndicator",
                "ReformTrack.Modules.Ledger.ListMeasures", "ReformTrack.Modules.Ledger.GetMeasure")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Supervision_entities_refer_to_measures_and_units_by_id_only()
    {
        var result = Entities("Supervision", SupervisionEntities)
            .ShouldNot().HaveDependencyOnAny("ReformTrack.Modules.Organisation", "ReformTrack.Modules.Ledger", "ReformTrack.Modules.Accounts")
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
    public void Diffusion_entities_refer_to_units_and_measures_by_id_only()
    {
        var result = Entities("Diffusion", DiffusionEntities)
            .ShouldNot().HaveDependencyOnAny("ReformTrack.Modules.Organisation", "ReformTrack.Modules.Governance",
                "ReformTrack.Modules.Ledger")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Chronicle_entities_refer_to_other_modules_records_by_kind_and_id_only()
    {
        var result = Entities("Chronicle", ChronicleEntities)
            .ShouldNot().HaveDependencyOnAny("ReformTrack.Modules.Organisation", "ReformTrack.Modules.Governance",
                "ReformTrack.Modules.Ledger")
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

    private static readonly string[] ScoringCore =
        ["ScoringEngine", "ScoreRule", "Grade", "GradeBands", "ScoringCriterion", "SubjectInput", "ScoredSubject", "CriterionScore"];

    private static PredicateList ScoringCoreTypes() =>
        Types.InAssembly(App).That().ResideInNamespace("ReformTrack.Shared.Scoring")
            .And().HaveNameMatching($"^({string.Join('|', ScoringCore)})$");

    private static readonly string[] AppraisalEntities =
    [
        "AppraisalScheme", "SchemeCriterion", "CriterionKind", "SchemeStatus", "CriterionInput", "AppraisalRun", "RunStatus",
        "AppraisalResult", "AppraisalValue", "AppraisalAppeal", "AppealStatus",
    ];

    [Fact]
    public void The_scoring_core_depends_on_nothing_but_its_own_types()
    {
        var result = ScoringCoreTypes()
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "ReformTrack.Data",
                "ReformTrack.Modules")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
        Assert.Equal(ScoringCore.Length, ScoringCoreTypes().GetTypes().Count());
        Assert.Equal(ScoringCore.Length, Types.InAssembly(App).That().ResideInNamespace("ReformTrack.Shared.Scoring").GetTypes()
            .Count(t => !t.Name.StartsWith('<')));
    }

    [Fact]
    public void Appraisal_entities_know_nothing_of_the_database_the_web_or_the_ledger()
    {
        var result = Entities("Appraisal", AppraisalEntities)
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "ReformTrack.Data",
                "ReformTrack.Modules.Ledger", "ReformTrack.Modules.Organisation")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
        Assert.Equal(AppraisalEntities.Length, Entities("Appraisal", AppraisalEntities).GetTypes().Count());
    }

    [Fact]
    public void Parks_and_chiefs_entities_refer_to_other_modules_by_id_only()
    {
        var parks = Entities("Parks", ParksEntities)
            .ShouldNot().HaveDependencyOnAny("ReformTrack.Modules.Organisation", "ReformTrack.Modules.Ledger", "ReformTrack.Modules.Chiefs",
                "ReformTrack.Modules.Indicators")
            .GetResult();
        var chiefs = Entities("Chiefs", ChiefsEntities)
            .ShouldNot().HaveDependencyOnAny("ReformTrack.Modules.Organisation", "ReformTrack.Modules.Parks")
            .GetResult();

        Assert.True(parks.IsSuccessful, Failing(parks));
        Assert.True(chiefs.IsSuccessful, Failing(chiefs));
    }

    [Fact]
    public void Parks_reads_indicators_only_through_the_shared_contract()
    {
        // The chain page may show an indicator's status with the indicators' own chip; everything else goes through IIndicatorSummaries.
        var result = Types.InAssembly(App).That().ResideInNamespaceMatching(@"^ReformTrack\.Modules\.Parks$")
            .ShouldNot().HaveDependencyOn("ReformTrack.Modules.Indicators")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
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
