using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Exchange;
using ReformTrack.Modules.Ledger;

namespace ReformTrack.Cli;

/// <summary><c>reformtrack export</c> and <c>reformtrack import</c>: the ledger's spreadsheet exchange from the command line.</summary>
internal static class ExchangeCommands
{
    public static async Task<int> ExportAsync(string[] args)
    {
        var options = Options(args, ["--out", "-o", "--format", "--unit", "--status", "--q"], ["--template"], out var hostArgs, out _);
        if (options.ContainsKey("--template"))
        {
            var templatePath = options.GetValueOrDefault("--out") ?? options.GetValueOrDefault("-o") ?? "ledger-template.xlsx";
            await using (var file = File.Create(templatePath))
            {
                await ExportLedger.WriteTemplateAsync(file);
            }

            Console.WriteLine($"Wrote the ledger template to {templatePath}");
            return 0;
        }

        var path = options.GetValueOrDefault("--out") ?? options.GetValueOrDefault("-o") ?? "ledger.xlsx";
        var format = options.GetValueOrDefault("--format")
                     ?? (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "xlsx");
        if (format is not ("xlsx" or "csv"))
        {
            await Console.Error.WriteLineAsync($"reformtrack export: unknown format '{format}'; use xlsx or csv.");
            return 2;
        }

        MeasureStatus? status = null;
        if (options.GetValueOrDefault("--status") is { } statusName)
        {
            if (!Enum.TryParse<MeasureStatus>(statusName, ignoreCase: true, out var parsed))
            {
                await Console.Error.WriteLineAsync($"reformtrack export: unknown status '{statusName}'.");
                return 2;
            }

            status = parsed;
        }

        await using var app = AppHost.BuildTool(hostArgs);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReformDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        int? unitId = null;
        if (options.GetValueOrDefault("--unit") is { } unitCode)
        {
            unitId = await db.Units.Where(u => u.Code == unitCode).Select(u => (int?)u.Id).FirstOrDefaultAsync();
            if (unitId is null)
            {
                await Console.Error.WriteLineAsync($"reformtrack export: there is no unit with the code '{unitCode}'.");
                return 1;
            }
        }

        var filter = new LedgerFilter { UnitId = unitId, Statuses = status is { } s ? [s] : [], Text = options.GetValueOrDefault("--q") };
        var export = scope.ServiceProvider.GetRequiredService<ExportLedger>();
        await using (var file = File.Create(path))
        {
            if (format == "csv")
            {
                await export.WriteCsvAsync(filter, file);
            }
            else
            {
                await export.WriteXlsxAsync(filter, file);
            }
        }

        Console.WriteLine($"Wrote the ledger to {path}");
        return 0;
    }

    public static async Task<int> ImportAsync(string[] args)
    {
        var options = Options(args, [], ["--dry-run"], out var hostArgs, out var files);
        if (files.Count != 1)
        {
            await Console.Error.WriteLineAsync("reformtrack import: name one file to import.");
            return 2;
        }

        if (!File.Exists(files[0]))
        {
            await Console.Error.WriteLineAsync($"reformtrack import: there is no file {files[0]}.");
            return 2;
        }

        await using var app = AppHost.BuildTool(hostArgs);
        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<ReformDbContext>());
        var import = scope.ServiceProvider.GetRequiredService<ImportLedger>();
        var content = await File.ReadAllBytesAsync(files[0]);
        var actor = ImportActor.Unrestricted(Environment.UserName is { Length: > 0 } user ? user : ExchangeEndpoints.DefaultImporter);
        var dryRun = options.ContainsKey("--dry-run");
        ImportResult result;
        try
        {
            result = dryRun ? await import.PreviewAsync(content, actor) : await import.ApplyAsync(content, actor);
        }
        catch (Shared.RuleViolation violation)
        {
            await Console.Error.WriteLineAsync($"reformtrack import: {violation.Message}");
            return 1;
        }

        foreach (var error in result.Errors)
        {
            await Console.Error.WriteLineAsync($"row {error.Row}, {error.Column}: {error.Message}");
        }

        var verb = result.Applied ? "Imported" : dryRun && result.Errors.Count == 0 ? "Would import" : "Nothing imported";
        Console.WriteLine($"{verb}: {result.Creates} to create, {result.Updates} to update, {result.Unchanged} unchanged, " +
                          $"{result.Reports} reports, {result.Errors.Count} errors.");
        return result.Errors.Count == 0 ? 0 : 1;
    }

    public static async Task<int> ReportAsync(string[] args)
    {
        var options = Options(args, ["--period", "--unit", "--out", "-o"], [], out var hostArgs, out _);
        if (!int.TryParse(options.GetValueOrDefault("--period"), out var year))
        {
            await Console.Error.WriteLineAsync("reformtrack report: give the year, e.g. --period 2022.");
            return 2;
        }

        var path = options.GetValueOrDefault("--out") ?? options.GetValueOrDefault("-o") ?? $"reform-work-report-{year}.docx";
        await using var app = AppHost.BuildTool(hostArgs);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReformDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        int? unitId = null;
        if (options.GetValueOrDefault("--unit") is { } unitCode)
        {
            unitId = await db.Units.Where(u => u.Code == unitCode).Select(u => (int?)u.Id).FirstOrDefaultAsync();
            if (unitId is null)
            {
                await Console.Error.WriteLineAsync($"reformtrack report: there is no unit with the code '{unitCode}'.");
                return 1;
            }
        }

        try
        {
            await using var file = File.Create(path);
            await scope.ServiceProvider.GetRequiredService<WorkReport>().WriteAsync(year, unitId, file);
        }
        catch (Shared.RuleViolation violation)
        {
            await Console.Error.WriteLineAsync($"reformtrack report: {violation.Message}");
            return 1;
        }

        Console.WriteLine($"Wrote the {year} reform work report to {path}");
        return 0;
    }

    /// <summary>Splits the verb's own options from the host's; loose words are returned as files.</summary>
    private static Dictionary<string, string?> Options(string[] args, string[] withValue, string[] flags,
        out string[] hostArgs, out List<string> files)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var host = new List<string>();
        files = [];
        for (var i = 0; i < args.Length; i++)
        {
            if (withValue.Contains(args[i]) && i + 1 < args.Length)
            {
                options[args[i]] = args[++i];
            }
            else if (flags.Contains(args[i]))
            {
                options[args[i]] = null;
            }
            else if (args[i].StartsWith('-'))
            {
                host.Add(args[i]);
            }
            else
            {
                files.Add(args[i]);
            }
        }

        hostArgs = host.ToArray();
        return options;
    }
}
