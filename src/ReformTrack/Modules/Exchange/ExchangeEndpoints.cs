using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ReformTrack.Modules.Ledger;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Exchange;

/// <summary>The ledger's filters as query parameters, the same names as <c>GET /api/v1/measures</c>.</summary>
internal sealed record LedgerQuery(
    int? UnitId, int? ObjectiveId, int? DocumentId,
    [FromQuery] MeasureStatus[]? Status, [FromQuery] Light[]? Light,
    bool? Overdue, DateOnly? DueFrom, DateOnly? DueTo, string? Q)
{
    public LedgerFilter ToFilter() => new()
    {
        UnitId = UnitId,
        ObjectiveId = ObjectiveId,
        DocumentId = DocumentId,
        Statuses = Status ?? [],
        Lights = Light ?? [],
        Overdue = Overdue,
        DueFrom = DueFrom,
        DueTo = DueTo,
        Text = Q,
    };
}

internal static class ExchangeEndpoints
{
    /// <summary>Signs reports added by an import whose rows name no reporter.</summary>
    public const string DefaultImporter = "台账导入";

    public static void MapExchangeEndpoints(this IEndpointRouteBuilder api)
    {
        var exchange = api.MapGroup("/exchange").WithTags("Exchange").ProducesValidationProblem().RequireAuthorization(Policies.Read);
        exchange.MapGet("/template", TemplateAsync).WithName("GetLedgerTemplate")
            .WithSummary("The ledger template (.xlsx): bilingual headers and a sheet explaining each column.");
        exchange.MapGet("/ledger.xlsx", ExportXlsxAsync).WithName("ExportLedgerXlsx")
            .WithSummary("The ledger with the ledger's filters, as .xlsx in the template's layout.");
        exchange.MapGet("/ledger.csv", ExportCsvAsync).WithName("ExportLedgerCsv")
            .WithSummary("The ledger with the ledger's filters, as CSV (UTF-8 with BOM) in the template's layout.");
        exchange.MapGet("/report.docx", WorkReportAsync).WithName("GetWorkReport")
            .WithSummary("The reform work report (.docx) of a year (period=2022) for a unit's subtree (unitId) or all units.");
        exchange.MapGet("/deadlines.ics", DeadlinesAsync).WithName("GetDeadlineCalendar")
            .WithSummary("The due dates of the ledger's measures (active ones unless a status is given) as an iCalendar feed, with the ledger's filters.");
        exchange.MapPost("/import/preview", PreviewAsync).WithName("PreviewLedgerImport").RequireAuthorization(Policies.ManageLedger).DisableAntiforgery()
            .WithSummary("Checks a ledger file (.xlsx or .csv) and says what importing it would create, update or leave, and every error; writes nothing.");
        exchange.MapPost("/import/apply", ApplyAsync).WithName("ApplyLedgerImport").RequireAuthorization(Policies.ManageLedger).DisableAntiforgery()
            .Produces<ImportResult>(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Imports a ledger file in one transaction: every row, or none when any row has an error (422 with the errors).");
    }

    private static async Task<FileStreamHttpResult> TemplateAsync(CancellationToken cancellationToken)
    {
        var file = TempFile();
        await ExportLedger.WriteTemplateAsync(file, cancellationToken);
        file.Position = 0;
        return TypedResults.File(file, ExportLedger.XlsxContentType, "ledger-template.xlsx");
    }

    private static async Task<FileStreamHttpResult> ExportXlsxAsync([AsParameters] LedgerQuery query, ExportLedger export,
        CancellationToken cancellationToken)
    {
        var file = TempFile();
        await export.WriteXlsxAsync(query.ToFilter(), file, cancellationToken);
        file.Position = 0;
        return TypedResults.File(file, ExportLedger.XlsxContentType, "ledger.xlsx");
    }

    private static async Task<FileStreamHttpResult> ExportCsvAsync([AsParameters] LedgerQuery query, ExportLedger export,
        CancellationToken cancellationToken)
    {
        var file = TempFile();
        await export.WriteCsvAsync(query.ToFilter(), file, cancellationToken);
        file.Position = 0;
        return TypedResults.File(file, ExportLedger.CsvContentType, "ledger.csv");
    }

    private static async Task<FileStreamHttpResult> DeadlinesAsync([AsParameters] LedgerQuery query, DeadlineCalendar calendar,
        CancellationToken cancellationToken)
    {
        var file = TempFile();
        await calendar.WriteAsync(query.ToFilter(), file, cancellationToken);
        file.Position = 0;
        return TypedResults.File(file, DeadlineCalendar.ContentType, "deadlines.ics");
    }

    private static async Task<FileContentHttpResult> WorkReportAsync(int? period, int? unitId, WorkReport report,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await report.WriteAsync(period, unitId, buffer, cancellationToken);
        return TypedResults.File(buffer.ToArray(), WorkReport.ContentType, $"reform-work-report-{period}.docx");
    }

    /// <summary>
    /// The export is written to a temporary file first (rows stream into it), so that a bad filter is a
    /// problem response rather than a broken download, and the zip is finished before it is sent.
    /// </summary>
    private static FileStream TempFile() =>
        new(Path.Combine(Path.GetTempPath(), $"reformtrack-export-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private static async Task<Ok<ImportResult>> PreviewAsync(IFormFile? file, ImportLedger import, ImportLimits limits,
        HttpContext http, UserScope scope, CancellationToken cancellationToken) =>
        TypedResults.Ok(await import.PreviewAsync(await ReadAsync(file, limits, cancellationToken),
            await ActorAsync(http.User, scope, cancellationToken), cancellationToken));

    private static async Task<Results<Ok<ImportResult>, UnprocessableEntity<ImportResult>>> ApplyAsync(IFormFile? file,
        ImportLedger import, ImportLimits limits, HttpContext http, UserScope scope, CancellationToken cancellationToken)
    {
        var result = await import.ApplyAsync(await ReadAsync(file, limits, cancellationToken),
            await ActorAsync(http.User, scope, cancellationToken), cancellationToken);
        return result.Applied ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }

    /// <summary>The signed-in user imports: reports are signed with their name, rows are checked against their unit subtree.</summary>
    public static async Task<ImportActor> ActorAsync(ClaimsPrincipal user, UserScope scope, CancellationToken cancellationToken)
    {
        var path = await scope.PathAsync(cancellationToken);
        return path is null
            ? ImportActor.Unrestricted(user.ActorName())
            : new ImportActor(user.ActorName(), unit => unit.Path.StartsWith(path, StringComparison.Ordinal));
    }

    private static async Task<byte[]> ReadAsync(IFormFile? file, ImportLimits limits, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            throw new RuleViolation("ImportFileIsNotEmpty", "The file is empty.", "file");
        }

        if (file.Length > limits.MaxFileBytes)
        {
            throw LedgerFile.TooLarge(file.Length, limits);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
