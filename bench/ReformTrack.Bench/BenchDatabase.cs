using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Data;
using ReformTrack.Data.Synthetic;
using ReformTrack.Modules.Ledger;

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

    /// <summary>The app's own services over the benchmark file, with the clock at <see cref="Now"/>.</summary>
    public static ServiceProvider Services()
    {
        EnsureGenerated();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:ReformTrack"] = ConnectionString,
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
        services.AddLedger(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>A raw connection with the same pragmas the app sets on its own.</summary>
    public static SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(ConnectionString);
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
