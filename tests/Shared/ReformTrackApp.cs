using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ReformTrack.Modules.Accounts;

namespace ReformTrack.Testing;

/// <summary>A user a test signs in as: the password for the sign-in page, the token for the API.</summary>
public sealed record TestUser(int Id, string Email, string Password, string Token, Role Role);

/// <summary>
/// ReformTrack in-process on a database of its own, with a clock the test controls
/// (<see cref="Clock"/>, set to <see cref="DefaultNow"/>). Subclasses pick the provider.
/// <see cref="WebApplicationFactory{T}.CreateClient()"/> gives a client signed in as an administrator
/// (by access token); <see cref="CreateClientAs"/> signs in with another role, and
/// <see cref="CreateAnonymousClient"/> as nobody.
/// </summary>
public abstract class ReformTrackApp : WebApplicationFactory<Program>
{
    /// <summary>The instant every test host starts at, unless a test moves the clock.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    protected ReformTrackApp(TestDatabase database, bool seedDemo = false, bool ownsDatabase = true)
    {
        Database = database;
        SeedDemo = seedDemo;
        _ownsDatabase = ownsDatabase;
        _admin = new Lazy<TestUser>(() => CreateUser(Role.Admin, displayName: "Test administrator"));
    }

    public TestDatabase Database { get; }
    public bool SeedDemo { get; }
    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    private readonly Lazy<TestUser> _admin;
    private readonly bool _ownsDatabase;
    private int _users;

    /// <summary>The administrator that <c>CreateClient()</c> acts as.</summary>
    public TestUser Admin => _admin.Value;

    /// <summary>Adds a user with a generated password and an access token.</summary>
    public TestUser CreateUser(Role role, string? unitCode = null, string? displayName = null)
    {
        var n = Interlocked.Increment(ref _users);
        var email = $"{role.ToString().ToLowerInvariant()}{n}@test.reformtrack.org";
        var password = ManageUsers.NewPassword();
        return Task.Run(async () =>
        {
            await using var scope = Services.CreateAsyncScope();
            var added = await scope.ServiceProvider.GetRequiredService<ManageUsers>()
                .AddAsync(new NewUser(email, role, unitCode, displayName ?? $"{role} {n}", password));
            var token = await scope.ServiceProvider.GetRequiredService<ManageTokens>().CreateAsync(added.Id, "tests", null);
            return new TestUser(added.Id, email, password, token.Secret, role);
        }).GetAwaiter().GetResult();
    }

    /// <summary>A client acting as a new user of <paramref name="role"/> in the unit <paramref name="unitCode"/>.</summary>
    public HttpClient CreateClientAs(Role role, string? unitCode = null) => CreateClientFor(CreateUser(role, unitCode));

    public HttpClient CreateClientFor(TestUser user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", user.Token);
        return client;
    }

    /// <summary>A client that is not signed in.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Admin.Token);
    }

    /// <summary>Skips the calling test (with the reason) when this host's database is not available here.</summary>
    public void SkipIfUnavailable() => Skip.If(Database.Unavailable is not null, Database.Unavailable);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:ReformTrack", Database.ConnectionString);
        builder.UseSetting("Seed:Demo", SeedDemo ? "true" : "false");
        // Tests sign in many times from one address; the limit itself is tested with a low value.
        builder.UseSetting("Accounts:SignInsPerMinute", "10000");
        // The daily supervision job is not scheduled: tests run the rules themselves, on the fake clock's day.
        builder.UseSetting("Supervision:Schedule", "false");
        // Tests derive the chronicle when they mean to; a clock moved forward must not derive behind their back.
        builder.UseSetting("Chronicle:DeriveEvery", "00:00:00");
        // No portal count in the background at start: it would hold a connection to the database (the demo
        // template must have none when it is copied); the first portal visit counts instead.
        builder.UseSetting("Portal:CountAtStart", "false");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            Database.Dispose();
        }
    }
}

public class SqliteApp() : ReformTrackApp(new SqliteTestDatabase());

public class PostgresApp() : ReformTrackApp(new PostgresTestDatabase());

public class SqliteDemoApp() : ReformTrackApp(new SqliteTestDatabase(DemoTemplates.Sqlite), seedDemo: true);

public class PostgresDemoApp() : ReformTrackApp(new PostgresTestDatabase(() => DemoTemplates.Postgres), seedDemo: true);
