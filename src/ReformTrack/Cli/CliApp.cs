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
              export     Write the ledger (or its empty template) to .xlsx or .csv.
              import     Check a ledger file and import it (all rows or none).
              report     Write the reform work report of a year (.docx).

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
        ["export"] = """
            Usage: reformtrack export --template [--out FILE]
                   reformtrack export [--format xlsx|csv] [--unit CODE] [--status STATUS] [--q TEXT] --out FILE

            --template   Write the empty ledger template (bilingual headers, notes sheet).
            --format     xlsx (default, or from the file name) or csv (UTF-8 with BOM).
            --unit       Only measures led by this unit (code) or a unit under it.
            --status     Only measures in this status (Draft, Active, Suspended, Completed, Cancelled).
            --q          Only measures whose code or title contains this text.
            --out, -o    The file to write (default: ledger-template.xlsx or ledger.xlsx).
            The export is in the template's layout: importing it again changes nothing.
            """,
        ["import"] = """
            Usage: reformtrack import FILE [--dry-run]

            Checks every row of FILE (.xlsx or .csv, UTF-8 or GB18030) and lists every error with its row
            and column. Without errors it writes all rows in one transaction: new codes create measures,
            known codes update them, report columns add progress reports.
            --dry-run    Only check and say what would change; write nothing.
            Exits 0 when imported (or, with --dry-run, when the file has no errors), 1 otherwise.
            """,
        ["report"] = """
            Usage: reformtrack report --period YEAR [--unit CODE] --out FILE.docx

            Writes the reform work report of YEAR for the unit's subtree (or all units): headline
            counts, the lights of active measures per key task and the overdue measures.
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
            "export" => await ExchangeCommands.ExportAsync(rest),
            "import" => await ExchangeCommands.ImportAsync(rest),
            "report" => await ExchangeCommands.ReportAsync(rest),
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
