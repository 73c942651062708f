using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Data.Synthetic;
using ReformTrack.Modules.Accounts;
using ReformTrack.Shared;

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
              user       Add a user (the first administrator, for instance).
              token      Create a personal access token for a user's API scripts.
              audit      Verify the audit trail's hash chain.
              appraise   Run an appraisal scheme over a year and print the ranking.
              supervise  Run the supervision rules for today (and send the day's digests).
              chronicle  Derive the chronicle's events from the records.

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
                   reformtrack seed --synthetic --scale city|province [--seed N] [host options]

            --demo         Load the "Fuzhou 2014-2022" demonstration programme. Refuses a database that
                           already holds measures, so nothing is loaded twice. Creates one demo user of
                           each role and prints their generated passwords once.
            --synthetic    Load a generated programme for benchmarks, the same for the same seed:
                           city      about 230 units, 2,000 measures and 20,000 progress reports;
                           province  about 2,000 units, 200,000 measures and 2,000,000 progress reports.
                           States and lights are designed for 2026-11-28. Bulk-loaded; refuses a
                           database that already holds data.
            --seed N       The random seed of --synthetic (default 20261128).
            """,
        ["user"] = """
            Usage: reformtrack user add --email E --role R [--unit CODE] [--name NAME] [--password-stdin]

            Adds a user. Roles: admin, office, leader, liaison, viewer. Every role but admin needs
            --unit, the code of the unit whose subtree is the user's scope.
            --password-stdin   read the password from the first line of standard input; without it
                               a password is generated and printed once.
            """,
        ["appraise"] = """
            Usage: reformtrack appraise --scheme CODE --period YEAR [--publish] [--unit CODE] [--kind KIND] [host options]

            Runs the latest published revision of the scheme CODE (or its draft when none is published)
            over YEAR for the units of KIND directly under the unit CODE (default: the district and
            county offices under the top of the tree), stores the run and prints the ranking.
            --publish   Publish the run: its values are frozen and the year is locked for the scheme.
            Exits 0 when the run was made, 1 when a rule refused it (e.g. the year is already published).
            """,
        ["audit"] = """
            Usage: reformtrack audit verify [host options]

            Walks the audit trail's hash chain from the first entry and reports the first entry
            that was changed, removed or inserted. Exits 0 when the chain holds, 1 when it is broken.
            """,
        ["chronicle"] = """
            Usage: reformtrack chronicle derive [host options]

            Adds to the chronicle (大事记) every event the records support and it does not hold yet:
            commissions founded, documents passed at meetings, key measures completed, and the events
            of every other module. Running it again adds nothing; edited and deleted events stay as they are.
            """,
        ["token"] = """
            Usage: reformtrack token create --email E --name N [--expires 30d]

            Creates a personal access token for the user, to send as 'Authorization: Bearer TOKEN'.
            The token is printed once, alone on the last line; only its hash is stored.
            --expires   lifetime in days (1 to 366), e.g. 30d; without it the token does not expire.
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
        ["supervise"] = """
            Usage: reformtrack supervise [--date yyyy-MM-dd] [--force] [--digest] [host options]

            Runs the daily supervision rules over every active measure: opens items (overdue, yellow or
            red light, report missing, milestone missed), climbs the escalation ladder and closes items
            whose measure is back on track. A day already evaluated is left as it is unless --force.
            --date     the day to evaluate (default: today)
            --force    evaluate again a day already evaluated (idempotent: the same data changes nothing)
            --digest   then send the day's email digests (one per person per day; needs Smtp:Host)
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
            "user" => await UserAsync(rest),
            "token" => await TokenAsync(rest),
            "audit" => await AuditAsync(rest),
            "appraise" => await AppraisalCommands.AppraiseAsync(rest),
            "supervise" => await SuperviseAsync(rest),
            "chronicle" => await ChronicleAsync(rest),
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
        if (args.Contains("--synthetic"))
        {
            return await SeedSyntheticAsync(args);
        }

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
        if (!await db.Users.AnyAsync())
        {
            await scope.ServiceProvider.GetRequiredService<DemoUsers>().CreateAsync();
        }

        return 0;
    }

    private static async Task<int> SuperviseAsync(string[] args)
    {
        DateOnly? day = null;
        var host = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--date" && i + 1 < args.Length)
            {
                if (!DateOnly.TryParseExact(args[++i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    await Console.Error.WriteLineAsync($"reformtrack supervise: '{args[i]}' is not a date (yyyy-MM-dd).");
                    return 2;
                }

                day = d;
            }
            else if (args[i] is not ("--force" or "--digest"))
            {
                host.Add(args[i]);
            }
        }

        await using var app = AppHost.BuildTool(host.ToArray());
        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<ReformDbContext>());
        var result = await scope.ServiceProvider.GetRequiredService<Modules.Supervision.EvaluateSupervision>()
            .RunAsync(day, args.Contains("--force"));
        Console.WriteLine(result.AlreadyRan
            ? $"{result.Day:yyyy-MM-dd} was already evaluated; nothing changed (use --force to evaluate it again)."
            : $"{result.Day:yyyy-MM-dd}: {result.Opened} items opened, {result.Escalated} escalated, {result.Reclassified} reclassified, {result.Closed} closed.");
        if (args.Contains("--digest"))
        {
            var digests = await scope.ServiceProvider.GetRequiredService<Modules.Supervision.SendDigests>().RunAsync(day);
            Console.WriteLine(digests.Disabled
                ? "No digests: Smtp:Host is not set."
                : $"Digests: {digests.Sent} sent, {digests.AlreadySent} already sent today.");
        }

        return 0;
    }

    private static async Task<int> UserAsync(string[] args)
    {
        var (options, host) = Options(args, "add", ["--email", "--role", "--unit", "--name"], ["--password-stdin"]);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"reformtrack user: unknown usage.\n\n{Help["user"]}");
            return 2;
        }

        Role? role = Enum.TryParse<Role>(options.GetValueOrDefault("--role"), ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed) ? parsed : null;
        if (options.ContainsKey("--role") && role is null)
        {
            await Console.Error.WriteLineAsync($"reformtrack user: unknown role '{options["--role"]}'; use admin, office, leader, liaison or viewer.");
            return 2;
        }

        string? password = null;
        if (options.ContainsKey("--password-stdin"))
        {
            password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password))
            {
                await Console.Error.WriteLineAsync("reformtrack user: --password-stdin was given but standard input is empty.");
                return 2;
            }
        }

        await using var app = AppHost.BuildTool(host);
        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<ReformDbContext>());
        try
        {
            var added = await scope.ServiceProvider.GetRequiredService<ManageUsers>().AddAsync(new NewUser(
                options.GetValueOrDefault("--email"), role, options.GetValueOrDefault("--unit"),
                options.GetValueOrDefault("--name"), password));
            Console.WriteLine($"Added {added.Role} {added.Email} (user {added.Id}).");
            if (added.GeneratedPassword is { } generated)
            {
                Console.WriteLine("Password (shown once):");
                Console.WriteLine(generated);
            }

            return 0;
        }
        catch (RuleViolation violation)
        {
            await Console.Error.WriteLineAsync($"reformtrack user: {Describe(violation)}");
            return 1;
        }
    }

    private static async Task<int> AuditAsync(string[] args)
    {
        var (options, host) = Options(args, "verify", [], []);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"reformtrack audit: unknown usage.\n\n{Help["audit"]}");
            return 2;
        }

        await using var app = AppHost.BuildTool(host);
        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<ReformDbContext>());
        var result = await scope.ServiceProvider.GetRequiredService<Modules.Audit.VerifyAudit>().RunAsync();
        if (result.Intact)
        {
            Console.WriteLine($"The audit trail holds: {result.Checked} entries checked.");
            return 0;
        }

        Console.WriteLine($"The audit trail is broken at entry {result.FirstBrokenId}: {result.Problem}.");
        return 1;
    }

    private static async Task<int> ChronicleAsync(string[] args)
    {
        var (options, host) = Options(args, "derive", [], []);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"reformtrack chronicle: unknown usage.\n\n{Help["chronicle"]}");
            return 2;
        }

        await using var app = AppHost.BuildTool(host);
        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<ReformDbContext>());
        var result = await scope.ServiceProvider.GetRequiredService<Modules.Chronicle.DeriveChronicle>().RunAsync();
        Console.WriteLine($"Derived the chronicle: {result.Added} new events from {result.Facts} facts.");
        return 0;
    }

    private static async Task<int> TokenAsync(string[] args)
    {
        var (options, host) = Options(args, "create", ["--email", "--name", "--expires"], []);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"reformtrack token: unknown usage.\n\n{Help["token"]}");
            return 2;
        }

        await using var app = AppHost.BuildTool(host);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReformDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        var email = options.GetValueOrDefault("--email")?.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => (int?)u.Id).FirstOrDefaultAsync();
        if (userId is null)
        {
            await Console.Error.WriteLineAsync($"reformtrack token: there is no user with the email '{options.GetValueOrDefault("--email")}'.");
            return 1;
        }

        try
        {
            var token = await scope.ServiceProvider.GetRequiredService<ManageTokens>().CreateAsync(userId.Value,
                options.GetValueOrDefault("--name"), ManageTokens.ParseDays(options.GetValueOrDefault("--expires")));
            Console.WriteLine(token.ExpiresAt is { } expires
                ? $"Created token '{token.Name}' (expires {expires:yyyy-MM-dd HH:mm} UTC). It is shown once:"
                : $"Created token '{token.Name}' (does not expire). It is shown once:");
            Console.WriteLine(token.Secret);
            return 0;
        }
        catch (RuleViolation violation)
        {
            await Console.Error.WriteLineAsync($"reformtrack token: {Describe(violation)}");
            return 1;
        }
    }

    /// <summary>
    /// Splits "SUBVERB --opt value ... --flag" into the known options and the rest (host configuration).
    /// Null when the sub-verb is missing or an option lacks its value.
    /// </summary>
    private static (Dictionary<string, string>? Options, string[] Host) Options(string[] args, string subVerb,
        string[] valued, string[] flags)
    {
        if (args.Length == 0 || args[0] != subVerb)
        {
            return (null, []);
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var host = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (valued.Contains(args[i]))
            {
                if (i + 1 >= args.Length)
                {
                    return (null, []);
                }

                options[args[i]] = args[++i];
            }
            else if (flags.Contains(args[i]))
            {
                options[args[i]] = "";
            }
            else
            {
                host.Add(args[i]);
            }
        }

        return (options, host.ToArray());
    }

    private static string Describe(RuleViolation violation) =>
        violation.Arguments.Count == 0 || !violation.Message.Contains('{', StringComparison.Ordinal)
            ? violation.Message
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, violation.Message, [.. violation.Arguments]);

    private static async Task<int> SeedSyntheticAsync(string[] args)
    {
        var scaleAt = Array.IndexOf(args, "--scale");
        var scale = scaleAt >= 0 && scaleAt + 1 < args.Length ? SyntheticScale.Find(args[scaleAt + 1]) : null;
        if (scale is null)
        {
            await Console.Error.WriteLineAsync($"reformtrack seed: --synthetic needs --scale city or --scale province.\n\n{Help["seed"]}");
            return 2;
        }

        var seedAt = Array.IndexOf(args, "--seed");
        var seed = SyntheticSeeder.DefaultSeed;
        if (seedAt >= 0 && (seedAt + 1 >= args.Length
                            || !int.TryParse(args[seedAt + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out seed)))
        {
            await Console.Error.WriteLineAsync("reformtrack seed: --seed needs a whole number.");
            return 2;
        }

        var hostArgs = args.Where((a, i) => a != "--synthetic" && i != scaleAt && i != scaleAt + 1
                                            && (seedAt < 0 || (i != seedAt && i != seedAt + 1))).ToArray();
        await using var app = AppHost.BuildTool(hostArgs);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReformDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        try
        {
            var summary = await new SyntheticSeeder(db).SeedAsync(scale, seed);
            Console.WriteLine($"Loaded a synthetic programme: {summary}");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"reformtrack seed: {e.Message}");
            return 1;
        }
    }
}
