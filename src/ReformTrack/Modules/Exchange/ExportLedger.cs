using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ReformTrack.Data;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Exchange;

/// <summary>The latest report on a measure, as the ledger shows it.</summary>
internal sealed record LatestReport(
    string Period, int Percent, string Done, string? Obstacles, string? NextSteps, DeliveryConfidence Confidence,
    string? Explanation, string SubmittedBy);

/// <summary>
/// A measure as the export reads it, codes still as ids: one such row per co-unit (<see cref="CoUnitId"/>
/// null when it has none), the rows of one measure next to each other.
/// </summary>
internal sealed record ExportedMeasure(
    int Id, string Code, string Title, int? DocumentId, int? ClauseId, int ObjectiveId, int LeadUnitId, int? CoUnitId,
    int? ResponsiblePersonId, DateOnly StartOn, DateOnly DueOn, MeasureStatus Status, string? StatusReason, int Progress,
    LatestReport? Latest);

/// <summary>
/// Writes the ledger, narrowed by the ledger's own filter, in the template's layout: rows stream
/// from the database into the file, so a ledger of any size is never held in memory at once.
/// </summary>
internal sealed class ExportLedger(ScopedDb dbFactory, ListMeasures list, TimeProvider clock)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";
    private const string LedgerSheetName = "台账 Ledger";

    /// <summary>The empty template with a second sheet that explains each column.</summary>
    public static async Task WriteTemplateAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var sheets = new Dictionary<string, object>
        {
            [LedgerSheetName] = new[] { Cells(LedgerSheet.HeaderRow) },
            ["说明 Notes"] = new[] { Cells(["列 / Column", "填写说明 / How to fill it in"]) }
                .Concat(TemplateNotes.Select(n => Cells([LedgerSheet.HeaderOf(n.Column), n.Note])))
                .ToArray(),
        };
        await output.SaveAsAsync(sheets, printHeader: false, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Writes the .xlsx. Rows are read from the database here and written by MiniExcel's synchronous
    /// writer on a thread of its own, a few hundred rows at a time through a bounded channel: the two
    /// run side by side, and at most <see cref="BatchesInFlight"/> batches wait between them. The output
    /// must take synchronous writes (a file or memory stream; the endpoints write to a temporary file).
    /// </summary>
    public async Task WriteXlsxAsync(LedgerFilter filter, Stream output, CancellationToken cancellationToken = default)
    {
        var batches = Channel.CreateBounded<string?[][]>(new BoundedChannelOptions(BatchesInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = Task.Factory.StartNew(() =>
        {
            try
            {
                var rows = Drain(batches.Reader, stop.Token).Prepend(LedgerSheet.HeaderRow).Select(Cells);
                output.SaveAs(rows, printHeader: false, sheetName: LedgerSheetName, excelType: ExcelType.XLSX);
            }
            catch
            {
                stop.Cancel();
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            var batch = new List<string?[]>(BatchSize);
            await foreach (var row in RowsAsync(filter, stop.Token))
            {
                batch.Add(row);
                if (batch.Count == BatchSize)
                {
                    await batches.Writer.WriteAsync(batch.ToArray(), stop.Token);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await batches.Writer.WriteAsync(batch.ToArray(), stop.Token);
            }

            batches.Writer.Complete();
        }
        catch (Exception reading)
        {
            // Stop the writer and wait for it, so that nothing writes to the output after this returns.
            await stop.CancelAsync();
            batches.Writer.TryComplete();
            await writing.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            if (reading is OperationCanceledException && writing.IsFaulted && !cancellationToken.IsCancellationRequested)
            {
                await writing; // the writer failed first and stopped the reading: its failure is the one to report
            }

            throw;
        }

        await writing;
    }

    private const int BatchSize = 500;
    private const int BatchesInFlight = 4;

    /// <summary>The rows of the channel's batches as they come, waiting (on the writer's own thread) for the next.</summary>
    private static IEnumerable<IReadOnlyList<string?>> Drain(ChannelReader<string?[][]> reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            while (reader.TryRead(out var batch))
            {
                foreach (var row in batch)
                {
                    yield return row;
                }
            }

            if (!reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                yield break;
            }
        }
    }

    public Task WriteCsvAsync(LedgerFilter filter, Stream output, CancellationToken cancellationToken = default) =>
        LedgerFile.WriteCsvAsync(output, LedgerSheet.HeaderRow, RowsAsync(filter, cancellationToken), cancellationToken);

    /// <summary>A row as MiniExcel writes it: cells keyed by column letter, in order.</summary>
    private static Dictionary<string, object?> Cells(IReadOnlyList<string?> cells)
    {
        var row = new Dictionary<string, object?>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            row[ColumnLetters[i]] = cells[i];
        }

        return row;
    }

    private static readonly string[] ColumnLetters = Enumerable.Range(0, LedgerSheet.Columns.Count).Select(ColumnLetter).ToArray();

    private static string ColumnLetter(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnLetter((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>The filtered ledger in code order, one row of template cells per measure.</summary>
    public async IAsyncEnumerable<string?[]> RowsAsync(LedgerFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, cancellationToken);
        var objectives = await db.Objectives.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, cancellationToken);
        var documents = await db.Documents.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Number, cancellationToken);
        var clauses = await db.DocumentClauses.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        var measures = Query(db, await list.FilterAsync(db, filter, clock.Today(), cancellationToken)).AsAsyncEnumerable();
        ExportedMeasure? current = null;
        var coUnits = new List<string?>();
        await foreach (var m in measures.WithCancellation(cancellationToken))
        {
            if (current is not null && current.Id != m.Id)
            {
                yield return Row(current, coUnits);
                coUnits.Clear();
            }

            current = m;
            if (m.CoUnitId is { } coUnit)
            {
                coUnits.Add(units.GetValueOrDefault(coUnit));
            }
        }

        if (current is not null)
        {
            yield return Row(current, coUnits);
        }

        string?[] Row(ExportedMeasure m, List<string?> coUnitCodes)
        {
            var cells = new string?[LedgerSheet.Columns.Count];
            cells[(int)SheetColumn.Code] = m.Code;
            cells[(int)SheetColumn.Title] = m.Title;
            cells[(int)SheetColumn.DocumentNumber] = m.DocumentId is { } d ? documents.GetValueOrDefault(d) : null;
            cells[(int)SheetColumn.Clause] = m.ClauseId is { } c ? Number(clauses.GetValueOrDefault(c)) : null;
            cells[(int)SheetColumn.Objective] = objectives.GetValueOrDefault(m.ObjectiveId);
            cells[(int)SheetColumn.LeadUnit] = units.GetValueOrDefault(m.LeadUnitId);
            coUnitCodes.Sort(StringComparer.Ordinal);
            cells[(int)SheetColumn.CoUnits] = coUnitCodes.Count == 0 ? null : string.Join("; ", coUnitCodes);
            cells[(int)SheetColumn.ResponsiblePerson] = m.ResponsiblePersonId is { } p ? people.GetValueOrDefault(p) : null;
            cells[(int)SheetColumn.StartOn] = LedgerSheet.Date(m.StartOn);
            cells[(int)SheetColumn.DueOn] = LedgerSheet.Date(m.DueOn);
            cells[(int)SheetColumn.Status] = m.Status.ToString();
            cells[(int)SheetColumn.StatusReason] = m.StatusReason;
            cells[(int)SheetColumn.Progress] = Number(m.Progress);
            if (m.Latest is { } r)
            {
                cells[(int)SheetColumn.ReportPeriod] = r.Period;
                cells[(int)SheetColumn.ReportPercent] = Number(r.Percent);
                cells[(int)SheetColumn.ReportDone] = r.Done;
                cells[(int)SheetColumn.ReportObstacles] = r.Obstacles;
                cells[(int)SheetColumn.ReportNextSteps] = r.NextSteps;
                cells[(int)SheetColumn.ReportConfidence] = r.Confidence.ToString();
                cells[(int)SheetColumn.ReportExplanation] = r.Explanation;
                cells[(int)SheetColumn.ReportedBy] = r.SubmittedBy;
            }

            return cells;
        }
    }

    /// <summary>
    /// The measures in code order, a row per co-unit, each with its latest report, found with one index
    /// seek per measure on (MeasureId, SubmittedAt) in both providers, in the form each plans well.
    /// SQLite: a correlated lookup of the latest report's id, then a join by primary key (a
    /// <c>FirstOrDefault</c> of the report itself is translated with ROW_NUMBER over every report in
    /// the database). PostgreSQL: a lateral join of the first report (it would hash every report to
    /// join on a looked-up id). The co-units come as a join rather than a collection, which EF
    /// materialises more slowly.
    /// </summary>
    internal static IQueryable<ExportedMeasure> Query(ReformDbContext db, IQueryable<Measure> measures)
    {
        var withReports = db.IsSqlite
            ? from m in measures
              let latestId = db.ProgressReports.Where(r => r.MeasureId == m.Id)
                  .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
                  .Select(r => (int?)r.Id)
                  .FirstOrDefault()
              join report in db.ProgressReports on latestId equals report.Id into reports
              from r in reports.DefaultIfEmpty()
              select new { Measure = m, Report = r }
            : from m in measures
              let latestId = db.ProgressReports.Where(r => r.MeasureId == m.Id)
                  .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
                  .Select(r => (int?)r.Id)
                  .FirstOrDefault()
              from r in db.ProgressReports.Where(r => r.Id == latestId).Take(1).DefaultIfEmpty()
              select new { Measure = m, Report = r };
        return from x in withReports
               from c in x.Measure.CoUnits.DefaultIfEmpty()
               let m = x.Measure
               let r = x.Report
               orderby m.Code
               select new ExportedMeasure(m.Id, m.Code, m.Title, m.DocumentId, m.ClauseId, m.ObjectiveId, m.LeadUnitId,
                   c == null ? null : c.UnitId,
                   m.ResponsiblePersonId, m.StartOn, m.DueOn, m.Status, m.StatusReason, m.Progress,
                   r == null
                       ? null
                       : new LatestReport(r.Content.Period, r.Content.Percent, r.Content.Done, r.Content.Obstacles,
                           r.Content.NextSteps, r.Content.Confidence, r.Content.Explanation, r.SubmittedBy));
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static readonly (SheetColumn Column, string Note)[] TemplateNotes =
    [
        (SheetColumn.Code, "必填，唯一；已有编号则更新该举措，否则新建。Required and unique: an existing code updates that measure, a new one creates it."),
        (SheetColumn.Title, "必填，至多 500 字。Required, at most 500 characters."),
        (SheetColumn.DocumentNumber, "来源文件的文号，可空。The source document's number; may be empty."),
        (SheetColumn.Clause, "该文件的条款序号，可空。The clause number within that document; may be empty."),
        (SheetColumn.Objective, "必填：目标编号或完整名称。Required: the objective's code or exact title."),
        (SheetColumn.LeadUnit, "必填：单位编号或完整名称。Required: the unit's code or exact name."),
        (SheetColumn.CoUnits, "单位编号或名称，以分号或顿号分隔。Unit codes or names separated by ; or 、."),
        (SheetColumn.ResponsiblePerson, "责任人姓名，可空。The responsible person's name; may be empty."),
        (SheetColumn.StartOn, "必填，yyyy-MM-dd。Required, yyyy-MM-dd."),
        (SheetColumn.DueOn, "必填，晚于开始日期。Required, after the start date."),
        (SheetColumn.Status, "草稿/推进中/暂停/已完成/已取消 或 Draft/Active/Suspended/Completed/Cancelled；空：新举措为草稿，已有举措不变。Empty: Draft for a new measure, unchanged for an existing one."),
        (SheetColumn.StatusReason, "暂停或取消的理由；取消时必填。Why suspended or cancelled; required to cancel."),
        (SheetColumn.Progress, "牵头单位报送、改革办确认的进度，只读；新进度请填报送列。The accepted progress, read only; report new progress in the report columns."),
        (SheetColumn.ReportPeriod, "报送月份 yyyy-MM；填写报送列即新增一份进展报告，已确认的报告不会被改动。A month, yyyy-MM: filling the report columns adds a new progress report; accepted reports are never changed."),
        (SheetColumn.ReportPercent, "0–100。"),
        (SheetColumn.ReportDone, "报送时必填。Required with a report."),
        (SheetColumn.ReportObstacles, "可空。May be empty."),
        (SheetColumn.ReportNextSteps, "可空。May be empty."),
        (SheetColumn.ReportConfidence, "很有把握/有把握/把握不大/难以完成 或 HighlyLikely/Likely/Unlikely/Unachievable。"),
        (SheetColumn.ReportExplanation, "进度倒退或滞后（黄灯、红灯）时必填。Required when progress goes back or the measure is behind (yellow or red)."),
        (SheetColumn.ReportedBy, "报送人姓名；空则为导入人。The reporter's name; empty means the person importing."),
    ];
}
