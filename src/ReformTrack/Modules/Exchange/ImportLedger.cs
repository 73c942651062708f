using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReformTrack.Data;
using ReformTrack.Localization;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Exchange;

internal enum ImportOutcome
{
    Create,
    Update,
    Unchanged,
}

/// <summary>A problem with one cell (or one row): the row number and column header as in the file.</summary>
internal sealed record ImportError(int Row, string Column, string? Value, string Rule, string Message);

/// <summary>What importing a row does (or would do).</summary>
internal sealed record ImportChange(int Row, string Code, ImportOutcome Outcome, bool AddsReport);

internal sealed record ImportResult(
    bool Applied, int Creates, int Updates, int Unchanged, int Reports,
    IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportChange> Changes);

/// <summary>A unit as the import's authorization check sees it: its subtree path places it.</summary>
internal sealed record ImportUnit(int Id, string Code, string Path);

/// <summary>
/// Who imports: the name that signs new reports, and the one check of their scope, "may this
/// person write measures led by this unit?", asked of every row (and of the lead unit an
/// existing measure had). A row outside it is an error; nothing is skipped silently.
/// </summary>
internal sealed record ImportActor(string Name, Func<ImportUnit, bool> MayWriteMeasuresLedBy)
{
    public static ImportActor Unrestricted(string name) => new(name, _ => true);
}

/// <summary>
/// Imports a ledger file: every row is read and checked by the ledger's own rules
/// (<see cref="EditMeasure.Assign"/>, status transitions, <see cref="Measure.SubmitReport"/>) and
/// every error is collected before anything is written. Rows are matched to measures by code:
/// a new code creates a measure, a known one updates it, and an identical row changes nothing.
/// Report columns that differ from the measure's latest report add a new report; existing
/// reports are never touched. Applying writes all rows in one transaction, or none.
/// </summary>
internal sealed class ImportLedger(
    IDbContextFactory<ReformDbContext> dbFactory,
    TimeProvider clock,
    LightThresholds thresholds,
    ImportLimits limits,
    IStringLocalizer<ErrorText> errorText)
{
    public Task<ImportResult> PreviewAsync(byte[] content, ImportActor actor, CancellationToken cancellationToken = default) =>
        RunAsync(content, actor, apply: false, cancellationToken);

    public Task<ImportResult> ApplyAsync(byte[] content, ImportActor actor, CancellationToken cancellationToken = default) =>
        RunAsync(content, actor, apply: true, cancellationToken);

    private async Task<ImportResult> RunAsync(byte[] content, ImportActor actor, bool apply, CancellationToken cancellationToken)
    {
        var table = LedgerFile.Read(content, limits);
        var layout = Layout.Of(table);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = apply ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var lookups = await Lookups.LoadAsync(db, cancellationToken);

        var codes = table.Rows.Select(r => layout.Text(r, SheetColumn.Code)).OfType<string>().Distinct().ToList();
        var existing = new Dictionary<string, Measure>(StringComparer.Ordinal);
        foreach (var chunk in (await ExistingIdsAsync(db, codes, cancellationToken)).Chunk(LookupChunk))
        {
            foreach (var measure in await db.Measures.Include(m => m.CoUnits).Where(m => chunk.Contains(m.Id))
                         .ToListAsync(cancellationToken))
            {
                existing[measure.Code] = measure;
            }
        }

        var latest = new Dictionary<int, LatestReport>();
        foreach (var chunk in existing.Values.Select(m => m.Id).Chunk(LookupChunk))
        {
            foreach (var (measureId, report) in await LatestReportsAsync(db, chunk, cancellationToken))
            {
                latest[measureId] = report;
            }
        }


        var work = new Work(layout, lookups, actor, errorText, limits);
        var pendingReports = new List<(Measure Measure, ProgressReport Report)>();
        var created = new List<Measure>();
        var changes = new List<ImportChange>();
        var rowOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var nowUtc = clock.UtcNow();
        var today = clock.Today();

        foreach (var row in table.Rows)
        {
            var parsed = work.Parse(row);
            if (parsed is null)
            {
                continue;
            }

            if (rowOfCode.TryGetValue(parsed.Code, out var firstRow))
            {
                work.Fail(row, SheetColumn.Code, new RuleViolation("CodeAppearsOnceInFile",
                    $"The code {parsed.Code} is already on row {firstRow}.", "code", parsed.Code, firstRow));
                continue;
            }

            rowOfCode[parsed.Code] = row.Number;
            var isNew = !existing.TryGetValue(parsed.Code, out var measure);
            if (!isNew && !work.InScope(row, lookups.UnitById[measure!.LeadUnitId], SheetColumn.LeadUnit))
            {
                continue;
            }

            measure ??= new Measure { Code = "", Title = "" };
            var coUnitsBefore = measure.CoUnits.Select(c => c.UnitId).Order().ToList();
            ProgressReport? report = null;
            try
            {
                EditMeasure.Assign(measure, new MeasureInput
                {
                    Code = parsed.Code,
                    Title = parsed.Title,
                    Description = measure.Description,
                    DocumentId = parsed.DocumentId,
                    ClauseId = parsed.ClauseId,
                    ObjectiveId = parsed.ObjectiveId,
                    LeadUnitId = parsed.LeadUnitId,
                    CoUnitIds = parsed.CoUnitIds,
                    ResponsiblePersonId = parsed.ResponsiblePersonId,
                    StartOn = parsed.StartOn,
                    DueOn = parsed.DueOn,
                    Tags = measure.Tags,
                }, parsed.ClauseId is null ? null : parsed.DocumentId);

                var target = parsed.Status ?? (isNew ? MeasureStatus.Draft : measure.Status);
                if (isNew && target is MeasureStatus.Active or MeasureStatus.Suspended or MeasureStatus.Completed)
                {
                    measure.Activate();
                }
                else if (target == MeasureStatus.Active && measure.Status != MeasureStatus.Active)
                {
                    measure.ChangeStatus(MeasureStatus.Active, parsed.StatusReason, today);
                }

                if (parsed.Report is { } reportContent
                    && !(latest.TryGetValue(measure.Id, out var last) && !isNew && SameContent(last, reportContent)))
                {
                    report = measure.SubmitReport(reportContent, parsed.ReportedBy ?? actor.Name, nowUtc, today, thresholds);
                }

                if (target != measure.Status)
                {
                    measure.ChangeStatus(target, parsed.StatusReason, today);
                }

                if (parsed.Progress is { } progress && progress != measure.Progress && progress != parsed.Report?.Percent)
                {
                    throw new RuleViolation("ProgressChangesThroughReports",
                        $"The accepted progress is {measure.Progress}%; report a new percent in the report columns.",
                        "progress", measure.Progress);
                }
            }
            catch (RuleViolation violation)
            {
                work.Fail(row, Layout.ColumnOfField(violation.Field), violation);
                continue;
            }

            if (report is not null)
            {
                pendingReports.Add((measure, report));
            }

            ImportOutcome outcome;
            if (isNew)
            {
                measure.CreatedAt = nowUtc;
                measure.UpdatedAt = nowUtc;
                created.Add(measure);
                outcome = ImportOutcome.Create;
            }
            else if (db.Entry(measure).State == EntityState.Modified
                     || !coUnitsBefore.SequenceEqual(measure.CoUnits.Select(c => c.UnitId).Order()))
            {
                measure.UpdatedAt = nowUtc;
                outcome = ImportOutcome.Update;
            }
            else
            {
                outcome = report is null ? ImportOutcome.Unchanged : ImportOutcome.Update;
            }

            changes.Add(new ImportChange(row.Number, parsed.Code, outcome, report is not null));
        }

        var errors = work.Errors;
        var applied = false;
        if (apply && errors.Count == 0)
        {
            // Changes to measures already in the ledger go through the change tracker, which saw them
            // loaded; new measures, their co-units and their first reports are written in bulk.
            var reportsOnNew = pendingReports.Where(p => p.Measure.Id == 0).ToList();
            foreach (var (measure, report) in pendingReports.Where(p => p.Measure.Id != 0))
            {
                report.MeasureId = measure.Id;
                db.ProgressReports.Add(report);
            }

            await using var cache = await BulkInsert.LargePageCacheAsync(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await BulkInsert.InsertAsync(db, created, cancellationToken);
            foreach (var measure in created)
            {
                measure.CoUnits.ForEach(c => c.MeasureId = measure.Id);
            }

            await BulkInsert.InsertAsync(db, created.SelectMany(m => m.CoUnits).ToList(), cancellationToken);
            reportsOnNew.ForEach(p => p.Report.MeasureId = p.Measure.Id);
            await BulkInsert.InsertAsync(db, reportsOnNew.Select(p => p.Report).ToList(), cancellationToken);
            await transaction!.CommitAsync(cancellationToken);
            applied = true;
        }

        return new ImportResult(applied,
            changes.Count(c => c.Outcome == ImportOutcome.Create),
            changes.Count(c => c.Outcome == ImportOutcome.Update),
            changes.Count(c => c.Outcome == ImportOutcome.Unchanged),
            pendingReports.Count,
            errors, changes);
    }

    private static bool SameContent(LatestReport last, ReportContent content) =>
        last.Period == content.Period && last.Percent == content.Percent && last.Done == content.Done
        && last.Obstacles == content.Obstacles && last.NextSteps == content.NextSteps
        && last.Confidence == content.Confidence && last.Explanation == content.Explanation;

    /// <summary>Codes and ids are looked up this many at a time: each is one SQL parameter, and SQLite takes at most 32,766.</summary>
    private const int LookupChunk = 1000;

    /// <summary>
    /// The ids of the measures that have one of the codes. A large file is matched against every
    /// code in the ledger, read from the code index in one pass, which costs far less than looking
    /// its codes up a chunk at a time; a small file is looked up.
    /// </summary>
    private static async Task<List<int>> ExistingIdsAsync(ReformDbContext db, List<string> codes, CancellationToken cancellationToken)
    {
        if (codes.Count > 4 * LookupChunk)
        {
            var wanted = codes.ToHashSet(StringComparer.Ordinal);
            var ids = new List<int>();
            await foreach (var measure in db.Measures.AsNoTracking().Select(m => new { m.Id, m.Code }).AsAsyncEnumerable()
                               .WithCancellation(cancellationToken))
            {
                if (wanted.Contains(measure.Code))
                {
                    ids.Add(measure.Id);
                }
            }

            return ids;
        }

        var found = new List<int>();
        foreach (var chunk in codes.Chunk(LookupChunk))
        {
            found.AddRange(await db.Measures.AsNoTracking().Where(m => chunk.Contains(m.Code)).Select(m => m.Id).ToListAsync(cancellationToken));
        }

        return found;
    }

    private static async Task<Dictionary<int, LatestReport>> LatestReportsAsync(ReformDbContext db, int[] measureIds,
        CancellationToken cancellationToken)
    {
        var rows = await db.ProgressReports.AsNoTracking()
            .Where(r => measureIds.Contains(r.MeasureId))
            .Where(r => !db.ProgressReports.Any(o => o.MeasureId == r.MeasureId
                                                     && (o.SubmittedAt > r.SubmittedAt || (o.SubmittedAt == r.SubmittedAt && o.Id > r.Id))))
            .Select(r => new
            {
                r.MeasureId,
                Latest = new LatestReport(r.Content.Period, r.Content.Percent, r.Content.Done, r.Content.Obstacles,
                    r.Content.NextSteps, r.Content.Confidence, r.Content.Explanation, r.SubmittedBy),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.MeasureId, r => r.Latest);
    }

    /// <summary>A row read and resolved: ids for every reference, typed values for every cell.</summary>
    private sealed record ParsedRow
    {
        public required string Code { get; init; }
        public string? Title { get; init; }
        public int? DocumentId { get; init; }
        public int? ClauseId { get; init; }
        public int? ObjectiveId { get; init; }
        public int? LeadUnitId { get; init; }
        public IReadOnlyList<int> CoUnitIds { get; init; } = [];
        public int? ResponsiblePersonId { get; init; }
        public DateOnly? StartOn { get; init; }
        public DateOnly? DueOn { get; init; }
        public MeasureStatus? Status { get; init; }
        public string? StatusReason { get; init; }
        public int? Progress { get; init; }
        public ReportContent? Report { get; init; }
        public string? ReportedBy { get; init; }
    }

    /// <summary>Which column of the file holds which template column, and the file's own header text.</summary>
    private sealed class Layout
    {
        private readonly Dictionary<SheetColumn, int> _index = [];
        private readonly Dictionary<SheetColumn, string> _header = [];

        public static Layout Of(SheetTable table)
        {
            var layout = new Layout();
            for (var i = 0; i < table.Headers.Count; i++)
            {
                var header = table.Headers[i];
                if (header is null)
                {
                    if (table.Rows.Any(r => i < r.Cells.Count && r.Cells[i] is not null))
                    {
                        throw new RuleViolation("ImportColumnHasAHeader",
                            $"Column {i + 1} holds values but has no header.", "file", i + 1);
                    }

                    continue;
                }

                var column = LedgerSheet.ColumnOf(header)
                             ?? throw new RuleViolation("ImportColumnIsKnown",
                                 $"'{header}' is not a column of the ledger template.", "file", header);
                if (!layout._index.TryAdd(column, i))
                {
                    throw new RuleViolation("ImportColumnAppearsOnce",
                        $"The column '{header}' appears twice.", "file", header);
                }

                layout._header[column] = header;
            }

            var missing = LedgerSheet.RequiredColumns.Where(c => !layout._index.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                var names = string.Join(", ", missing.Select(LedgerSheet.HeaderOf));
                throw new RuleViolation("ImportFileHasTheLedgerColumns",
                    $"The file lacks the ledger's columns: {names}.", "file", names);
            }

            return layout;
        }

        public string Header(SheetColumn column) => _header.GetValueOrDefault(column) ?? LedgerSheet.HeaderOf(column);

        public string? Text(SheetRow row, SheetColumn column) =>
            _index.TryGetValue(column, out var i) && i < row.Cells.Count ? row.Cells[i] : null;

        public IEnumerable<(SheetColumn Column, string Text)> Cells(SheetRow row) =>
            _index.Select(p => (p.Key, Text(row, p.Key))).Where(c => c.Item2 is not null).Select(c => (c.Key, c.Item2!));

        public static SheetColumn ColumnOfField(string? field) => field switch
        {
            "title" or "description" => SheetColumn.Title,
            "documentId" => SheetColumn.DocumentNumber,
            "clauseId" => SheetColumn.Clause,
            "objectiveId" => SheetColumn.Objective,
            "leadUnitId" => SheetColumn.LeadUnit,
            "coUnitIds" => SheetColumn.CoUnits,
            "responsiblePersonId" => SheetColumn.ResponsiblePerson,
            "startOn" => SheetColumn.StartOn,
            "dueOn" => SheetColumn.DueOn,
            "status" or "measureId" => SheetColumn.Status,
            "reason" => SheetColumn.StatusReason,
            "progress" => SheetColumn.Progress,
            "period" => SheetColumn.ReportPeriod,
            "percent" => SheetColumn.ReportPercent,
            "done" => SheetColumn.ReportDone,
            "explanation" => SheetColumn.ReportExplanation,
            "reporter" => SheetColumn.ReportedBy,
            _ => SheetColumn.Code,
        };
    }

    /// <summary>The records rows refer to, by code and by name, loaded once per import.</summary>
    private sealed class Lookups
    {
        public required Dictionary<int, ImportUnit> UnitById { get; init; }
        public required Dictionary<string, int> UnitByCode { get; init; }
        public required ILookup<string, int> UnitByName { get; init; }
        public required Dictionary<string, int> ObjectiveByCode { get; init; }
        public required ILookup<string, int> ObjectiveByTitle { get; init; }
        public required ILookup<string, int> DocumentByNumber { get; init; }
        public required Dictionary<(int DocumentId, int Number), int> ClauseByNumber { get; init; }
        public required ILookup<string, (int Id, int UnitId)> PeopleByName { get; init; }

        public static async Task<Lookups> LoadAsync(ReformDbContext db, CancellationToken cancellationToken)
        {
            var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code, u.Name, u.Path }).ToListAsync(cancellationToken);
            var objectives = await db.Objectives.AsNoTracking().Select(o => new { o.Id, o.Code, o.Title }).ToListAsync(cancellationToken);
            var documents = await db.Documents.AsNoTracking().Select(d => new { d.Id, d.Number }).ToListAsync(cancellationToken);
            var clauses = await db.DocumentClauses.AsNoTracking().Select(c => new { c.Id, c.DocumentId, c.Number }).ToListAsync(cancellationToken);
            var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.Name, p.UnitId }).ToListAsync(cancellationToken);
            return new Lookups
            {
                UnitById = units.ToDictionary(u => u.Id, u => new ImportUnit(u.Id, u.Code, u.Path)),
                UnitByCode = units.ToDictionary(u => u.Code, u => u.Id, StringComparer.Ordinal),
                UnitByName = units.ToLookup(u => u.Name.Trim(), u => u.Id, StringComparer.Ordinal),
                ObjectiveByCode = objectives.ToDictionary(o => o.Code, o => o.Id, StringComparer.Ordinal),
                ObjectiveByTitle = objectives.ToLookup(o => o.Title.Trim(), o => o.Id, StringComparer.Ordinal),
                DocumentByNumber = documents.ToLookup(d => d.Number.Trim(), d => d.Id, StringComparer.Ordinal),
                ClauseByNumber = clauses.ToDictionary(c => (c.DocumentId, c.Number), c => c.Id),
                PeopleByName = people.ToLookup(p => p.Name.Trim(), p => (p.Id, p.UnitId), StringComparer.Ordinal),
            };
        }
    }

    /// <summary>Reads rows into <see cref="ParsedRow"/>s and collects the errors, in the user's language.</summary>
    private sealed class Work(Layout layout, Lookups lookups, ImportActor actor, IStringLocalizer<ErrorText> errorText,
        ImportLimits limits)
    {
        private static readonly string[] DateFormats =
            ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyy-MM-dd HH:mm"];

        public List<ImportError> Errors { get; } = [];

        public void Fail(SheetRow row, SheetColumn column, RuleViolation violation) =>
            Errors.Add(new ImportError(row.Number, layout.Header(column), layout.Text(row, column), violation.Rule,
                errorText.Describe(violation)));

        public bool InScope(SheetRow row, ImportUnit unit, SheetColumn column)
        {
            if (actor.MayWriteMeasuresLedBy(unit))
            {
                return true;
            }

            Fail(row, column, new RuleViolation("ImportRowIsWithinYourScope",
                $"You may not write measures led by {unit.Code}.", "leadUnitId", unit.Code));
            return false;
        }

        /// <summary>The row resolved, or null when any cell is wrong (every wrong cell is reported).</summary>
        public ParsedRow? Parse(SheetRow row)
        {
            var before = Errors.Count;
            foreach (var (column, text) in layout.Cells(row))
            {
                if (text.Length > limits.MaxCellLength)
                {
                    Fail(row, column, new RuleViolation("ImportCellFitsLength",
                        $"The cell holds {text.Length} characters; a cell holds at most {limits.MaxCellLength}.",
                        null, text.Length, limits.MaxCellLength));
                }
            }

            if (Errors.Count > before)
            {
                return null;
            }

            var code = layout.Text(row, SheetColumn.Code);
            if (code is null)
            {
                Fail(row, SheetColumn.Code, new RuleViolation("MeasureHasACode", "A measure has a code, such as FZ-2026-001.", "code"));
            }

            var documentId = Reference(row, SheetColumn.DocumentNumber, text => lookups.DocumentByNumber[text].ToList(),
                "DocumentIsKnown", "No document has the number '{0}'.");
            int? clauseId = null;
            if (Whole(row, SheetColumn.Clause) is { } clauseNumber)
            {
                if (documentId is null)
                {
                    Fail(row, SheetColumn.Clause, new RuleViolation("ClauseBelongsToTheCitedDocument",
                        "The clause must be a clause of the measure's document.", "clauseId"));
                }
                else if (lookups.ClauseByNumber.TryGetValue((documentId.Value, clauseNumber), out var id))
                {
                    clauseId = id;
                }
                else
                {
                    Fail(row, SheetColumn.Clause, new RuleViolation("ClauseIsKnown",
                        $"The document has no clause {clauseNumber}.", "clauseId", clauseNumber));
                }
            }

            var objectiveId = Reference(row, SheetColumn.Objective,
                text => lookups.ObjectiveByCode.TryGetValue(text, out var id) ? [id] : lookups.ObjectiveByTitle[text].ToList(),
                "ObjectiveIsKnown", "No objective has the code or title '{0}'.");
            var leadUnitId = UnitReference(row, SheetColumn.LeadUnit, layout.Text(row, SheetColumn.LeadUnit));
            if (leadUnitId is { } lead)
            {
                InScope(row, lookups.UnitById[lead], SheetColumn.LeadUnit);
            }

            var coUnitIds = new List<int>();
            foreach (var name in (layout.Text(row, SheetColumn.CoUnits) ?? "")
                         .Split(LedgerSheet.ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (UnitReference(row, SheetColumn.CoUnits, name) is { } id)
                {
                    coUnitIds.Add(id);
                }
            }

            var personId = Person(row, leadUnitId);
            var startOn = Date(row, SheetColumn.StartOn);
            var dueOn = Date(row, SheetColumn.DueOn);
            MeasureStatus? status = null;
            if (layout.Text(row, SheetColumn.Status) is { } statusText)
            {
                status = LedgerSheet.StatusOf(statusText);
                if (status is null)
                {
                    Fail(row, SheetColumn.Status, new RuleViolation("ImportStatusIsKnown",
                        $"'{statusText}' is not a status; use Draft, Active, Suspended, Completed or Cancelled.", "status", statusText));
                }
            }

            var progress = Percent(row, SheetColumn.Progress);
            var report = Report(row);

            if (Errors.Count > before)
            {
                return null;
            }

            return new ParsedRow
            {
                Code = code!,
                Title = layout.Text(row, SheetColumn.Title),
                DocumentId = documentId,
                ClauseId = clauseId,
                ObjectiveId = objectiveId,
                LeadUnitId = leadUnitId,
                CoUnitIds = coUnitIds,
                ResponsiblePersonId = personId,
                StartOn = startOn,
                DueOn = dueOn,
                Status = status,
                StatusReason = layout.Text(row, SheetColumn.StatusReason),
                Progress = progress,
                Report = report,
                ReportedBy = layout.Text(row, SheetColumn.ReportedBy),
            };
        }

        private ReportContent? Report(SheetRow row)
        {
            SheetColumn[] reportColumns =
            [
                SheetColumn.ReportPeriod, SheetColumn.ReportPercent, SheetColumn.ReportDone, SheetColumn.ReportObstacles,
                SheetColumn.ReportNextSteps, SheetColumn.ReportConfidence, SheetColumn.ReportExplanation,
            ];
            if (reportColumns.All(c => layout.Text(row, c) is null))
            {
                return null;
            }

            var percent = Percent(row, SheetColumn.ReportPercent);
            if (percent is null && layout.Text(row, SheetColumn.ReportPercent) is null)
            {
                Fail(row, SheetColumn.ReportPercent, new RuleViolation("FieldIsRequired", "percent is required.", "percent", "percent"));
            }

            var confidence = DeliveryConfidence.Likely;
            if (layout.Text(row, SheetColumn.ReportConfidence) is { } confidenceText)
            {
                if (LedgerSheet.ConfidenceOf(confidenceText) is { } known)
                {
                    confidence = known;
                }
                else
                {
                    Fail(row, SheetColumn.ReportConfidence, new RuleViolation("ImportConfidenceIsKnown",
                        $"'{confidenceText}' is not a delivery confidence; use HighlyLikely, Likely, Unlikely or Unachievable.",
                        null, confidenceText));
                }
            }

            return new ReportContent
            {
                Period = layout.Text(row, SheetColumn.ReportPeriod) ?? "",
                Percent = percent ?? 0,
                Done = layout.Text(row, SheetColumn.ReportDone) ?? "",
                Obstacles = layout.Text(row, SheetColumn.ReportObstacles),
                NextSteps = layout.Text(row, SheetColumn.ReportNextSteps),
                Confidence = confidence,
                Explanation = layout.Text(row, SheetColumn.ReportExplanation),
            };
        }

        private int? Reference(SheetRow row, SheetColumn column, Func<string, List<int>> find, string rule, string message)
        {
            if (layout.Text(row, column) is not { } text)
            {
                return null;
            }

            var found = find(text);
            switch (found.Count)
            {
                case 1:
                    return found[0];
                case 0:
                    Fail(row, column, new RuleViolation(rule, string.Format(CultureInfo.InvariantCulture, message, text), null, text));
                    return null;
                default:
                    Fail(row, column, new RuleViolation("ImportNameIsAmbiguous",
                        $"'{text}' names more than one record; write its code instead.", null, text));
                    return null;
            }
        }

        private int? UnitReference(SheetRow row, SheetColumn column, string? text)
        {
            if (text is null)
            {
                return null;
            }

            var found = lookups.UnitByCode.TryGetValue(text, out var id) ? [id] : lookups.UnitByName[text].ToList();
            if (found.Count == 1)
            {
                return found[0];
            }

            Fail(row, column, found.Count == 0
                ? new RuleViolation("UnitIsKnown", $"No unit has the code or name '{text}'.", null, text)
                : new RuleViolation("ImportNameIsAmbiguous", $"'{text}' names more than one record; write its code instead.", null, text));
            return null;
        }

        /// <summary>A person by exact name; when several share it, the one in the lead unit.</summary>
        private int? Person(SheetRow row, int? leadUnitId)
        {
            if (layout.Text(row, SheetColumn.ResponsiblePerson) is not { } name)
            {
                return null;
            }

            var people = lookups.PeopleByName[name].ToList();
            if (people.Count > 1)
            {
                people = people.Where(p => p.UnitId == leadUnitId).ToList();
            }

            if (people.Count == 1)
            {
                return people[0].Id;
            }

            Fail(row, SheetColumn.ResponsiblePerson, people.Count == 0 && !lookups.PeopleByName.Contains(name)
                ? new RuleViolation("PersonIsKnown", $"No person is named '{name}'.", null, name)
                : new RuleViolation("ImportNameIsAmbiguous", $"'{name}' names more than one record; write its code instead.", null, name));
            return null;
        }

        private DateOnly? Date(SheetRow row, SheetColumn column)
        {
            if (layout.Text(row, column) is not { } text)
            {
                return null;
            }

            if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return DateOnly.FromDateTime(date);
            }

            // A date cell Excel kept as a serial number.
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000
                && serial == Math.Floor(serial))
            {
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
            }

            Fail(row, column, new RuleViolation("ImportCellIsADate", $"'{text}' is not a date; write it as yyyy-MM-dd.", null, text));
            return null;
        }

        private int? Whole(SheetRow row, SheetColumn column)
        {
            if (layout.Text(row, column) is not { } text)
            {
                return null;
            }

            if (double.TryParse(text.TrimEnd('%', '％'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue)
            {
                return (int)number;
            }

            Fail(row, column, new RuleViolation("ImportCellIsAWholeNumber", $"'{text}' is not a whole number.", null, text));
            return null;
        }

        private int? Percent(SheetRow row, SheetColumn column)
        {
            var value = Whole(row, column);
            if (value is < 0 or > 100)
            {
                Fail(row, column, new RuleViolation("PercentIsBetween0And100", "Percent done is between 0 and 100.", "percent"));
                return null;
            }

            return value;
        }
    }
}
