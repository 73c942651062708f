using Microsoft.EntityFrameworkCore;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;
using ReformTrack.Shared;

namespace ReformTrack.Data;

/// <summary>
/// The one model of ReformTrack. Each provider has a thin subclass so that each keeps its
/// own migrations (<see cref="SqliteReformDbContext"/>, <see cref="PostgresReformDbContext"/>).
/// </summary>
internal abstract class ReformDbContext(DbContextOptions options) : DbContext(options)
{
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

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReformDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and stable when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
