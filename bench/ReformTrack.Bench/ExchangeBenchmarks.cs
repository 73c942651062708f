using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using ReformTrack.Modules.Exchange;
using ReformTrack.Modules.Ledger;

namespace ReformTrack.Bench;

/// <summary>
/// Importing a ledger file of 100,000 new measures (<c>ImportLedger.ApplyAsync</c>: read, every row
/// checked by the ledger's rules, all written in one transaction), against MiniExcel reading the same
/// file and touching every cell. The rows are those of a new plan: half of them active at once, each
/// with its source document and clause, objective, lead unit and co-units, written by code. After
/// each iteration the imported measures (and their audit entries) are taken out again, so every
/// iteration imports into the same ledger. Runs on a copy of the province file.
/// </summary>
public class ImportBenchmark
{
    public const int Rows = 100_000;
    private const string Prefix = "IMP-";

    private ServiceProvider services = null!;
    private SqliteConnection raw = null!;
    private static byte[] file = [];
    private long auditMark;

    [GlobalSetup]
    public void Setup()
    {
        services = BenchDatabase.Services(BenchDatabase.WorkConnectionString);
        raw = BenchDatabase.OpenWork();
        if (file.Length > 0)
        {
            return; // made and checked for the benchmark's other method already
        }

        file = MakeFile();
        Console.WriteLine($"// import: a file of {Rows:N0} rows, {file.Length / 1024.0 / 1024.0:F1} MB");

        // Where the time goes, once: reading the file, validating every row (the preview), and the whole apply.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var read = RunRaw();
        var readSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        using (var scope = services.CreateScope())
        {
            var preview = scope.ServiceProvider.GetRequiredService<ImportLedger>().PreviewAsync(file, ImportActor.Unrestricted("bench"))
                .GetAwaiter().GetResult();
            Console.WriteLine($"// import: MiniExcel read {readSeconds:F1} s; preview (read + validate, nothing written) {watch.Elapsed.TotalSeconds:F1} s, {preview.Creates:N0} creates");
        }

        MarkAudit();
        watch.Restart();
        var result = RunAppAsync().GetAwaiter().GetResult();
        Console.WriteLine($"// import: apply (read + validate + write) {watch.Elapsed.TotalSeconds:F1} s");
        if (!result.Applied || result.Creates != Rows || result.Errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"import: applied {result.Applied}, {result.Creates} creates, {result.Errors.Count} errors: " +
                string.Join("; ", result.Errors.Take(5).Select(e => $"row {e.Row} {e.Column} '{e.Value}': {e.Message}")));
        }

        var imported = BenchDatabase.Scalar<int>(raw, $"SELECT COUNT(*) FROM Measures WHERE Code >= '{Prefix}' AND Code < 'IMP.'");
        if (imported != Rows || read != Rows + 1)
        {
            throw new InvalidOperationException($"import: {imported} measures in the ledger, MiniExcel read {read} rows.");
        }

        Console.WriteLine($"// import: the app created {imported:N0} measures, MiniExcel read the same {Rows + 1:N0} rows");
        RemoveImported();
        Console.WriteLine($"// import: SQLite alone inserting {Rows:N0} measures (INSERT ... SELECT of existing rows under new codes, " +
                          $"no co-units, no audit, rolled back) {InsertFloorSeconds():F1} s");
    }

    /// <summary>
    /// The least any import of this many measures can spend writing them on this file: SQLite copying
    /// existing measures under new codes in one statement, with the same indexes and the same page cache
    /// as the import, then rolling back.
    /// </summary>
    private double InsertFloorSeconds()
    {
        var columns = "Title, Description, DocumentId, ClauseId, ObjectiveId, LeadUnitId, ResponsiblePersonId, StartOn, DueOn, " +
                      "Status, Progress, CompletedOn, StatusReason, Tags, CreatedAt, UpdatedAt, Version";
        using var command = raw.CreateCommand();
        command.CommandTimeout = 600;
        command.CommandText = "PRAGMA cache_size=-262144; BEGIN IMMEDIATE;";
        command.ExecuteNonQuery();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        command.CommandText = $"INSERT INTO Measures (Code, {columns}) SELECT 'FLOOR-' || Id, {columns} FROM Measures ORDER BY Id LIMIT {Rows}";
        command.ExecuteNonQuery();
        var seconds = watch.Elapsed.TotalSeconds;
        command.CommandText = "ROLLBACK; PRAGMA cache_size=-2000;";
        command.ExecuteNonQuery();
        return seconds;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        raw.Dispose();
        services.Dispose();
    }

    [IterationSetup]
    public void MarkAudit() => auditMark = BenchDatabase.Scalar<long>(raw, "SELECT COALESCE(MAX(Id), 0) FROM AuditEntries");

    [IterationCleanup]
    public void RemoveImported()
    {
        using var command = raw.CreateCommand();
        command.CommandText = $"""
            DELETE FROM MeasureCoUnits WHERE MeasureId IN (SELECT Id FROM Measures WHERE Code >= '{Prefix}' AND Code < 'IMP.');
            DELETE FROM Measures WHERE Code >= '{Prefix}' AND Code < 'IMP.';
            DELETE FROM AuditEntries WHERE Id > {auditMark};
            """;
        command.CommandTimeout = 600;
        command.ExecuteNonQuery();
    }

    [Benchmark]
    public async Task<int> App() => (await RunAppAsync()).Creates;

    [Benchmark(Baseline = true)]
    public int MiniExcelRead() => RunRaw();

    internal async Task<ImportResult> RunAppAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportLedger>().ApplyAsync(file, ImportActor.Unrestricted("bench"));
    }

    /// <summary>MiniExcel's own read of the file: every row, every cell looked at. Returns the rows.</summary>
    internal int RunRaw()
    {
        using var stream = new MemoryStream(file, writable: false);
        var rows = 0;
        var cells = 0;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            rows++;
            foreach (var value in row.Values)
            {
                if (value is not null)
                {
                    cells++;
                }
            }
        }

        return cells > 0 ? rows : 0;
    }

    /// <summary>Rows modelled on the ledger's first 100,000 measures, under new codes, none with a report.</summary>
    private byte[] MakeFile()
    {
        var rows = new List<Dictionary<string, object?>>(Rows + 1) { Cells(LedgerSheet.HeaderRow) };
        using (var command = raw.CreateCommand())
        {
            command.CommandText = $"""
                SELECT m.Title, d.Number, c.Number, o.Code, u.Code, m.StartOn, m.DueOn,
                       (SELECT group_concat(cu.Code, '; ') FROM MeasureCoUnits x JOIN Units cu ON cu.Id = x.UnitId WHERE x.MeasureId = m.Id)
                FROM Measures m JOIN Objectives o ON o.Id = m.ObjectiveId JOIN Units u ON u.Id = m.LeadUnitId
                LEFT JOIN Documents d ON d.Id = m.DocumentId LEFT JOIN DocumentClauses c ON c.Id = m.ClauseId
                ORDER BY m.Id LIMIT {Rows}
                """;
            using var reader = command.ExecuteReader();
            var n = 0;
            while (reader.Read())
            {
                n++;
                var cells = new string?[LedgerSheet.Columns.Count];
                cells[(int)SheetColumn.Code] = $"{Prefix}{n:D6}";
                cells[(int)SheetColumn.Title] = reader.GetString(0);
                cells[(int)SheetColumn.DocumentNumber] = reader.IsDBNull(1) ? null : reader.GetString(1);
                cells[(int)SheetColumn.Clause] = reader.IsDBNull(2) ? null : reader.GetInt32(2).ToString(CultureInfo.InvariantCulture);
                cells[(int)SheetColumn.Objective] = reader.GetString(3);
                cells[(int)SheetColumn.LeadUnit] = reader.GetString(4);
                cells[(int)SheetColumn.CoUnits] = reader.IsDBNull(7) ? null : reader.GetString(7);
                cells[(int)SheetColumn.StartOn] = reader.GetString(5);
                cells[(int)SheetColumn.DueOn] = reader.GetString(6);
                cells[(int)SheetColumn.Status] = n % 2 == 0 ? "Active" : null;
                rows.Add(Cells(cells));
            }
        }

        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, sheetName: "台账 Ledger", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    internal static Dictionary<string, object?> Cells(IReadOnlyList<string?> cells)
    {
        var row = new Dictionary<string, object?>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            row[Column(i)] = cells[i];
        }

        return row;
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));
}

/// <summary>
/// Exporting the ledger's 100,000 measures due last (<c>ExportLedger.WriteXlsxAsync</c>: the filtered
/// ledger with each measure's latest report, streamed from the database into the file) against
/// MiniExcel writing the same rows, already in memory, to a file of the same layout.
/// </summary>
public class ExportBenchmark
{
    private ServiceProvider services = null!;
    private LedgerFilter filter = null!;
    private static List<Dictionary<string, object?>> rows = [];

    /// <summary>How many measures the export writes (the due date that starts the window may be shared by a few more).</summary>
    public static int RowCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        services = BenchDatabase.Services();
        using (var raw = BenchDatabase.OpenRaw())
        {
            var from = BenchDatabase.Scalar<string>(raw, $"SELECT DueOn FROM Measures ORDER BY DueOn DESC LIMIT 1 OFFSET {ImportBenchmark.Rows - 1}");
            filter = new LedgerFilter { DueFrom = DateOnly.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture) };
        }

        if (rows.Count > 0)
        {
            return; // read and checked for the benchmark's other method already
        }

        // Where the time goes, once: reading the rows from the database (the app's query and cells, no file),
        // the app's whole export, and MiniExcel writing the rows already in memory.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using (var scope = services.CreateScope())
        {
            rows = [ImportBenchmark.Cells(LedgerSheet.HeaderRow)];
            var export = scope.ServiceProvider.GetRequiredService<ExportLedger>();
            var all = export.RowsAsync(filter).ToBlockingEnumerable();
            rows.AddRange(all.Select(ImportBenchmark.Cells));
        }

        var readSeconds = watch.Elapsed.TotalSeconds;
        RowCount = rows.Count - 1;
        watch.Restart();
        var appFile = RunAppAsync().GetAwaiter().GetResult();
        var appSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var handFile = RunRaw();
        Console.WriteLine($"// export (first runs): rows from the database {readSeconds:F1} s; the app's export {appSeconds:F1} s; MiniExcel write {watch.Elapsed.TotalSeconds:F1} s");
        var app = Count(appFile);
        var hand = Count(handFile);
        if (app != hand || app != rows.Count)
        {
            throw new InvalidOperationException($"export: the app's file has {app} rows, MiniExcel's {hand}, expected {rows.Count}.");
        }

        Console.WriteLine($"// export: {RowCount:N0} measures due from {filter.DueFrom}, both files hold {app:N0} rows");
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark]
    public async Task<long> App() => (await RunAppAsync()).Length;

    [Benchmark(Baseline = true)]
    public long MiniExcelWrite() => RunRaw().Length;

    internal async Task<MemoryStream> RunAppAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var output = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<ExportLedger>().WriteXlsxAsync(filter, output);
        return output;
    }

    internal MemoryStream RunRaw()
    {
        var output = new MemoryStream();
        output.SaveAs(rows, printHeader: false, sheetName: "台账 Ledger", excelType: ExcelType.XLSX);
        return output;
    }

    private static int Count(MemoryStream file)
    {
        file.Position = 0;
        return file.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Count();
    }
}
