using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Supervision;

namespace ReformTrack.Bench;

/// <summary>
/// The daily supervision rules over the whole province (<c>EvaluateSupervision</c>): every active
/// measure judged for its light, its due date, the month's report and its milestones, then the open
/// items compared with what the rules call for. The setup runs the day once, so that each measured
/// evaluation is a day already in order (every finding has its item; nothing to open or close). The
/// limit is the hand-written query that finds the same breaches. Runs on a copy of the province file.
/// </summary>
public class SupervisionBenchmark
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(BenchDatabase.Now.UtcDateTime);

    private ServiceProvider services = null!;
    private SqliteConnection raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        services = BenchDatabase.Services(BenchDatabase.WorkConnectionString);
        raw = BenchDatabase.OpenWork();
        var first = RunAppAsync().GetAwaiter().GetResult();
        Console.WriteLine($"// supervision, first evaluation of {Today}: {first}");

        var hand = RunHandWritten();
        var open = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "SELECT OpenKey, Rule FROM SupervisionItems WHERE OpenKey IS NOT NULL AND Rule <> 'Manual'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                open[reader.GetString(0)] = reader.GetString(1);
            }
        }

        if (hand.Count != open.Count || hand.Any(h => !open.TryGetValue(h.Key, out var rule) || rule != h.Value))
        {
            throw new InvalidOperationException(
                $"supervision: the app holds {open.Count} open automatic items, the hand-written SQL finds {hand.Count} breaches, or their rules differ.");
        }

        var again = RunAppAsync().GetAwaiter().GetResult();
        if (again.Changed)
        {
            throw new InvalidOperationException($"supervision: a second evaluation of the same day changed items: {again}");
        }

        Console.WriteLine($"// supervision: {hand.Count} breaches match the open items ({string.Join(", ", hand.GroupBy(h => h.Value).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))})");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        raw.Dispose();
        services.Dispose();
    }

    [Benchmark]
    public async Task<int> App() => (await RunAppAsync()).Opened;

    [Benchmark(Baseline = true)]
    public int HandWritten() => RunHandWritten().Count;

    internal async Task<SupervisionRunResult> RunAppAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EvaluateSupervision>().RunAsync(Today, force: true);
    }

    /// <summary>The breaches of the day by item key, with the rule each calls for.</summary>
    internal Dictionary<string, string> RunHandWritten()
    {
        var (period, periodEnd) = SupervisionOptions.Default.PeriodDue(Today);
        var thresholds = LightThresholds.Default;
        var findings = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = raw.CreateCommand();
        command.CommandText = """
            SELECT m.Id, Due < T, (T - Start) * 100 - m.Progress * (Due - Start), Due - Start,
                   m.StartOn <= $periodEnd AND NOT EXISTS (SELECT 1 FROM ProgressReports r WHERE r.MeasureId = m.Id AND r.Period = $period),
                   EXISTS (SELECT 1 FROM Milestones s WHERE s.MeasureId = m.Id AND s.DoneOn IS NULL AND s.DueOn < $today)
            FROM (SELECT Id, Progress, StartOn, CAST(julianday(DueOn) AS INTEGER) AS Due, CAST(julianday(StartOn) AS INTEGER) AS Start,
                         CAST(julianday($today) AS INTEGER) AS T
                  FROM Measures WHERE Status = 'Active') m
            """;
        command.Parameters.AddWithValue("$today", Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$period", period);
        command.Parameters.AddWithValue("$periodEnd", periodEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            var overdue = reader.GetBoolean(1);
            var behind = reader.GetInt64(2);
            var span = reader.GetInt64(3);
            var light = overdue ? "Overdue" : behind > thresholds.RedBehind * span ? "Red" : behind >= thresholds.YellowBehind * span ? "Yellow" : null;
            if (light is not null)
            {
                findings[$"{id}:Light"] = light;
            }

            if (reader.GetBoolean(4))
            {
                findings[$"{id}:ReportMissing"] = "ReportMissing";
            }

            if (reader.GetBoolean(5))
            {
                findings[$"{id}:MilestoneMissed"] = "MilestoneMissed";
            }
        }

        return findings;
    }
}
