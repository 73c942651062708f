using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ReformTrack.Testing;

/// <summary>
/// ReformTrack in-process on a database of its own, with a clock the test controls
/// (<see cref="Clock"/>, set to <see cref="DefaultNow"/>). Subclasses pick the provider.
/// </summary>
public abstract class ReformTrackApp : WebApplicationFactory<Program>
{
    /// <summary>The instant every test host starts at, unless a test moves the clock.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    protected ReformTrackApp(TestDatabase database, bool seedDemo = false)
    {
        Database = database;
        SeedDemo = seedDemo;
    }

    public TestDatabase Database { get; }
    public bool SeedDemo { get; }
    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    /// <summary>Skips the calling test (with the reason) when this host's database is not available here.</summary>
    public void SkipIfUnavailable() => Skip.If(Database.Unavailable is not null, Database.Unavailable);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:ReformTrack", Database.ConnectionString);
        builder.UseSetting("Seed:Demo", SeedDemo ? "true" : "false");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }
}

public class SqliteApp() : ReformTrackApp(new SqliteTestDatabase());

public class PostgresApp() : ReformTrackApp(new PostgresTestDatabase());

public class SqliteDemoApp() : ReformTrackApp(new SqliteTestDatabase(), seedDemo: true);

public class PostgresDemoApp() : ReformTrackApp(new PostgresTestDatabase(), seedDemo: true);
