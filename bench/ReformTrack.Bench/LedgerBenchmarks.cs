using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;

namespace ReformTrack.Bench;

/// <summary>A ledger row as the hand-written queries read it.</summary>
internal sealed record RawRow(int Id, string Code, string Title, int LeadUnitId, string LeadUnitName, int ObjectiveId,
    string ObjectiveCode, string ObjectiveTitle, string StartOn, string DueOn, string Status, int Progress);

/// <summary>
/// The ledger page of a city's reform office: the city's unit subtree, red lights, due in a
/// six-month window, sorted by due date, 50 rows and the total. The app's <c>ListMeasures</c>
/// against the same page written by hand (Microsoft.Data.Sqlite, the best SQL found).
/// </summary>
public class LedgerPageBenchmark
{
    private ServiceProvider services = null!;
    private SqliteConnection raw = null!;
    private LedgerFilter filter = null!;
    private string prefix = "";

    [GlobalSetup]
    public void Setup()
    {
        services = BenchDatabase.Services();
        raw = BenchDatabase.OpenRaw();
        var unitId = BenchDatabase.Scalar<int>(raw, "SELECT Id FROM Units WHERE Code = 'P-C03'");
        prefix = BenchDatabase.Scalar<string>(raw, $"SELECT Path FROM Units WHERE Id = {unitId}");
        filter = new LedgerFilter
        {
            UnitId = unitId,
            Lights = [Light.Red],
            DueFrom = new DateOnly(2026, 10, 1),
            DueTo = new DateOnly(2027, 3, 31),
        };
        Agreement.Check("ledger page", RunAppAsync().GetAwaiter().GetResult(), RunHandWritten());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        raw.Dispose();
        services.Dispose();
    }

    [Benchmark]
    public async Task<int> App() => (await RunAppAsync()).Items.Count;

    [Benchmark(Baseline = true)]
    public int HandWritten() => RunHandWritten().Rows.Count;

    internal async Task<Page<MeasureRow>> RunAppAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ListMeasures>()
            .RunAsync(filter, new LedgerOrder(LedgerSort.DueOn), PageRequest.From(1, 50));
    }

    internal (int Total, List<RawRow> Rows) RunHandWritten()
    {
        const string where = """
            m.LeadUnitId IN (SELECT Id FROM Units WHERE Path >= $prefix AND Path < $prefixEnd)
            AND m.Status = 'Active' AND m.DueOn >= '2026-10-01' AND m.DueOn <= '2027-03-31'
            AND (m.DueOn < $today
                 OR (julianday($today) - julianday(m.StartOn)) * 100 - m.Progress * (julianday(m.DueOn) - julianday(m.StartOn))
                    > 30 * (julianday(m.DueOn) - julianday(m.StartOn)))
            """;
        var total = Count(raw, $"SELECT COUNT(*) FROM Measures m WHERE {where}", Bind);
        var rows = Read(raw, $"""
            SELECT m.Id, m.Code, m.Title, m.LeadUnitId, u.Name, m.ObjectiveId, o.Code, o.Title, m.StartOn, m.DueOn, m.Status, m.Progress
            FROM Measures m JOIN Units u ON u.Id = m.LeadUnitId JOIN Objectives o ON o.Id = m.ObjectiveId
            WHERE {where}
            ORDER BY m.DueOn, m.Id LIMIT 50
            """, Bind);
        return (total, rows);

        void Bind(SqliteCommand command)
        {
            command.Parameters.AddWithValue("$prefix", prefix);
            command.Parameters.AddWithValue("$prefixEnd", prefix[..^1] + "0");
            command.Parameters.AddWithValue("$today", "2026-11-28");
        }
    }

    internal static int Count(SqliteConnection connection, string sql, Action<SqliteCommand>? bind = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind?.Invoke(command);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static List<RawRow> Read(SqliteConnection connection, string sql, Action<SqliteCommand>? bind = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind?.Invoke(command);
        using var reader = command.ExecuteReader();
        var rows = new List<RawRow>();
        while (reader.Read())
        {
            rows.Add(new RawRow(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9),
                reader.GetString(10), reader.GetInt32(11)));
        }

        return rows;
    }
}

/// <summary>
/// The 1,000th page of 100 rows of the whole ledger in its default order (by code): the app's
/// <c>ListMeasures</c> against LIMIT/OFFSET written by hand.
/// </summary>
public class DeepPageBenchmark
{
    private ServiceProvider services = null!;
    private SqliteConnection raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        services = BenchDatabase.Services();
        raw = BenchDatabase.OpenRaw();
        Agreement.Check("deep page", RunAppAsync().GetAwaiter().GetResult(), RunHandWritten());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        raw.Dispose();
        services.Dispose();
    }

    [Benchmark]
    public async Task<int> App() => (await RunAppAsync()).Items.Count;

    [Benchmark(Baseline = true)]
    public int HandWritten() => RunHandWritten().Rows.Count;

    internal async Task<Page<MeasureRow>> RunAppAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ListMeasures>()
            .RunAsync(new LedgerFilter(), new LedgerOrder(), PageRequest.From(1_000, 100));
    }

    internal (int Total, List<RawRow> Rows) RunHandWritten()
    {
        var total = LedgerPageBenchmark.Count(raw, "SELECT COUNT(*) FROM Measures");
        var rows = LedgerPageBenchmark.Read(raw, """
            SELECT m.Id, m.Code, m.Title, m.LeadUnitId, u.Name, m.ObjectiveId, o.Code, o.Title, m.StartOn, m.DueOn, m.Status, m.Progress
            FROM (SELECT Id FROM Measures ORDER BY Code, Id LIMIT 100 OFFSET 99900) p
            JOIN Measures m ON m.Id = p.Id JOIN Units u ON u.Id = m.LeadUnitId JOIN Objectives o ON o.Id = m.ObjectiveId
            ORDER BY m.Code, m.Id
            """);
        return (total, rows);
    }
}

/// <summary>The app and the hand-written query must answer the same, or the comparison means nothing.</summary>
internal static class Agreement
{
    public static void Check(string what, Page<MeasureRow> app, (int Total, List<RawRow> Rows) raw)
    {
        if (app.Total != raw.Total || !app.Items.Select(r => r.Id).SequenceEqual(raw.Rows.Select(r => r.Id)))
        {
            throw new InvalidOperationException(
                $"{what}: the app returns {app.Total} ({app.Items.Count} rows), the hand-written SQL {raw.Total} ({raw.Rows.Count} rows).");
        }

        Console.WriteLine($"// {what}: {app.Total} measures match, {app.Items.Count} rows on the page");
    }
}
