using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Appraisal;
using ReformTrack.Modules.Organisation;
using ReformTrack.Shared;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Cli;

/// <summary><c>reformtrack appraise</c>: runs an appraisal scheme over a year and prints the ranking.</summary>
internal static class AppraisalCommands
{
    public const string Actor = "reformtrack appraise";

    public static async Task<int> AppraiseAsync(string[] args)
    {
        string? scheme = null, period = null, unitCode = null, kindName = null;
        var publish = false;
        var host = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--scheme" when i + 1 < args.Length: scheme = args[++i]; break;
                case "--period" when i + 1 < args.Length: period = args[++i]; break;
                case "--unit" when i + 1 < args.Length: unitCode = args[++i]; break;
                case "--kind" when i + 1 < args.Length: kindName = args[++i]; break;
                case "--publish": publish = true; break;
                default: host.Add(args[i]); break;
            }
        }

        if (scheme is null || !int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            await Console.Error.WriteLineAsync("reformtrack appraise: say which scheme (--scheme CODE) and which year (--period YYYY).");
            return 2;
        }

        var kind = UnitKind.DistrictOffice;
        if (kindName is not null && !Enum.TryParse(kindName, ignoreCase: true, out kind))
        {
            await Console.Error.WriteLineAsync($"reformtrack appraise: unknown unit kind '{kindName}'.");
            return 2;
        }

        await using var app = AppHost.BuildTool(host.ToArray());
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ReformDbContext>();
        await DatabaseSetup.MigrateAsync(db);

        var revisions = await db.AppraisalSchemes.Where(s => s.Code == scheme)
            .Select(s => new { s.Id, s.Revision, s.Status }).ToListAsync();
        var chosen = revisions.Where(s => s.Status == SchemeStatus.Published).MaxBy(s => s.Revision) ?? revisions.MaxBy(s => s.Revision);
        if (chosen is null)
        {
            await Console.Error.WriteLineAsync($"reformtrack appraise: there is no scheme with the code '{scheme}'.");
            return 1;
        }

        int? rootId = null;
        if (unitCode is not null)
        {
            rootId = await db.Units.Where(u => u.Code == unitCode).Select(u => (int?)u.Id).FirstOrDefaultAsync();
            if (rootId is null)
            {
                await Console.Error.WriteLineAsync($"reformtrack appraise: there is no unit with the code '{unitCode}'.");
                return 1;
            }
        }

        try
        {
            var runId = await services.GetRequiredService<RunAppraisal>()
                .RunAsync(new RunRequest(chosen.Id, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), rootId, kind), Actor);
            if (publish)
            {
                await services.GetRequiredService<ManageRuns>().PublishAsync(runId, Actor);
            }

            Print(await services.GetRequiredService<ReadAppraisal>().GetAsync(runId));
            return 0;
        }
        catch (RuleViolation violation)
        {
            await Console.Error.WriteLineAsync($"reformtrack appraise: {violation.Message}");
            return 1;
        }
    }

    private static void Print(RunDetail detail)
    {
        var run = detail.Run;
        Console.WriteLine($"{run.SchemeTitle} ({run.SchemeCode} revision {run.SchemeRevision}), {run.From:yyyy-MM-dd} to {run.To:yyyy-MM-dd}: " +
                          $"run {run.Id}, {run.Status.ToString().ToLowerInvariant()}");
        Console.WriteLine($"{"Rank",4}  {"Score",7}  {"Grade",-9}  Unit");
        foreach (var result in detail.Results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Rank,4}  {result.Score,7:0.00}  {result.Grade,-9}  {result.UnitCode} {result.UnitName}"));
        }
    }
}
