using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Data;
using ReformTrack.Data.Synthetic;
using ReformTrack.Modules.Appraisal;
using ReformTrack.Modules.Diffusion;
using ReformTrack.Modules.Exchange;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Supervision;

namespace ReformTrack.Bench;

/// <summary>
/// The province-scale SQLite file the in-process benchmarks read: <c>REFORMTRACK_BENCH_DB</c>, or
/// <c>$TMPDIR/reformtrack-bench/province.db</c>, generated once (default seed) when missing.
/// </summary>
internal static class BenchDatabase
{
    /// <summary>The day the synthetic programme's states are designed for; the benchmarks' clock stands there.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public static string Path =>
        Environment.GetEnvironmentVariable("REFORMTRACK_BENCH_DB") is { Length: > 0 } path
            ? path
            : System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reformtrack-bench", "province.db");

    public static string ConnectionString => $"Data Source={Path}";

    public static void EnsureGenerated()
    {
        if (File.Exists(Path))
        {
            return;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var options = new DbContextOptionsBuilder<SqliteReformDbContext>();
        DatabaseSetup.ConfigureSqlite(options, ConnectionString);
        using var db = new SqliteReformDbContext(options.Options);
        DatabaseSetup.MigrateAsync(db).GetAwaiter().GetResult();
        var summary = new SyntheticSeeder(db).SeedAsync(SyntheticScale.Province, SyntheticSeeder.DefaultSeed).GetAwaiter().GetResult();
        Console.WriteLine($"Generated {Path}: {summary}");
    }

    private static readonly Lazy<string> Work = new(() =>
    {
        EnsureGenerated();
        var copy = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "work.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(copy + suffix);
        }

        File.Copy(Path, copy);
        return $"Data Source={copy}";
    });

    /// <summary>
    /// A copy of the province file (made once a process) for the benchmarks that write: supervision
    /// items, appraisal runs and imported measures never reach the file the other benchmarks and the HTTP load read.
    /// </summary>
    public static string WorkConnectionString => Work.Value;

    /// <summary>A raw connection to the working copy, with the app's pragmas.</summary>
    public static SqliteConnection OpenWork() => OpenRaw(WorkConnectionString);

    /// <summary>The app's own services over the benchmark file (or another), with the clock at <see cref="Now"/>.</summary>
    public static ServiceProvider Services(string? connectionString = null)
    {
        EnsureGenerated();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:ReformTrack"] = connectionString ?? ConnectionString,
                ["Supervision:Schedule"] = "false",
                // The import benchmark reads a file of 100,000 rows, above the limits an upload has by default.
                ["Exchange:Import:MaxRows"] = "200000",
                ["Exchange:Import:MaxFileBytes"] = "268435456",
                // The in-process figures are the cost of computing an answer; the HTTP load measures the
                // server as it runs, with the read cache (decision 0030).
                ["ReadCache:Enabled"] = "false",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        // The use cases narrow to the caller's unit scope; the benchmarks read as an administrator (the whole province).
        services.AddHttpContextAccessor();
        services.AddSingleton<AuthenticationStateProvider>(new Administrator());
        services.AddReformDatabase(configuration, AppContext.BaseDirectory);
        services.AddLocalization();
        services.AddLedger(configuration);
        services.AddDiffusion();
        services.AddAppraisal();
        services.AddSupervision(configuration);
        services.AddExchange(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>A raw connection with the same pragmas the app sets on its own.</summary>
    public static SqliteConnection OpenRaw(string? connectionString = null)
    {
        var connection = new SqliteConnection(connectionString ?? ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
        command.ExecuteNonQuery();
        return connection;
    }

    public static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class Administrator : AuthenticationStateProvider
    {
        private static readonly Task<AuthenticationState> State = Task.FromResult(new AuthenticationState(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bench"), new Claim(ClaimTypes.Role, "Admin")], "bench"))));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => State;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
