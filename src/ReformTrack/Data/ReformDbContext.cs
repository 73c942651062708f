using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Appraisal;
using ReformTrack.Modules.Audit;
using ReformTrack.Modules.Chiefs;
using ReformTrack.Modules.Chronicle;
using ReformTrack.Modules.Diffusion;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Indicators;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;
using ReformTrack.Modules.Parks;
using ReformTrack.Modules.Supervision;
using ReformTrack.Shared;

namespace ReformTrack.Data;

/// <summary>
/// The one model of ReformTrack. Each provider has a thin subclass so that each keeps its
/// own migrations (<see cref="SqliteReformDbContext"/>, <see cref="PostgresReformDbContext"/>).
/// </summary>
internal abstract class ReformDbContext(DbContextOptions options) : IdentityUserContext<User, int>(options)
{
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<DocumentReview> DocumentReviews => Set<DocumentReview>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentClause> DocumentClauses => Set<DocumentClause>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<MeasureCoUnit> MeasureCoUnits => Set<MeasureCoUnit>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<Pilot> Pilots => Set<Pilot>();
    public DbSet<PilotMeasure> PilotMeasures => Set<PilotMeasure>();
    public DbSet<Innovation> Innovations => Set<Innovation>();
    public DbSet<Replication> Replications => Set<Replication>();
    public DbSet<InnovationMeasure> InnovationMeasures => Set<InnovationMeasure>();
    public DbSet<Honour> Honours => Set<Honour>();
    public DbSet<AppraisalScheme> AppraisalSchemes => Set<AppraisalScheme>();
    public DbSet<AppraisalRun> AppraisalRuns => Set<AppraisalRun>();
    public DbSet<AppraisalResult> AppraisalResults => Set<AppraisalResult>();
    public DbSet<AppraisalValue> AppraisalValues => Set<AppraisalValue>();
    public DbSet<AppraisalAppeal> AppraisalAppeals => Set<AppraisalAppeal>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<TrajectoryPoint> TrajectoryPoints => Set<TrajectoryPoint>();
    public DbSet<IndicatorObjective> IndicatorObjectives => Set<IndicatorObjective>();
    public DbSet<IndicatorMeasure> IndicatorMeasures => Set<IndicatorMeasure>();
    public DbSet<SupervisionItem> SupervisionItems => Set<SupervisionItem>();
    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();
    public DbSet<SupervisionRun> SupervisionRuns => Set<SupervisionRun>();
    public DbSet<DigestSent> DigestsSent => Set<DigestSent>();
    public DbSet<ChronicleEvent> ChronicleEvents => Set<ChronicleEvent>();
    public DbSet<ChronicleLink> ChronicleLinks => Set<ChronicleLink>();
    public DbSet<Park> Parks => Set<Park>();
    public DbSet<ParkDesignation> ParkDesignations => Set<ParkDesignation>();
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<Chain> Chains => Set<Chain>();
    public DbSet<ChainPark> ChainParks => Set<ChainPark>();
    public DbSet<ChainEnterprise> ChainEnterprises => Set<ChainEnterprise>();
    public DbSet<ChainMeasure> ChainMeasures => Set<ChainMeasure>();
    public DbSet<ChainIndicator> ChainIndicators => Set<ChainIndicator>();
    public DbSet<Water> Waters => Set<Water>();
    public DbSet<ChiefAssignment> ChiefAssignments => Set<ChiefAssignment>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<ChiefIssue> ChiefIssues => Set<ChiefIssue>();
    public DbSet<Standard> Standards => Set<Standard>();
    public DbSet<AssessmentRound> AssessmentRounds => Set<AssessmentRound>();
    public DbSet<AssessedPark> AssessedParks => Set<AssessedPark>();
    public DbSet<AssessorScore> AssessorScores => Set<AssessorScore>();
    public DbSet<AssessmentValue> AssessmentValues => Set<AssessmentValue>();
    public DbSet<AssessmentEvidence> AssessmentEvidence => Set<AssessmentEvidence>();
    public DbSet<ParkRectification> ParkRectifications => Set<ParkRectification>();

    /// <summary>
    /// The materialised path of the acting user's unit: measures outside that subtree, and their
    /// milestones and reports, are filtered out of every query. Null: no filter. Set by <see cref="ScopedDb"/>.
    /// </summary>
    public string? ScopePath { get; set; }

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReformDbContext).Assembly);

        // A measure is in scope when its lead unit or one of its co-units lies in the user's subtree.
        modelBuilder.Entity<Measure>().HasQueryFilter(m => ScopePath == null
            || Units.Any(u => u.Id == m.LeadUnitId && u.Path.StartsWith(ScopePath))
            || MeasureCoUnits.Any(c => c.MeasureId == m.Id && Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(ScopePath))));
        modelBuilder.Entity<Milestone>().HasQueryFilter(s => ScopePath == null || Measures.Any(m => m.Id == s.MeasureId));
        modelBuilder.Entity<ProgressReport>().HasQueryFilter(r => ScopePath == null || Measures.Any(m => m.Id == r.MeasureId));

        // Pilots by their holder unit, innovations by their origin, honours by the unit they belong to;
        // one held by a named area only (no unit) is seen by unscoped users alone.
        modelBuilder.Entity<Pilot>().HasQueryFilter(p => ScopePath == null
            || Units.Any(u => u.Id == p.HolderUnitId && u.Path.StartsWith(ScopePath)));
        modelBuilder.Entity<Innovation>().HasQueryFilter(i => ScopePath == null
            || Units.Any(u => u.Id == i.OriginUnitId && u.Path.StartsWith(ScopePath)));
        modelBuilder.Entity<Replication>().HasQueryFilter(r => ScopePath == null || Innovations.Any(i => i.Id == r.InnovationId));
        modelBuilder.Entity<Honour>().HasQueryFilter(h => ScopePath == null
            || Units.Any(u => u.Id == h.UnitId && u.Path.StartsWith(ScopePath)));
        // A unit sees its own appeals (those of units in its subtree); rankings are public to every reader.
        modelBuilder.Entity<AppraisalAppeal>().HasQueryFilter(a => ScopePath == null
            || Units.Any(u => u.Id == a.UnitId && u.Path.StartsWith(ScopePath)));
        // An indicator is in scope when the unit responsible for it lies in the user's subtree.
        modelBuilder.Entity<Indicator>().HasQueryFilter(i => ScopePath == null
            || Units.Any(u => u.Id == i.UnitId && u.Path.StartsWith(ScopePath)));
        modelBuilder.Entity<Observation>().HasQueryFilter(o => ScopePath == null || Indicators.Any(i => i.Id == o.IndicatorId));
        // Supervision items and extension requests belong to the unit that answers them: in scope when it is in the subtree.
        modelBuilder.Entity<SupervisionItem>().HasQueryFilter(i => ScopePath == null
            || Units.Any(u => u.Id == i.UnitId && u.Path.StartsWith(ScopePath)));
        modelBuilder.Entity<ExtensionRequest>().HasQueryFilter(e => ScopePath == null
            || Units.Any(u => u.Id == e.UnitId && u.Path.StartsWith(ScopePath)));
        // A chronicle event without a unit belongs to the whole programme; a deleted derived event is a tombstone, never shown.
        modelBuilder.Entity<ChronicleEvent>().HasQueryFilter(e => !e.Suppressed
            && (ScopePath == null || e.UnitId == null || Units.Any(u => u.Id == e.UnitId && u.Path.StartsWith(ScopePath))));
        // Parks and waters are in scope by their district; chains and clusters are the city's and
        // visible to everyone, their out-of-scope parks hidden (ADR 0025).
        modelBuilder.Entity<Park>().HasQueryFilter(p => ScopePath == null
            || Units.Any(u => u.Id == p.DistrictUnitId && u.Path.StartsWith(ScopePath)));
        modelBuilder.Entity<ParkDesignation>().HasQueryFilter(d => ScopePath == null || Parks.Any(p => p.Id == d.ParkId));
        modelBuilder.Entity<Water>().HasQueryFilter(w => ScopePath == null
            || Units.Any(u => u.Id == w.DistrictUnitId && u.Path.StartsWith(ScopePath)));
        // An assignment is in scope with its object: a chain always, a park or water by its district.
        modelBuilder.Entity<ChiefAssignment>().HasQueryFilter(a => ScopePath == null
            || a.ObjectKind == ChiefObjectKind.Chain
            || (a.ObjectKind == ChiefObjectKind.Park && Parks.Any(p => p.Id == a.ObjectId))
            || ((a.ObjectKind == ChiefObjectKind.River || a.ObjectKind == ChiefObjectKind.Lake || a.ObjectKind == ChiefObjectKind.Reach)
                && Waters.Any(w => w.Id == a.ObjectId)));
        modelBuilder.Entity<Inspection>().HasQueryFilter(i => ScopePath == null || ChiefAssignments.Any(a => a.Id == i.AssignmentId));
        modelBuilder.Entity<ChiefIssue>().HasQueryFilter(i => ScopePath == null || ChiefAssignments.Any(a => a.Id == i.AssignmentId));
        modelBuilder.Entity<EvidenceFile>().HasQueryFilter(f => ScopePath == null || Inspections.Any(i => i.Id == f.InspectionId));
        // Standards and assessment rounds are the city's; a park's results are in scope with the park.
        modelBuilder.Entity<AssessedPark>().HasQueryFilter(a => ScopePath == null || Parks.Any(p => p.Id == a.ParkId));
        modelBuilder.Entity<AssessorScore>().HasQueryFilter(a => ScopePath == null || Parks.Any(p => p.Id == a.ParkId));
        modelBuilder.Entity<AssessmentValue>().HasQueryFilter(v => ScopePath == null || Parks.Any(p => p.Id == v.ParkId));
        modelBuilder.Entity<ParkRectification>().HasQueryFilter(r => ScopePath == null || Parks.Any(p => p.Id == r.ParkId));
        modelBuilder.Entity<AssessmentEvidence>().HasQueryFilter(f => ScopePath == null
            || AssessorScores.Any(s => s.Id == f.AssessorScoreId));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and stable when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    /// <summary>Every save goes through <see cref="SaveChangesAsync(bool, CancellationToken)"/>, which writes the audit trail.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Save with SaveChangesAsync, which writes the audit trail in the same transaction.");

    /// <summary>Saves the changes and their audit entries in one transaction: both are written, or neither.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        var changes = AuditTrail.Capture(ChangeTracker);
        if (changes.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            if (await AuditTrail.AppendAsync(this, changes, commit: own is not null, cancellationToken))
            {
                await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>Every saved change of an edited entity moves its version (its ETag) on.</summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }
}

internal sealed class SqliteReformDbContext(DbContextOptions<SqliteReformDbContext> options) : ReformDbContext(options);

internal sealed class PostgresReformDbContext(DbContextOptions<PostgresReformDbContext> options) : ReformDbContext(options);
