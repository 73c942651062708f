using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Modules.Ledger;

namespace ReformTrack.Bench;

/// <summary>The dashboard's figures as the hand-written SQL computes them.</summary>
internal sealed record RawOverview(int Meetings, int DocumentsPassed, int Introduced, int Completed, int Overdue,
    int Green, int Yellow, int Red, Dictionary<int, (int Green, int Yellow, int Red)> ByKeyTask, Dictionary<string, int> ByMonth);

/// <summary>
/// The dashboard (<c>GetOverview</c>) for the whole province and for one district, against the
/// same figures written by hand: one pass over the measures in scope for statuses, overdue and
/// lights per objective, one for completions per month, key tasks added up in memory.
/// </summary>
public class OverviewBenchmark
{
    private ServiceProvider services = null!;
    private SqliteConnection raw = null!;
    private int? unitId;
    private string? prefix;
    private List<(int Id, int Level, string Path)> objectives = [];

    [Params("province", "district")]
    public string Scope { get; set; } = "province";

    [GlobalSetup]
    public void Setup()
    {
        services = BenchDatabase.Services();
        raw = BenchDatabase.OpenRaw();
        if (Scope == "district")
        {
            unitId = BenchDatabase.Scalar<int>(raw, "SELECT Id FROM Units WHERE Code = 'P-C03-Q02'");
            prefix = BenchDatabase.Scalar<string>(raw, $"SELECT Path FROM Units WHERE Id = {unitId}");
        }

        var app = RunAppAsync().GetAwaiter().GetResult();
        var hand = RunHandWritten();
        if (app.MeasuresIntroduced != hand.Introduced || app.MeasuresCompleted != hand.Completed || app.Overdue != hand.Overdue
            || app.Green != hand.Green || app.Yellow != hand.Yellow || app.Red != hand.Red || app.MeetingsHeld != hand.Meetings
            || app.DocumentsPassed != hand.DocumentsPassed
            || app.CompletionsByMonth.Sum(c => c.Completed) != hand.ByMonth.Values.Sum())
        {
            throw new InvalidOperationException($"overview ({Scope}): the app and the hand-written SQL disagree: {app} vs {hand}");
        }

        Console.WriteLine($"// overview ({Scope}): {hand.Introduced} measures, green {hand.Green}, yellow {hand.Yellow}, red {hand.Red}, overdue {hand.Overdue}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        raw.Dispose();
        services.Dispose();
    }

    [Benchmark]
    public async Task<int> App() => (await RunAppAsync()).MeasuresIntroduced;

    [Benchmark(Baseline = true)]
    public int HandWritten() => RunHandWritten().Introduced;

    internal async Task<Overview> RunAppAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GetOverview>().RunAsync(unitId);
    }

    internal RawOverview RunHandWritten()
    {
        var scope = prefix is null ? "1 = 1" : "m.LeadUnitId IN (SELECT Id FROM Units WHERE Path >= $prefix AND Path < $prefixEnd)";
        var meetings = LedgerPageBenchmark.Count(raw, "SELECT COUNT(*) FROM Meetings WHERE HeldOn <= $today", Bind);
        var passed = LedgerPageBenchmark.Count(raw,
            "SELECT COUNT(*) FROM Documents d WHERE EXISTS (SELECT 1 FROM DocumentReviews r WHERE r.DocumentId = d.Id AND r.Outcome = 'Passed')");

        int introduced = 0, completed = 0, overdue = 0, green = 0, yellow = 0, red = 0;
        var perObjective = new Dictionary<int, (int Green, int Yellow, int Red)>();
        using (var command = raw.CreateCommand())
        {
            command.CommandText = $"SELECT COUNT(*), SUM(m.Status = 'Completed') FROM Measures m WHERE {scope}";
            Bind(command);
            using var reader = command.ExecuteReader();
            reader.Read();
            introduced = reader.GetInt32(0);
            completed = reader.IsDBNull(1) ? 0 : reader.GetInt32(1);
        }

        using (var command = raw.CreateCommand())
        {
            // Lights only where they exist (active measures), by day numbers computed once a row.
            command.CommandText = $"""
                SELECT ObjectiveId, SUM(Due < T), SUM(Due >= T AND Behind < 10 * Span),
                       SUM(Due >= T AND Behind >= 10 * Span AND Behind <= 30 * Span), SUM(Due < T OR Behind > 30 * Span)
                FROM (SELECT m.ObjectiveId, Due, T, (T - Start) * 100 - m.Progress * (Due - Start) AS Behind, Due - Start AS Span
                      FROM (SELECT m.ObjectiveId, m.Progress, julianday(m.DueOn) AS Due, julianday(m.StartOn) AS Start,
                                   julianday($today) AS T
                            FROM Measures m WHERE {scope} AND m.Status = 'Active') m)
                GROUP BY ObjectiveId
                """;
            Bind(command);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                overdue += reader.GetInt32(1);
                var lights = (reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
                green += lights.Item1;
                yellow += lights.Item2;
                red += lights.Item3;
                perObjective[reader.GetInt32(0)] = lights;
            }
        }

        var byMonth = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var command = raw.CreateCommand())
        {
            command.CommandText = $"""
                SELECT substr(m.CompletedOn, 1, 7), COUNT(*) FROM Measures m
                WHERE {scope} AND m.Status = 'Completed' AND m.CompletedOn >= '2024-12-01' AND m.CompletedOn <= $today
                GROUP BY 1
                """;
            Bind(command);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                byMonth[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        if (objectives.Count == 0)
        {
            using var command = raw.CreateCommand();
            command.CommandText = "SELECT Id, Level, Path FROM Objectives";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                objectives.Add((reader.GetInt32(0), reader.GetString(1) == "KeyTask" ? 1 : 0, reader.GetString(2)));
            }
        }

        var byKeyTask = new Dictionary<int, (int Green, int Yellow, int Red)>();
        foreach (var keyTask in objectives.Where(o => o.Level == 1))
        {
            var sum = (0, 0, 0);
            foreach (var objective in objectives.Where(o => o.Path.StartsWith(keyTask.Path, StringComparison.Ordinal)))
            {
                if (perObjective.TryGetValue(objective.Id, out var lights))
                {
                    sum = (sum.Item1 + lights.Green, sum.Item2 + lights.Yellow, sum.Item3 + lights.Red);
                }
            }

            byKeyTask[keyTask.Id] = sum;
        }

        return new RawOverview(meetings, passed, introduced, completed, overdue, green, yellow, red, byKeyTask, byMonth);

        void Bind(SqliteCommand command)
        {
            command.Parameters.AddWithValue("$today", "2026-11-28");
            if (prefix is not null)
            {
                command.Parameters.AddWithValue("$prefix", prefix);
                command.Parameters.AddWithValue("$prefixEnd", prefix[..^1] + "0");
            }
        }
    }
}
