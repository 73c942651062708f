using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Modules.Appraisal;

namespace ReformTrack.Bench;

/// <summary>
/// An appraisal run over every unit of the province for the year 2025 (<c>RunAppraisal</c>: the
/// province's direct units, each with its whole subtree; every criterion kind of the demo's scheme),
/// stored as a draft run. The limit computes the same raw figures by hand: one grouped query per
/// criterion by lead unit (or holder, winner, origin), added up to the appraised units in memory.
/// Runs on a copy of the province file, since every run is stored.
/// </summary>
public class AppraisalBenchmark
{
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly DateOnly To = new(2025, 12, 31);
    private const int DeadlineDay = 5;

    private ServiceProvider services = null!;
    private SqliteConnection raw = null!;
    private static int schemeNumber;
    private int schemeId;

    [GlobalSetup]
    public void Setup()
    {
        services = BenchDatabase.Services(BenchDatabase.WorkConnectionString);
        raw = BenchDatabase.OpenWork();
        using (var scope = services.CreateScope())
        {
            var schemes = scope.ServiceProvider.GetRequiredService<ManageSchemes>();
            var scheme = schemes.CreateAsync(new SchemeInput($"BENCH-{Interlocked.Increment(ref schemeNumber)}", "省直单位和设区市年度改革考核", 90, 80, 60,
            [
                new CriterionInput(CriterionKind.CompletionRate, Weight: 30),
                new CriterionInput(CriterionKind.OnTimeRate, Weight: 25),
                new CriterionInput(CriterionKind.ReportPunctuality, Weight: 20, DeadlineDay: DeadlineDay),
                new CriterionInput(CriterionKind.ReviewQuality, Weight: 15),
                new CriterionInput(CriterionKind.OverduePenalty, PointsPerItem: 0.02m, Cap: 10),
                new CriterionInput(CriterionKind.PilotBonus, PointsPerItem: 2, Cap: 6),
                new CriterionInput(CriterionKind.CaseBonus, PointsPerItem: 3, Cap: 6),
                new CriterionInput(CriterionKind.ReplicationBonus, PointsPerItem: 1, Cap: 5),
            ])).GetAwaiter().GetResult();
            schemes.PublishAsync(scheme.Id, "bench").GetAwaiter().GetResult();
            schemeId = scheme.Id;
        }

        var runId = RunAppAsync().GetAwaiter().GetResult();
        var app = new Dictionary<(int, string), (long, long, decimal)>();
        using (var command = raw.CreateCommand())
        {
            command.CommandText = $"SELECT UnitId, Kind, Numerator, Denominator, Raw FROM AppraisalValues WHERE RunId = {runId}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                app[(reader.GetInt32(0), reader.GetString(1))] = (reader.IsDBNull(2) ? 0 : reader.GetInt64(2), reader.IsDBNull(3) ? 0 : reader.GetInt64(3),
                    reader.IsDBNull(4) ? 0 : decimal.Parse(reader.GetString(4), CultureInfo.InvariantCulture));
            }
        }

        var hand = RunHandWritten();
        foreach (var ((unit, kind), (part, whole, amount)) in hand)
        {
            var (appPart, appWhole, appRaw) = app.GetValueOrDefault((unit, kind));
            var same = appPart == part && (kind is "OverduePenalty" or "PilotBonus" or "CaseBonus" or "ReplicationBonus"
                ? kind != "OverduePenalty" || appRaw == amount
                : appWhole == whole);
            if (!same)
            {
                throw new InvalidOperationException(
                    $"appraisal: unit {unit}, {kind}: the app has {appPart}/{appWhole} ({appRaw}), the hand-written SQL {part}/{whole} ({amount}).");
            }
        }

        if (hand.Count != app.Count)
        {
            throw new InvalidOperationException($"appraisal: the app stores {app.Count} values, the hand-written SQL computes {hand.Count}.");
        }

        Console.WriteLine($"// appraisal {From}..{To}: {hand.Select(h => h.Key.Item1).Distinct().Count()} units, {hand.Count} raw figures match " +
                          $"(completion {hand.Where(h => h.Key.Item2 == "CompletionRate").Sum(h => h.Value.Part)}/{hand.Where(h => h.Key.Item2 == "CompletionRate").Sum(h => h.Value.Whole)}, " +
                          $"replications {hand.Where(h => h.Key.Item2 == "ReplicationBonus").Sum(h => h.Value.Part)})");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        raw.Dispose();
        services.Dispose();
    }

    [Benchmark]
    public async Task<int> App() => await RunAppAsync();

    [Benchmark(Baseline = true)]
    public int HandWritten() => RunHandWritten().Count;

    internal async Task<int> RunAppAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunAppraisal>().RunAsync(new RunRequest(schemeId, From, To), "bench");
    }

    /// <summary>The raw figures by (appraised unit, criterion kind): part, whole, and the overdue days.</summary>
    internal Dictionary<(int Unit, string Kind), (long Part, long Whole, decimal Amount)> RunHandWritten()
    {
        // The appraised units are the root's children; each unit counts for the child its path passes through.
        var subjectOf = new Dictionary<long, int>();
        var subjects = new List<int>();
        using (var command = raw.CreateCommand())
        {
            command.CommandText = """
                SELECT u.Id, c.Id FROM Units c JOIN Units u ON u.Path >= c.Path AND u.Path < c.Path || '~'
                WHERE c.ParentId = (SELECT Id FROM Units WHERE ParentId IS NULL ORDER BY Id LIMIT 1)
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                subjectOf[reader.GetInt64(0)] = reader.GetInt32(1);
            }
        }

        subjects.AddRange(subjectOf.Values.Distinct());
        var result = new Dictionary<(int, string), (long, long, decimal)>();
        foreach (var subject in subjects)
        {
            foreach (var kind in new[] { "CompletionRate", "OnTimeRate", "ReportPunctuality", "ReviewQuality", "OverduePenalty", "PilotBonus", "CaseBonus", "ReplicationBonus" })
            {
                result[(subject, kind)] = (0, 0, 0m);
            }
        }

        var from = From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Add("CompletionRate", $"""
            SELECT LeadUnitId, SUM(Status = 'Completed' AND CompletedOn <= '{to}'), COUNT(*), 0 FROM Measures
            WHERE Status NOT IN ('Draft', 'Cancelled') AND DueOn >= '{from}' AND DueOn <= '{to}' GROUP BY LeadUnitId
            """);
        Add("OnTimeRate", $"""
            SELECT LeadUnitId, SUM(CompletedOn <= DueOn), COUNT(*), 0 FROM Measures
            WHERE Status = 'Completed' AND CompletedOn >= '{from}' AND CompletedOn <= '{to}' GROUP BY LeadUnitId
            """);
        Add("ReportPunctuality", $"""
            SELECT m.LeadUnitId, SUM(r.SubmittedAt < date(r.Period || '-01', '+1 month', '+{DeadlineDay} days')), COUNT(*), 0
            FROM ProgressReports r JOIN Measures m ON m.Id = r.MeasureId
            WHERE r.Period >= '{From:yyyy-MM}' AND r.Period <= '{To:yyyy-MM}' GROUP BY m.LeadUnitId
            """);
        Add("ReviewQuality", $"""
            SELECT m.LeadUnitId, SUM(r.Status = 'Accepted'), COUNT(*), 0
            FROM ProgressReports r JOIN Measures m ON m.Id = r.MeasureId
            WHERE r.Period >= '{From:yyyy-MM}' AND r.Period <= '{To:yyyy-MM}' AND r.Status <> 'Submitted' GROUP BY m.LeadUnitId
            """);
        // Days after the due date within the year, up to and including the completion day.
        Add("OverduePenalty", $"""
            SELECT LeadUnitId, COUNT(*), 0, SUM(Days) FROM (
                SELECT LeadUnitId, CAST(julianday(CASE WHEN CompletedOn IS NOT NULL AND CompletedOn < '{to}' THEN CompletedOn ELSE '{to}' END)
                                        - julianday(MAX(date(DueOn, '+1 day'), '{from}')) AS INTEGER) + 1 AS Days
                FROM Measures
                WHERE (Status = 'Active' AND DueOn < '{to}' AND CompletedOn IS NULL)
                   OR (Status = 'Completed' AND CompletedOn > DueOn AND CompletedOn >= '{from}' AND DueOn < '{to}'))
            WHERE Days > 0 GROUP BY LeadUnitId
            """);
        Add("PilotBonus", $"""
            SELECT HolderUnitId, COUNT(*), 0, 0 FROM Pilots
            WHERE GrantedOn >= '{from}' AND GrantedOn <= '{to}' AND Status NOT IN ('Applied', 'Withdrawn') AND HolderUnitId IS NOT NULL
            GROUP BY HolderUnitId
            """);
        Add("CaseBonus", $"""
            SELECT UnitId, COUNT(*), 0, 0 FROM Honours WHERE Year >= {From.Year} AND Year <= {To.Year} AND UnitId IS NOT NULL GROUP BY UnitId
            """);
        Add("ReplicationBonus", $"""
            SELECT i.OriginUnitId, COUNT(*), 0, 0 FROM Replications r JOIN Innovations i ON i.Id = r.InnovationId
            WHERE r.AdoptedOn >= '{from}' AND r.AdoptedOn <= '{to}' GROUP BY i.OriginUnitId
            """);
        return result;

        void Add(string kind, string sql)
        {
            using var command = raw.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (subjectOf.TryGetValue(reader.GetInt64(0), out var subject))
                {
                    var (part, whole, amount) = result[(subject, kind)];
                    result[(subject, kind)] = (part + reader.GetInt64(1), whole + reader.GetInt64(2), amount + reader.GetInt64(3));
                }
            }
        }
    }
}
