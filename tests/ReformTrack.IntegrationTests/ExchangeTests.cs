using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Modules.Exchange;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;
using ReformTrack.Shared;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

public abstract class ExchangeTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private readonly LedgerTestData _data = new(app);

    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly Due = new(2026, 12, 31);

    /// <summary>A unit of its own with three measures: one plain, one with co-units, a document, a person and an accepted report, one completed.</summary>
    private async Task<(Unit Unit, Unit CoUnit, Measure[] Measures)> LedgerAsync()
    {
        var (unit, objective) = await _data.AddScopeAsync();
        var coUnit = await _data.AddUnitAsync();
        var document = await _data.AddDocumentAsync();
        var person = await _data.AddPersonAsync(unit.Id);
        var plain = await _data.AddMeasureAsync(unit.Id, objective.Id, Start, Due, title: "优化营商环境，推进“一网通办”");
        var cited = await _data.AddMeasureAsync(unit.Id, objective.Id, Start, Due, progress: 95, documentId: document.Id);
        var done = await _data.AddMeasureAsync(unit.Id, objective.Id, Start, Due);
        await _data.ReadAsync(async db =>
        {
            var m = await db.Measures.Include(x => x.CoUnits).FirstAsync(x => x.Id == cited.Id);
            m.Cite(document.Id, document.Clauses[1].Id, document.Id);
            m.ResponsiblePersonId = person.Id;
            m.SetCoUnits([coUnit.Id]);
            m.Description = "保留的说明";
            var d = await db.Measures.FirstAsync(x => x.Id == done.Id);
            d.Complete(LedgerTestData.Today);
            await db.SaveChangesAsync();
            return 0;
        });
        return (unit, coUnit, [plain, cited, done]);
    }

    private static MultipartFormDataContent Upload(byte[] content, string name)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static async Task<(HttpStatusCode Status, ImportResult Result)> ImportAsync(HttpClient client, byte[] content,
        string name, bool apply)
    {
        var response = await client.PostAsync($"/api/v1/exchange/import/{(apply ? "apply" : "preview")}", Upload(content, name));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body}");
        return (response.StatusCode, JsonSerializer.Deserialize<ImportResult>(body, LedgerHttp.Json)!);
    }

    private async Task<int[]> VersionsAsync(IEnumerable<int> ids)
    {
        var list = ids.ToList();
        return await _data.ReadAsync(db => db.Measures.Where(m => list.Contains(m.Id)).OrderBy(m => m.Id).Select(m => m.Version).ToArrayAsync());
    }

    private Task<int> CountAsync(string code) => _data.ReadAsync(db => db.Measures.CountAsync(m => m.Code == code));

    [SkippableFact]
    public async Task Template_has_bilingual_headers_and_a_sheet_explaining_each_column()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/exchange/template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportLedger.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        var content = await response.Content.ReadAsByteArrayAsync();
        var header = Assert.Single(LedgerFiles.ReadXlsx(content));
        Assert.Equal(LedgerFiles.ChineseHeader.Zip(LedgerFiles.EnglishHeader, (zh, en) => $"{zh} / {en}"), header);
        var notes = LedgerFiles.SheetNames(content)[1];
        Assert.Equal(22, LedgerFiles.ReadXlsx(content, notes).Count);
    }

    [SkippableTheory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task Exported_ledger_imports_back_without_a_change(string format)
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, _, measures) = await LedgerAsync();
        var versions = await VersionsAsync(measures.Select(m => m.Id));
        var reports = await _data.ReadAsync(db => db.ProgressReports.CountAsync());

        var export = await client.GetAsync($"/api/v1/exchange/ledger.{format}?unitId={unit.Id}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var content = await export.Content.ReadAsByteArrayAsync();
        var (status, result) = await ImportAsync(client, content, $"ledger.{format}", apply: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(result.Errors);
        Assert.True(result.Applied);
        Assert.Equal((0, 0, 3, 0), (result.Creates, result.Updates, result.Unchanged, result.Reports));
        Assert.Equal(versions, await VersionsAsync(measures.Select(m => m.Id)));
        Assert.Equal(reports, await _data.ReadAsync(db => db.ProgressReports.CountAsync()));
        Assert.Equal("保留的说明", await _data.ReadAsync(db => db.Measures.Where(m => m.Id == measures[1].Id).Select(m => m.Description).FirstAsync()));
    }

    [SkippableFact]
    public async Task Export_follows_the_ledger_filters_and_writes_the_template_columns()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, coUnit, measures) = await LedgerAsync();

        var content = await client.GetByteArrayAsync($"/api/v1/exchange/ledger.xlsx?unitId={unit.Id}&status=Active");
        var rows = LedgerFiles.ReadXlsx(content);

        Assert.Equal(3, rows.Count);
        var cited = rows.Single(r => r[0] == measures[1].Code);
        Assert.Equal(unit.Code, cited[5]);
        Assert.Equal(coUnit.Code, cited[6]);
        Assert.Equal("2", cited[3]);
        Assert.Equal("2026-01-01|2026-12-31|Active||95|2026-10|95", string.Join('|', cited[8..15]));
        Assert.DoesNotContain(rows, r => r[0] == measures[2].Code);
    }

    [SkippableFact]
    public async Task Unknown_filter_unit_is_a_problem_not_a_broken_download()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/exchange/ledger.csv?unitId=999999");

        await response.AssertFieldErrorAsync("unitId");
    }

    [SkippableFact]
    public async Task Deadline_feed_has_an_all_day_event_on_the_due_date_of_each_active_measure_of_the_unit()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, _, measures) = await LedgerAsync();

        var response = await client.GetAsync($"/api/v1/exchange/deadlines.ics?unitId={unit.Id}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Equal(2, unfolded.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains($"UID:measure-{measures[0].Id}@reformtrack\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains($"SUMMARY:{measures[0].Code} 优化营商环境，推进“一网通办”\r\n", unfolded, StringComparison.Ordinal);
        Assert.Equal("a\\,b\\;c\\nd\\\\", DeadlineCalendar.Escape("a,b;c\nd\\"));
        Assert.DoesNotContain($"measure-{measures[2].Id}@", unfolded, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Work_report_of_a_unit_counts_only_its_subtree()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, _, _) = await LedgerAsync();

        var content = await client.GetByteArrayAsync($"/api/v1/exchange/report.docx?period=2026&unitId={unit.Id}");

        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(content), false);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Contains(unit.Name, body.InnerText, StringComparison.Ordinal);
        var rows = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToArray())
            .Where(r => r.Length == 2).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("3", rows["改革举措 Measures introduced"]);
        Assert.Equal("1", rows["已完成 Completed"]);
        Assert.Equal("3", rows["2026 年到期 Due in 2026"]);
        Assert.Equal("1", rows["2026 年完成 Completed in 2026"]);
        Assert.Equal("0", rows["逾期 Overdue"]);
    }

    private async Task<(Unit Unit, string Objective)> PlaceAsync()
    {
        var (unit, objective) = await _data.AddScopeAsync();
        return (unit, objective.Code);
    }

    [SkippableFact]
    public async Task Chinese_headers_and_a_GB18030_csv_create_measures_matched_by_unit_name_with_their_reports()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await PlaceAsync();
        var code = LedgerTestData.Unique("GBK");
        string?[][] rows =
        [
            LedgerFiles.ChineseHeader,
            [code, "推进工程建设项目审批制度改革", null, null, objective, unit.Name, null, null, "2026-01-01", "2026-12-31",
                "推进中", null, "90", "2026-11", "90", "审批时限压缩至 80 个工作日", "部分事项仍需线下办理", "全面推行网上审批", "有把握", null, "张华"],
        ];
        var content = LedgerFiles.Csv(rows, LedgerFiles.Gb18030);

        var (_, preview) = await ImportAsync(client, content, "台账.csv", apply: false);
        Assert.Empty(preview.Errors);
        Assert.Equal((1, 1), (preview.Creates, preview.Reports));
        Assert.Equal(0, await CountAsync(code));

        var (status, result) = await ImportAsync(client, content, "台账.csv", apply: true);

        Assert.Equal(HttpStatusCode.OK, status);
        var measure = await _data.ReadAsync(db => db.Measures.FirstAsync(m => m.Code == code));
        Assert.Equal(("推进工程建设项目审批制度改革", unit.Id, MeasureStatus.Active, 0),
            (measure.Title, measure.LeadUnitId, measure.Status, measure.Progress));
        var report = await _data.ReadAsync(db => db.ProgressReports.SingleAsync(r => r.MeasureId == measure.Id));
        Assert.Equal((90, "审批时限压缩至 80 个工作日", "张华", ReportStatus.Submitted),
            (report.Content.Percent, report.Content.Done, report.SubmittedBy, report.Status));
    }

    [SkippableFact]
    public async Task UTF8_csv_with_a_BOM_and_English_headers_imports()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await PlaceAsync();
        var code = LedgerTestData.Unique("BOM");
        string?[][] rows =
        [
            LedgerFiles.EnglishHeader[..10],
            [code, "“放管服”改革，一次办成", null, null, objective, unit.Code, null, null, "2026/3/1", "2027-3-1"],
        ];

        var (status, result) = await ImportAsync(client, LedgerFiles.Csv(rows, Encoding.UTF8, bom: true), "ledger.csv", apply: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, result.Creates);
        var measure = await _data.ReadAsync(db => db.Measures.FirstAsync(m => m.Code == code));
        Assert.Equal(("“放管服”改革，一次办成", MeasureStatus.Draft, new DateOnly(2026, 3, 1)), (measure.Title, measure.Status, measure.StartOn));
    }

    [SkippableFact]
    public async Task Every_bad_cell_is_named_by_row_and_column_and_nothing_is_written()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await PlaceAsync();
        var good = LedgerTestData.Unique("OK");
        var bad = LedgerTestData.Unique("BAD");
        var late = LedgerTestData.Unique("LATE");
        string?[][] rows =
        [
            LedgerFiles.EnglishHeader[..11],
            [good, "A good row", null, null, objective, unit.Code, null, null, "2026-01-01", "2026-12-31", "Active"],
            [bad, "Bad cells", null, null, "NO-SUCH-OBJECTIVE", "无此单位", null, null, "2026-13-01", "2026-12-31", "Busy"],
            [good, "The same code again", null, null, objective, unit.Code, null, null, "2026-01-01", "2026-12-31", "Active"],
            [late, "Due before start", null, null, objective, unit.Code, null, null, "2026-06-01", "2026-05-01", "Active"],
        ];

        var (status, result) = await ImportAsync(client, LedgerFiles.Xlsx(rows), "ledger.xlsx", apply: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.False(result.Applied);
        Assert.Equal(
            [
                (3, "Objective code", "NO-SUCH-OBJECTIVE", "ObjectiveIsKnown"),
                (3, "Lead unit", "无此单位", "UnitIsKnown"),
                (3, "Start", "2026-13-01", "ImportCellIsADate"),
                (3, "Status", "Busy", "ImportStatusIsKnown"),
                (4, "Measure code", good, "CodeAppearsOnceInFile"),
                (5, "Due", "2026-05-01", "DueDateMustBeAfterStartDate"),
            ],
            result.Errors.Select(e => (e.Row, e.Column, e.Value, e.Rule)));
        Assert.Contains("row 2", result.Errors[4].Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(good));
        Assert.Equal(0, await CountAsync(late));
    }

    [SkippableFact]
    public async Task Errors_are_written_in_the_callers_language()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var (unit, objective) = await PlaceAsync();
        string?[][] rows =
        [
            LedgerFiles.ChineseHeader[..10],
            [LedgerTestData.Unique("ZH"), "日期有误", null, null, objective, unit.Code, null, null, "明年", "2026-12-31"],
        ];

        var (_, result) = await ImportAsync(client, LedgerFiles.Xlsx(rows), "台账.xlsx", apply: false);

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "开始日期"), (error.Row, error.Column));
        Assert.Equal("“明年”不是日期，请按 yyyy-MM-dd 填写。", error.Message);
    }

    [SkippableFact]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await PlaceAsync();
        var coUnit = await _data.AddUnitAsync();
        var code = LedgerTestData.Unique("TWICE");
        string?[][] rows =
        [
            LedgerFiles.EnglishHeader,
            [code, "Twice imported", null, null, objective, unit.Code, coUnit.Name, null, "2026-01-01", "2026-12-31",
                "Active", null, "0", "2026-11", "95", "Most of it", null, null, "Likely", null, null],
        ];
        var content = LedgerFiles.Xlsx(rows);

        var (_, first) = await ImportAsync(client, content, "ledger.xlsx", apply: true);
        var version = await _data.ReadAsync(db => db.Measures.Where(m => m.Code == code).Select(m => m.Version).FirstAsync());
        var (_, second) = await ImportAsync(client, content, "ledger.xlsx", apply: true);

        Assert.Equal((1, 0, 0, 1), (first.Creates, first.Updates, first.Unchanged, first.Reports));
        Assert.Equal((0, 0, 1, 0), (second.Creates, second.Updates, second.Unchanged, second.Reports));
        Assert.Equal(version, await _data.ReadAsync(db => db.Measures.Where(m => m.Code == code).Select(m => m.Version).FirstAsync()));
        var measure = await _data.ReadAsync(db => db.Measures.Include(m => m.CoUnits).FirstAsync(m => m.Code == code));
        Assert.Equal(coUnit.Id, Assert.Single(measure.CoUnits).UnitId);
        // Reports an import adds are signed by the signed-in user who imported.
        Assert.Equal("Test administrator",
            await _data.ReadAsync(db => db.ProgressReports.Where(r => r.MeasureId == measure.Id).Select(r => r.SubmittedBy).SingleAsync()));
    }

    [SkippableFact]
    public async Task Imported_measures_co_units_and_reports_are_in_the_audit_trail_as_any_save_writes_them()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await PlaceAsync();
        var coUnits = new[] { await _data.AddUnitAsync(), await _data.AddUnitAsync() };
        var saved = await _data.AddMeasureAsync(unit.Id, (await _data.ReadAsync(db => db.Objectives.FirstAsync(o => o.Code == objective))).Id,
            Start, Due);
        var codes = new[] { LedgerTestData.Unique("AUD"), LedgerTestData.Unique("AUD") };
        var mark = await _data.ReadAsync(db => db.AuditEntries.MaxAsync(a => a.Id));
        string?[][] rows =
        [
            LedgerFiles.EnglishHeader,
            [codes[0], "Audited with co-units", null, null, objective, unit.Code, $"{coUnits[0].Code}; {coUnits[1].Code}", null,
                "2026-01-01", "2026-12-31", "Active", null, null, "2026-11", "95", "Nearly all", null, null, "Likely", null, null],
            [codes[1], "Audited draft", null, null, objective, unit.Code, null, null, "2026-02-01", "2026-12-31", null, null, null,
                null, null, null, null, null, null, null, null],
        ];

        var (status, result) = await ImportAsync(client, LedgerFiles.Xlsx(rows), "ledger.xlsx", apply: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((2, 1), (result.Creates, result.Reports));
        var measures = await _data.ReadAsync(db => db.Measures.Include(m => m.CoUnits).Where(m => codes.Contains(m.Code))
            .OrderBy(m => m.Code).ToListAsync());
        var entries = await _data.ReadAsync(db => db.AuditEntries.Where(a => a.Id > mark).OrderBy(a => a.Id).ToListAsync());
        // One "Created" entry a row written, signed by the importer, holding the row's values as saved.
        Assert.Equal(["Measure", "Measure", "MeasureCoUnit", "MeasureCoUnit", "ProgressReport"], entries.Select(e => e.Entity));
        Assert.All(entries, e => Assert.Equal((Modules.Audit.AuditAction.Created, "Test administrator <admin1@test.reformtrack.org>", (string?)null),
            (e.Action, e.Actor, e.Before)));
        Assert.Equal(measures.Select(m => m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            entries.Take(2).Select(e => e.EntityId));
        Assert.Equal(measures[0].CoUnits.Select(c => $"{c.MeasureId},{c.UnitId}").Order(), entries.Skip(2).Take(2).Select(e => e.EntityId).Order());
        using var after = JsonDocument.Parse(entries[0].After!);
        Assert.Equal((codes[0], "Active", 1, unit.Id), (after.RootElement.GetProperty("Code").GetString(),
            after.RootElement.GetProperty("Status").GetString(), after.RootElement.GetProperty("Version").GetInt32(),
            after.RootElement.GetProperty("LeadUnitId").GetInt32()));
        // The same fields as the entry a measure saved one by one got.
        var savedEntry = await _data.ReadAsync(db => db.AuditEntries.Where(a => a.Entity == "Measure" && a.EntityId == saved.Id.ToString())
            .OrderBy(a => a.Id).FirstAsync());
        using var savedAfter = JsonDocument.Parse(savedEntry.After!);
        Assert.Equal(savedAfter.RootElement.EnumerateObject().Select(p => p.Name), after.RootElement.EnumerateObject().Select(p => p.Name));
        var report = await _data.ReadAsync(db => db.ProgressReports.SingleAsync(r => r.MeasureId == measures[0].Id));
        Assert.Equal(report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entries[4].EntityId);

        using var scope = app.Services.CreateScope();
        var verification = await scope.ServiceProvider.GetRequiredService<Modules.Audit.VerifyAudit>().RunAsync();
        Assert.Null(verification.Problem);

        // Ids taken by the import are not handed out again: the next measure saved one by one gets a new one.
        var next = await _data.AddMeasureAsync(unit.Id, measures[0].ObjectiveId, Start, Due);
        Assert.True(next.Id > measures.Max(m => m.Id));
    }

    [SkippableFact]
    public async Task New_progress_adds_a_report_and_leaves_the_accepted_one_and_the_accepted_progress_alone()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, _, measures) = await LedgerAsync();
        var export = await client.GetByteArrayAsync($"/api/v1/exchange/ledger.csv?unitId={unit.Id}");
        var rows = Encoding.UTF8.GetString(export).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(',')).Select(r => r.Select(c => c.Length == 0 ? null : c).ToArray()).ToList();
        var row = rows.Single(r => r[0] == measures[1].Code);
        row[13] = "2026-11";
        row[14] = "98";
        row[15] = "全部事项网上可办";

        var (status, result) = await ImportAsync(client, LedgerFiles.Csv(rows, Encoding.UTF8), "ledger.csv", apply: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((0, 1, 2, 1), (result.Creates, result.Updates, result.Unchanged, result.Reports));
        var reports = await _data.ReadAsync(db => db.ProgressReports.Where(r => r.MeasureId == measures[1].Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([(95, ReportStatus.Accepted), (98, ReportStatus.Submitted)], reports.Select(r => (r.Content.Percent, r.Status)));
        Assert.Equal(95, await _data.ReadAsync(db => db.Measures.Where(m => m.Id == measures[1].Id).Select(m => m.Progress).FirstAsync()));
    }

    [SkippableFact]
    public async Task Typing_a_new_progress_without_a_report_is_an_error()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, _, measures) = await LedgerAsync();
        var rows = LedgerFiles.ReadXlsx(await client.GetByteArrayAsync($"/api/v1/exchange/ledger.xlsx?unitId={unit.Id}"));
        var row = rows.Single(r => r[0] == measures[0].Code);
        row[12] = "50";

        var (_, result) = await ImportAsync(client, LedgerFiles.Xlsx(rows), "ledger.xlsx", apply: true);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("Progress (%)", "ProgressChangesThroughReports"), (LedgerColumn(error.Column), error.Rule));
    }

    private static string LedgerColumn(string header) => header.Split(" / ")[^1];

    [SkippableFact]
    public async Task Formulas_read_as_their_values_and_merged_cells_fill_the_range()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await PlaceAsync();
        var first = LedgerTestData.Unique("F");
        var second = LedgerTestData.Unique("F");
        string?[][] rows =
        [
            LedgerFiles.EnglishHeader[..10],
            [$"=CONCAT(\"{first}\")|{first}", "Formula code", null, null, objective, unit.Code, null, null, "2026-01-01", "2026-12-31"],
            [second, "Merged unit", null, null, objective, unit.Code, null, null, "2026-01-01", "2026-12-31"],
            [LedgerTestData.Unique("F"), "Merged unit too", null, null, objective, null, null, null, "2026-01-01", "2026-12-31"],
        ];

        var (status, result) = await ImportAsync(client, LedgerFiles.HandmadeXlsx(rows, "F3:F4"), "ledger.xlsx", apply: true);

        Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, result.Creates);
        Assert.Equal(1, await CountAsync(first));
        Assert.Equal(unit.Id, await _data.ReadAsync(db => db.Measures.Where(m => m.Title == "Merged unit too" && m.LeadUnitId == unit.Id).Select(m => m.LeadUnitId).FirstAsync()));
    }

    [SkippableFact]
    public async Task Blank_rows_are_passed_over_and_row_numbers_stay_those_of_the_file()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await PlaceAsync();
        string?[][] rows =
        [
            LedgerFiles.EnglishHeader[..10],
            [null, null, null, null, null, null, null, null, null, null],
            [LedgerTestData.Unique("B"), "After a blank row", null, null, objective, unit.Code, null, null, "2026-01-01", "someday"],
        ];

        var (_, result) = await ImportAsync(client, LedgerFiles.Csv(rows, Encoding.UTF8), "ledger.csv", apply: false);

        Assert.Equal((3, "Due"), (Assert.Single(result.Errors).Row, result.Errors[0].Column));
    }

    [SkippableTheory]
    [InlineData("empty", "ImportFileIsNotEmpty")]
    [InlineData("header only", "ImportFileHasRows")]
    [InlineData("not a spreadsheet", "ImportFileIsASpreadsheet")]
    [InlineData("truncated xlsx", "ImportFileIsASpreadsheet")]
    [InlineData("too large", "ImportFileFitsSizeLimit")]
    [InlineData("unknown column", "ImportColumnIsKnown")]
    [InlineData("missing column", "ImportFileHasTheLedgerColumns")]
    public async Task Unreadable_files_are_refused_with_a_message_saying_why(string file, string rule)
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var header = LedgerFiles.Xlsx([LedgerFiles.EnglishHeader]);
        var content = file switch
        {
            "empty" => [],
            "header only" => header,
            "not a spreadsheet" => [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x00, 0x0A],
            "truncated xlsx" => LedgerFiles.Xlsx([LedgerFiles.EnglishHeader, ["X", "Y"]])[..300],
            "too large" => new byte[(10 * 1024 * 1024) + 1],
            "unknown column" => LedgerFiles.Csv([[.. LedgerFiles.EnglishHeader, "Remarks"], ["X"]], Encoding.UTF8),
            _ => LedgerFiles.Csv([["Measure code", "Title"], ["X", "Y"]], Encoding.UTF8),
        };

        var response = await client.PostAsync("/api/v1/exchange/import/preview", Upload(content, "ledger.xlsx"));

        Assert.Equal(rule, await response.RuleOfAsync());
    }

    [SkippableFact]
    public async Task Too_long_cells_and_too_many_rows_are_refused()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await PlaceAsync();
        string?[][] longCell =
        [
            LedgerFiles.EnglishHeader[..10],
            [LedgerTestData.Unique("L"), new string('长', 4001), null, null, objective, unit.Code, null, null, "2026-01-01", "2026-12-31"],
        ];
        var manyRows = new List<string?[]> { LedgerFiles.EnglishHeader[..1] };
        manyRows.AddRange(Enumerable.Range(0, 50_001).Select(i => new string?[] { $"R{i}" }));

        var (_, result) = await ImportAsync(client, LedgerFiles.Csv(longCell, Encoding.UTF8), "ledger.csv", apply: false);
        var tooMany = await client.PostAsync("/api/v1/exchange/import/preview", Upload(LedgerFiles.Csv(manyRows, Encoding.UTF8), "ledger.csv"));

        Assert.Equal(("Title", "ImportCellFitsLength"), (Assert.Single(result.Errors).Column, result.Errors[0].Rule));
        Assert.Equal("ImportFileFitsRowLimit", await tooMany.RuleOfAsync());
    }

    [SkippableFact]
    public async Task A_file_of_35000_rows_is_checked_in_one_go()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await PlaceAsync();
        var prefix = LedgerTestData.Unique("BULK");
        var rows = new List<string?[]> { LedgerFiles.EnglishHeader[..10] };
        rows.AddRange(Enumerable.Range(0, 35_000).Select(i => new string?[]
            { $"{prefix}-{i}", $"批量举措 {i}", null, null, objective, unit.Code, null, null, "2026-01-01", "2026-12-31" }));

        var (_, result) = await ImportAsync(client, LedgerFiles.Csv(rows, Encoding.UTF8), "ledger.csv", apply: false);

        Assert.Empty(result.Errors);
        Assert.Equal(35_000, result.Creates);
    }

    [SkippableFact]
    public async Task A_large_file_creates_new_measures_and_updates_the_ones_whose_codes_it_finds()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await PlaceAsync();
        var objectiveId = await _data.ReadAsync(db => db.Objectives.Where(o => o.Code == objective).Select(o => o.Id).FirstAsync());
        var kept = await _data.AddMeasureAsync(unit.Id, objectiveId, Start, Due, title: "Kept as it is");
        var renamed = await _data.AddMeasureAsync(unit.Id, objectiveId, Start, Due, title: "Old title");
        var prefix = LedgerTestData.Unique("LARGE");
        var rows = new List<string?[]> { LedgerFiles.EnglishHeader[..10] };
        rows.AddRange(Enumerable.Range(0, 5_000).Select(i => new string?[]
            { $"{prefix}-{i:D4}", $"批量举措 {i}", null, null, objective, unit.Code, null, null, "2026-01-01", "2026-12-31" }));
        rows.Insert(1200, [kept.Code, "Kept as it is", null, null, objective, unit.Code, null, null, "2026-01-01", "2026-12-31"]);
        rows.Insert(3400, [renamed.Code, "New title", null, null, objective, unit.Code, null, null, "2026-01-01", "2026-12-31"]);

        var (status, result) = await ImportAsync(client, LedgerFiles.Csv(rows, Encoding.UTF8), "ledger.csv", apply: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(result.Errors);
        Assert.Equal((5_000, 1, 1), (result.Creates, result.Updates, result.Unchanged));
        Assert.Equal(5_000, await _data.ReadAsync(db => db.Measures.CountAsync(m => m.Code.StartsWith(prefix))));
        Assert.Equal(["Kept as it is", "New title"], await _data.ReadAsync(db => db.Measures
            .Where(m => m.Id == kept.Id || m.Id == renamed.Id).OrderBy(m => m.Id).Select(m => m.Title).ToListAsync()));
        using var scope = app.Services.CreateScope();
        Assert.Null((await scope.ServiceProvider.GetRequiredService<Modules.Audit.VerifyAudit>().RunAsync()).Problem);
    }

    [SkippableFact]
    public async Task A_row_outside_the_importers_scope_is_an_error_and_nothing_is_written()
    {
        app.SkipIfUnavailable();
        var (mine, objective) = await PlaceAsync();
        var other = await _data.AddUnitAsync();
        var inScope = LedgerTestData.Unique("MINE");
        string?[][] rows =
        [
            LedgerFiles.EnglishHeader[..10],
            [inScope, "Mine", null, null, objective, mine.Code, null, null, "2026-01-01", "2026-12-31"],
            [LedgerTestData.Unique("THEIRS"), "Theirs", null, null, objective, other.Code, null, null, "2026-01-01", "2026-12-31"],
        ];
        await using var scope = app.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportLedger>();
        var liaison = new ImportActor("联络员", unit => unit.Path.StartsWith(mine.Path, StringComparison.Ordinal));

        var result = await import.ApplyAsync(LedgerFiles.Xlsx(rows), liaison);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "Lead unit", other.Code, "ImportRowIsWithinYourScope"), (error.Row, error.Column, error.Value, error.Rule));
        Assert.False(result.Applied);
        Assert.Equal(0, await CountAsync(inScope));
    }

    [SkippableFact]
    public async Task Status_changes_in_the_file_follow_the_measure_transitions()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, _, measures) = await LedgerAsync();
        var rows = LedgerFiles.ReadXlsx(await client.GetByteArrayAsync($"/api/v1/exchange/ledger.xlsx?unitId={unit.Id}"));
        rows.Single(r => r[0] == measures[0].Code)[10] = "暂停";
        rows.Single(r => r[0] == measures[0].Code)[11] = "等待上级批复";
        rows.Single(r => r[0] == measures[2].Code)[10] = "Active";

        var (_, refused) = await ImportAsync(client, LedgerFiles.Xlsx(rows), "ledger.xlsx", apply: true);
        rows.Single(r => r[0] == measures[2].Code)[10] = "Completed";
        var (_, applied) = await ImportAsync(client, LedgerFiles.Xlsx(rows), "ledger.xlsx", apply: true);

        Assert.Equal((4, "StatusTransitionNotAllowed"), (Assert.Single(refused.Errors).Row, refused.Errors[0].Rule));
        Assert.Equal((1, 2), (applied.Updates, applied.Unchanged));
        var suspended = await _data.ReadAsync(db => db.Measures.FirstAsync(m => m.Id == measures[0].Id));
        Assert.Equal((MeasureStatus.Suspended, "等待上级批复"), (suspended.Status, suspended.StatusReason));
    }
}

public sealed class SqliteExchangeTests(SqliteApp app) : ExchangeTests<SqliteApp>(app);

public sealed class PostgresExchangeTests(PostgresApp app) : ExchangeTests<PostgresApp>(app);

/// <summary>The whole Fuzhou demo ledger goes out and comes back without a change.</summary>
public abstract class ExchangeDemoTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    [SkippableTheory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task Demo_ledger_export_imports_back_as_all_unchanged(string format)
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var total = await new LedgerTestData(app).ReadAsync(db => db.Measures.CountAsync());

        var content = await client.GetByteArrayAsync($"/api/v1/exchange/ledger.{format}");
        var file = new ByteArrayContent(content);
        var response = await client.PostAsync("/api/v1/exchange/import/preview",
            new MultipartFormDataContent { { file, "file", $"ledger.{format}" } });
        var result = await response.ReadAsync<ImportResult>();

        Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors.Take(5)));
        Assert.True(total > 2000);
        Assert.Equal((0, 0, total, 0), (result.Creates, result.Updates, result.Unchanged, result.Reports));
    }

    [SkippableFact]
    public async Task Work_report_is_a_valid_docx_with_the_programmes_counts_and_its_overdue_measures()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var data = new LedgerTestData(app);
        var today = LedgerTestData.Today;
        var total = await data.ReadAsync(db => db.Measures.CountAsync());
        var overdue = await data.ReadAsync(db => db.Measures.Where(m => m.Status == MeasureStatus.Active && m.DueOn < today)
            .OrderBy(m => m.DueOn).ThenBy(m => m.Code).Select(m => m.Code).ToListAsync());
        var completedIn2021 = await data.ReadAsync(db => db.Measures.CountAsync(m =>
            m.Status == MeasureStatus.Completed && m.CompletedOn >= new DateOnly(2021, 1, 1) && m.CompletedOn <= new DateOnly(2021, 12, 31)));

        var response = await client.GetAsync("/api/v1/exchange/report.docx?period=2021");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var problems = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => e.Description).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var rows = document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        string Figure(string name) => rows.Single(r => r[0].Contains(name, StringComparison.Ordinal))[1];
        Assert.Equal(total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Figure("Measures introduced"));
        Assert.Equal(overdue.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Figure("Overdue"));
        Assert.Equal(completedIn2021.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Figure("Completed in 2021"));
        var body = document.MainDocumentPart.Document.Body!;
        Assert.Equal(10, ReportTables.Headed(body, "重点任务 Key task").Count);
        Assert.Equal(overdue.Take(WorkReport.MaxOverdueListed), ReportTables.Headed(body, "完成时限 Due").Select(r => r[0]));

        // The chart beside the lights table draws the same figures: one bar per key task, green / yellow / red.
        var chart = Assert.Single(document.MainDocumentPart.ChartParts).ChartSpace;
        var series = chart.Descendants<DocumentFormat.OpenXml.Drawing.Charts.BarChartSeries>().ToList();
        string[] Points(DocumentFormat.OpenXml.OpenXmlElement e) =>
            e.Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericValue>().Select(v => v.Text).ToArray();
        var table = ReportTables.Headed(body, "重点任务 Key task");
        Assert.Equal(["绿灯 Green", "黄灯 Yellow", "红灯 Red"],
            series.Select(x => x.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.SeriesText>()!.InnerText));
        Assert.Equal(table.Select(r => r[0]), Points(series[0].GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.CategoryAxisData>()!));
        for (var light = 0; light < 3; light++)
        {
            Assert.Equal(table.Select(r => r[light + 1].Replace(",", "", StringComparison.Ordinal)),
                Points(series[light].GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.Values>()!));
        }
    }

    private static async Task<DocumentFormat.OpenXml.Wordprocessing.Body> ReportAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/exchange/report.docx?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var problems = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => e.Description).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return document.MainDocumentPart!.Document.Body!;
    }

    private static async Task<int[]> OpenByLevelAsync(HttpClient client, int? unitId) =>
    [
        .. await Task.WhenAll(new[] { "Reminder", "Warning", "Instruction" }.Select(async level =>
            (await (await client.GetAsync($"/api/v1/supervision/items?level={level}&pageSize=1{(unitId is { } id ? $"&unitId={id}" : "")}"))
                .ReadAsync<Page<JsonElement>>()).Total)),
    ];

    private static int[] ReportedByLevel(DocumentFormat.OpenXml.Wordprocessing.Body body)
    {
        var counts = ReportTables.Headed(body, "督办事项 Supervision items").ToDictionary(r => r[0], r => int.Parse(r[1], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
        return [counts["未办结：提醒 Open: reminder"], counts["未办结：警示 Open: warning"], counts["未办结：领导批示 Open: leader's instruction"]];
    }

    [SkippableFact]
    public async Task Work_report_lists_open_supervision_the_published_ranking_and_the_years_pilots_and_honours()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var body = await ReportAsync(client, "period=2021");

        // Supervision: the open items per level are the board's, and the listed items are the open ones.
        var byLevel = await OpenByLevelAsync(client, null);
        Assert.True(byLevel.Sum() > 0);
        Assert.Equal(byLevel, ReportedByLevel(body));
        Assert.Equal(Math.Min(byLevel.Sum(), WorkReport.MaxSupervisionListed), ReportTables.Headed(body, "答复时限 Respond by").Count);

        // Appraisal: the published 2021 ranking, in the API's order, with its scores.
        var runs = await (await client.GetAsync("/api/v1/appraisal/runs")).ReadAsync<JsonElement>();
        var published = runs.EnumerateArray().Single(r => r.GetProperty("status").GetString() == "Published"
                                                          && r.GetProperty("from").GetString()!.StartsWith("2021", StringComparison.Ordinal));
        var run = await (await client.GetAsync($"/api/v1/appraisal/runs/{published.GetProperty("id").GetInt32()}")).ReadAsync<JsonElement>();
        var expected = run.GetProperty("results").EnumerateArray()
            .Select(r => $"{r.GetProperty("rank").GetInt32()}|{r.GetProperty("unitName").GetString()}|{r.GetProperty("score").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, ReportTables.Headed(body, "名次 Rank").Select(r => $"{r[0]}|{r[1]}|{r[2]}"));

        // Pilots granted in 2021 and cases and honours of 2021, exactly as the diffusion API has them.
        var pilots = (await (await client.GetAsync("/api/v1/pilots?pageSize=200")).ReadAsync<Page<JsonElement>>()).Items
            .Where(p => p.GetProperty("grantedOn").ValueKind == JsonValueKind.String
                        && p.GetProperty("grantedOn").GetString()!.StartsWith("2021", StringComparison.Ordinal))
            .Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal).ToList();
        var honours = (await (await client.GetAsync("/api/v1/cases?year=2021&pageSize=200")).ReadAsync<Page<JsonElement>>()).Items
            .Select(h => h.GetProperty("title").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(pilots);
        Assert.NotEmpty(honours);
        Assert.Equal(pilots, ReportTables.Headed(body, "试点 Pilot").Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.Equal(honours, ReportTables.Headed(body, "案例/荣誉 Case or honour").Select(r => r[0]).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Work_report_of_a_unit_counts_the_supervision_of_its_subtree_and_says_when_no_appraisal_is_published()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var items = (await (await client.GetAsync("/api/v1/supervision/items?pageSize=1")).ReadAsync<Page<JsonElement>>()).Items;
        var unitId = Assert.Single(items).GetProperty("unitId").GetInt32();

        var body = await ReportAsync(client, $"period=2019&unitId={unitId}");

        var byLevel = await OpenByLevelAsync(client, unitId);
        Assert.True(byLevel.Sum() > 0);
        Assert.Equal(byLevel, ReportedByLevel(body));
        Assert.Contains("No appraisal for 2019 has been published.", body.InnerText, StringComparison.Ordinal);

        // A liaison of that unit, asking for the whole programme, gets their own subtree's items only.
        var code = (await (await client.GetAsync($"/api/v1/units/{unitId}")).ReadAsync<JsonElement>()).GetProperty("code").GetString()!;
        using var liaison = app.CreateClientAs(ReformTrack.Modules.Accounts.Role.Liaison, code);
        Assert.Equal(byLevel, ReportedByLevel(await ReportAsync(liaison, "period=2019")));
    }

    [SkippableFact]
    public async Task Work_report_needs_a_year()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/exchange/report.docx?period=1899");

        await response.AssertFieldErrorAsync("period");
    }
}

/// <summary>The rows (header aside) of the report's table with a given header cell.</summary>
internal static class ReportTables
{
    public static List<string[]> Headed(DocumentFormat.OpenXml.Wordprocessing.Body body, string header)
    {
        var table = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Select(t => t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
                .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToArray()).ToList())
            .Single(t => t[0].Contains(header));
        return table.Skip(1).ToList();
    }
}

public sealed class SqliteExchangeDemoTests(SqliteDemoApp app) : ExchangeDemoTests<SqliteDemoApp>(app);

public sealed class PostgresExchangeDemoTests(PostgresDemoApp app) : ExchangeDemoTests<PostgresDemoApp>(app);
