using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;

namespace ReformTrack.Cli;

/// <summary>
/// The <c>reformtrack</c> command: <c>serve</c> (the default), <c>migrate</c> and <c>seed</c>.
/// Options after the verb that the verb does not know (such as <c>--urls</c> or
/// <c>--Database:Provider=Postgres</c>) go to the host's configuration.
/// </summary>
internal static class CliApp
{
    private static readonly Dictionary<string, string> Help = new(StringComparer.Ordinal)
    {
        ["reformtrack"] = """
            ReformTrack: run a reform programme's ledger, reports and supervision.

            Usage: reformtrack [command] [options]

            Commands:
              serve      Start the web application (the default). Migrates the database first.
              migrate    Apply pending database migrations and exit.
              seed       Load data into the database and exit.

            Run 'reformtrack <command> --help' for a command's options.

            Configuration (appsettings.json, or environment variables):
              Database__Provider               Sqlite (default) or Postgres
              ConnectionStrings__ReformTrack   connection string (default: Data Source=data/reformtrack.db)
              ASPNETCORE_URLS                  where to listen (default: http://127.0.0.1:5080)
              Seed__Demo                       true: load the Fuzhou demo into an empty database at start
            """,
        ["serve"] = """
            Usage: reformtrack serve [--urls URL] [host options]

            Starts the web application: migrates the database, loads the demo data into an empty
            database when Seed:Demo is true, then serves the UI, /api/v1, /openapi/v1.json,
            /scalar and /health.
            """,
        ["migrate"] = """
            Usage: reformtrack migrate [host options]

            Applies every pending migration to the configured database and exits.
            """,
        ["seed"] = """
            Usage: reformtrack seed --demo [host options]

            --demo    Load the "Fuzhou 2014-2022" demonstration programme. Refuses a database that
                      already holds measures, so nothing is loaded twice.
            """,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;

        if (args is ["--help" or "-h" or "help", ..])
        {
            Console.WriteLine(Help["reformtrack"]);
            return 0;
        }

        if (!Help.ContainsKey(verb) || verb == "reformtrack")
        {
            await Console.Error.WriteLineAsync($"reformtrack: unknown command '{verb}'.\n\n{Help["reformtrack"]}");
            return 2;
        }

        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            Console.WriteLine(Help[verb]);
            return 0;
        }

        return verb switch
        {
            "migrate" => await MigrateAsync(rest),
            "seed" => await SeedAsync(rest),
            _ => await ServeAsync(rest),
        };
    }

    private static async Task<int> ServeAsync(string[] args)
    {
        var app = AppHost.BuildServer(args);
        await app.RunAsync();
        return 0;
    }

    private static async Task<int> MigrateAsync(string[] args)
    {
        await using var app = AppHost.BuildTool(args);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReformDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await DatabaseSetup.MigrateAsync(db);
        Console.WriteLine(pending.Count == 0
            ? "The database is up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return 0;
    }

    private static async Task<int> SeedAsync(string[] args)
    {
        if (!args.Contains("--demo"))
        {
            await Console.Error.WriteLineAsync($"reformtrack seed: say what to load.\n\n{Help["seed"]}");
            return 2;
        }

        await using var app = AppHost.BuildTool(args.Where(a => a != "--demo").ToArray());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReformDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        if (await db.Measures.AnyAsync())
        {
            await Console.Error.WriteLineAsync("reformtrack seed: the database already holds measures; the demo is loaded only into an empty database.");
            return 1;
        }

        var summary = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        Console.WriteLine($"Loaded the demo programme: {summary}");
        return 0;
    }
}
