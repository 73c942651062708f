using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using ReformTrack.Modules.Accounts;

namespace ReformTrack.Data;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the provider from configuration and registers the one model for it.</summary>
internal static class DatabaseSetup
{
    public const string ConnectionStringName = "ReformTrack";
    public const string DefaultSqlitePath = "data/reformtrack.db";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException(
                $"Database:Provider is '{value}'; use 'Sqlite' or 'Postgres'.");
    }

    /// <summary>
    /// The SQLite connection string with a relative file resolved against the content root,
    /// its folder created, and a busy timeout so writers wait for each other instead of failing.
    /// </summary>
    public static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultSqlitePath}" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        builder.Pooling = true;
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }

    public static IServiceCollection AddReformDatabase(this IServiceCollection services, IConfiguration configuration,
        string contentRoot)
    {
        services.AddSingleton<AccessTokenCache>();
        var provider = ProviderFrom(configuration);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Sqlite)
        {
            var connectionString = SqliteConnectionString(configured, contentRoot);
            services.AddPooledDbContextFactory<SqliteReformDbContext>((sp, o) =>
                ConfigureSqlite(o, connectionString).AddInterceptors(sp.GetRequiredService<AccessTokenCache>()));
            services.AddSingleton<IDbContextFactory<ReformDbContext>>(sp =>
                new ReformDbContextFactory<SqliteReformDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteReformDbContext>>()));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:ReformTrack is empty; set ConnectionStrings__ReformTrack.");
            }

            services.AddPooledDbContextFactory<PostgresReformDbContext>((sp, o) =>
                ConfigurePostgres(o, configured).AddInterceptors(sp.GetRequiredService<AccessTokenCache>()));
            services.AddSingleton<IDbContextFactory<ReformDbContext>>(sp =>
                new ReformDbContextFactory<PostgresReformDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresReformDbContext>>()));
        }

        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ReformDbContext>>().CreateDbContext());
        services.AddHttpContextAccessor();
        services.AddScoped<UserScope>();
        services.AddScoped<ScopedDb>();
        services.AddSingleton(sp => new DataVersion(sp.GetRequiredService<IDbContextFactory<ReformDbContext>>(),
            batched: provider == DatabaseProvider.Postgres));
        services.AddSingleton(sp => ReadCache.From(sp.GetRequiredService<DataVersion>(), configuration));
        return services;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(ReformDbContext).Assembly.GetName().Name))
            .AddInterceptors(SqlitePragmas.Instance);

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithPreparedStatements(connectionString),
            o => o.MigrationsAssembly(typeof(ReformDbContext).Assembly.GetName().Name));

    /// <summary>
    /// Unless the connection string says otherwise, Npgsql prepares the statements a connection runs
    /// twice or more (up to 128 of them), so the server parses and plans each only once. The app
    /// sends the same few statements again and again: the write load went from 289–358 to 394–474
    /// requests/s with it, in pairs of runs taken minutes apart (docs/performance.md).
    /// </summary>
    internal static string WithPreparedStatements(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 128;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    /// <summary>Applies pending migrations; on SQLite also switches the file to WAL.</summary>
    public static async Task MigrateAsync(ReformDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.IsSqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // Nothing to apply, as on every start but the first after an upgrade: then Migrate is skipped. It would
        // take the migrations lock and build the last migration's model to compare it with the app's, which
        // is most of what a start spends on the database before it can serve. A new database (every test's)
        // still goes through Migrate and its check that no model change lacks a migration.
        if (await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken)
            && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return;
        }

        await db.Database.MigrateAsync(cancellationToken);
        foreach (var index in SupplementaryIndexes)
        {
            await db.Database.ExecuteSqlRawAsync(index, cancellationToken);
        }
    }

    /// <summary>
    /// Indexes the model cannot declare, created after the migrations on both providers (decision 0029).
    /// EF Core 10 cannot index a complex type's columns, such as a report's period: the appraisal's
    /// report criteria read a year of reports by period (about a sixth of all reports), and without
    /// this index every appraisal run reads the whole reports table twice.
    /// </summary>
    public static readonly IReadOnlyList<string> SupplementaryIndexes =
    [
        "CREATE INDEX IF NOT EXISTS \"IX_ProgressReports_Period_MeasureId_Status_SubmittedAt\" " +
        "ON \"ProgressReports\" (\"Period\", \"MeasureId\", \"Status\", \"SubmittedAt\")",
    ];

    private sealed class ReformDbContextFactory<T>(IDbContextFactory<T> inner) : IDbContextFactory<ReformDbContext>
        where T : ReformDbContext
    {
        /// <summary>A pooled context comes back unscoped; <see cref="ScopedDb"/> scopes it for a user.</summary>
        public ReformDbContext CreateDbContext()
        {
            var db = inner.CreateDbContext();
            db.ScopePath = null;
            return db;
        }
    }
}

/// <summary>
/// Every SQLite connection waits up to 30 s for the write lock (busy_timeout) and commits in
/// WAL with synchronous=NORMAL. Write transactions start with BEGIN IMMEDIATE (the
/// Microsoft.Data.Sqlite default), so a writer never has to upgrade a read lock and fail.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteReformDbContext>
{
    public SqliteReformDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteReformDbContext>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteReformDbContext(options.Options);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without starting the web host.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresReformDbContext>
{
    public PostgresReformDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresReformDbContext>();
        DatabaseSetup.ConfigurePostgres(options, "Host=127.0.0.1;Database=reformtrack;Username=postgres");
        return new PostgresReformDbContext(options.Options);
    }
}
