using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

internal sealed record CreateMeasureRequest(
    string? Code, string? Title, string? Description, int? DocumentId, int? ClauseId, int? ObjectiveId,
    int? LeadUnitId, IReadOnlyList<int>? CoUnitIds, int? ResponsiblePersonId, DateOnly? StartOn, DateOnly? DueOn,
    IReadOnlyList<string>? Tags, bool Activate = false);

internal sealed record UpdateMeasureRequest(
    string? Code, string? Title, string? Description, int? DocumentId, int? ClauseId, int? ObjectiveId,
    int? LeadUnitId, IReadOnlyList<int>? CoUnitIds, int? ResponsiblePersonId, DateOnly? StartOn, DateOnly? DueOn,
    IReadOnlyList<string>? Tags);

internal sealed record ChangeStatusRequest(MeasureStatus? Status, string? Reason);

internal sealed record MilestoneRequest(string? Title, DateOnly? DueOn);

internal sealed record MilestoneDoneRequest(DateOnly? DoneOn, string? Evidence);

internal sealed record ReportRequest(
    string? Period, int? Percent, string? Done, string? Obstacles, string? NextSteps, DeliveryConfidence? Confidence,
    string? Explanation, string? Evidence)
{
    public ReportContent ToContent() => new()
    {
        Period = Period?.Trim() ?? "",
        Percent = Fields.Required(Percent, "percent"),
        Done = Done?.Trim() ?? "",
        Obstacles = Blank(Obstacles),
        NextSteps = Blank(NextSteps),
        Confidence = Confidence ?? DeliveryConfidence.Likely,
        Explanation = Blank(Explanation),
        Evidence = Blank(Evidence),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal sealed record AcceptReportRequest(DeliveryConfidence? OfficeConfidence, string? Note);

internal sealed record ReturnReportRequest(string? Reason, DeliveryConfidence? OfficeConfidence);

internal static class LedgerEndpoints
{
    public static void MapLedgerEndpoints(this IEndpointRouteBuilder api)
    {
        var measures = api.MapGroup("/measures").WithTags("Measures").WithProblems().RequireAuthorization(Policies.Read);
        measures.MapGet("/", ListAsync).WithName("ListMeasures")
            .WithSummary("The ledger: measures filtered, sorted and paged.");
        measures.MapGet("/{id:int}", GetAsync).WithName("GetMeasure")
            .WithSummary("One measure with its schedule, light, milestones and reports; the ETag is its version.");
        measures.MapPost("/", CreateAsync).WithName("CreateMeasure").RequireAuthorization(Policies.ManageLedger)
            .WithSummary("Adds a measure to the ledger, as a draft unless activate is true.");
        measures.MapPut("/{id:int}", UpdateAsync).WithName("UpdateMeasure").RequireAuthorization(Policies.ManageLedger).WithIfMatch()
            .WithSummary("Edits a measure's text, references and schedule (If-Match required).");
        measures.MapPost("/{id:int}/status", ChangeStatusAsync).WithName("ChangeMeasureStatus").RequireAuthorization(Policies.ManageLedger).WithIfMatch()
            .WithSummary("Activates, suspends, resumes, completes or cancels a measure (If-Match required).");

        measures.MapGet("/{id:int}/milestones", ListMilestonesAsync).WithName("ListMilestones")
            .WithSummary("A measure's milestones in date order.");
        measures.MapPost("/{id:int}/milestones", AddMilestoneAsync).WithName("AddMilestone").RequireAuthorization(Policies.ManageLedger)
            .WithSummary("Plans a milestone of a measure.");
        var milestones = api.MapGroup("/milestones").WithTags("Milestones").WithProblems().RequireAuthorization(Policies.Read);
        milestones.MapPut("/{id:int}", UpdateMilestoneAsync).WithName("UpdateMilestone").RequireAuthorization(Policies.ManageLedger).WithIfMatch()
            .WithSummary("Renames or moves a milestone (If-Match required).");
        milestones.MapPost("/{id:int}/done", MarkMilestoneDoneAsync).WithName("MarkMilestoneDone").RequireAuthorization(Policies.ManageLedger).WithIfMatch()
            .WithSummary("Marks a milestone done with evidence (If-Match required).");

        measures.MapGet("/{id:int}/reports", ListMeasureReportsAsync).WithName("ListMeasureReports")
            .WithSummary("A measure's progress reports, newest first.");
        measures.MapPost("/{id:int}/reports", SubmitReportAsync).WithName("SubmitReport").RequireAuthorization(Policies.Report)
            .WithSummary("Submits a progress report on an active measure.");
        var reports = api.MapGroup("/reports").WithTags("Reports").WithProblems().RequireAuthorization(Policies.Read);
        reports.MapGet("/", ReviewQueueAsync).WithName("ListReports")
            .WithSummary("Reports by status and unit (subtree), oldest first: the office's review queue.");
        reports.MapGet("/{id:int}", GetReportAsync).WithName("GetReport")
            .WithSummary("One progress report; the ETag is its version.");
        reports.MapPut("/{id:int}", ReviseReportAsync).WithName("ReviseReport").RequireAuthorization(Policies.Report).WithIfMatch()
            .WithSummary("Corrects a submitted or returned report and sends it again (If-Match required).");
        reports.MapPost("/{id:int}/accept", AcceptReportAsync).WithName("AcceptReport").RequireAuthorization(Policies.ManageLedger).WithIfMatch()
            .WithSummary("The office accepts a report; its percent becomes the measure's progress (If-Match required).");
        reports.MapPost("/{id:int}/return", ReturnReportAsync).WithName("ReturnReport").RequireAuthorization(Policies.ManageLedger).WithIfMatch()
            .WithSummary("The office returns a report with a reason (If-Match required).");
    }

    /// <summary>Every ledger endpoint may answer a broken rule (400), an unknown id (404) or a duplicate (409).</summary>
    private static RouteGroupBuilder WithProblems(this RouteGroupBuilder group) =>
        group.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Updates need the ETag read in If-Match: 428 without it, 412 when someone saved since.</summary>
    private static RouteHandlerBuilder WithIfMatch(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static async Task<Ok<Page<MeasureRow>>> ListAsync(
        ListMeasures list,
        int? unitId, int? objectiveId, int? documentId,
        [FromQuery] MeasureStatus[]? status, [FromQuery] Light[]? light,
        bool? overdue, DateOnly? dueFrom, DateOnly? dueTo, string? q,
        string? sort, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        var filter = new LedgerFilter
        {
            UnitId = unitId,
            ObjectiveId = objectiveId,
            DocumentId = documentId,
            Statuses = status ?? [],
            Lights = light ?? [],
            Overdue = overdue,
            DueFrom = dueFrom,
            DueTo = dueTo,
            Text = q,
        };
        return TypedResults.Ok(await list.RunAsync(filter, LedgerOrder.Parse(sort), PageRequest.From(page, pageSize),
            cancellationToken));
    }

    private static async Task<Ok<MeasureDetail>> GetAsync(int id, GetMeasure get, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var measure = await get.RunAsync(id, cancellationToken);
        ETags.Set(response, measure.Version);
        return TypedResults.Ok(measure);
    }

    private static async Task<Created<MeasureDetail>> CreateAsync(CreateMeasureRequest request, EditMeasure edit,
        GetMeasure get, HttpResponse response, CancellationToken cancellationToken)
    {
        var id = await edit.CreateAsync(ToInput(request.Code, request.Title, request.Description, request.DocumentId,
            request.ClauseId, request.ObjectiveId, request.LeadUnitId, request.CoUnitIds, request.ResponsiblePersonId,
            request.StartOn, request.DueOn, request.Tags), request.Activate, cancellationToken);
        var measure = await get.RunAsync(id, cancellationToken);
        ETags.Set(response, measure.Version);
        return TypedResults.Created($"/api/v1/measures/{id}", measure);
    }

    private static async Task<Ok<MeasureDetail>> UpdateAsync(int id, UpdateMeasureRequest request, EditMeasure edit,
        GetMeasure get, HttpRequest http, CancellationToken cancellationToken)
    {
        var version = ETags.RequiredIfMatch(http);
        await edit.UpdateAsync(id, version, ToInput(request.Code, request.Title, request.Description, request.DocumentId,
            request.ClauseId, request.ObjectiveId, request.LeadUnitId, request.CoUnitIds, request.ResponsiblePersonId,
            request.StartOn, request.DueOn, request.Tags), cancellationToken);
        return await Fresh(id, get, http.HttpContext.Response, cancellationToken);
    }

    private static async Task<Ok<MeasureDetail>> ChangeStatusAsync(int id, ChangeStatusRequest request, EditMeasure edit,
        GetMeasure get, HttpRequest http, CancellationToken cancellationToken)
    {
        var version = ETags.RequiredIfMatch(http);
        await edit.ChangeStatusAsync(id, version, request.Status, request.Reason, cancellationToken);
        return await Fresh(id, get, http.HttpContext.Response, cancellationToken);
    }

    private static async Task<Ok<IReadOnlyList<MilestoneView>>> ListMilestonesAsync(int id, ManageMilestones milestones,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await milestones.ListAsync(id, cancellationToken));

    private static async Task<Created<MilestoneView>> AddMilestoneAsync(int id, MilestoneRequest request,
        ManageMilestones milestones, HttpResponse response, CancellationToken cancellationToken)
    {
        var milestone = await milestones.AddAsync(id, request.Title, request.DueOn, cancellationToken);
        ETags.Set(response, milestone.Version);
        return TypedResults.Created($"/api/v1/milestones/{milestone.Id}", milestone);
    }

    private static async Task<Ok<MilestoneView>> UpdateMilestoneAsync(int id, MilestoneRequest request,
        ManageMilestones milestones, HttpRequest http, CancellationToken cancellationToken)
    {
        var version = ETags.RequiredIfMatch(http);
        var milestone = await milestones.UpdateAsync(id, version, request.Title, request.DueOn, cancellationToken);
        ETags.Set(http.HttpContext.Response, milestone.Version);
        return TypedResults.Ok(milestone);
    }

    private static async Task<Ok<MilestoneView>> MarkMilestoneDoneAsync(int id, MilestoneDoneRequest request,
        ManageMilestones milestones, HttpRequest http, CancellationToken cancellationToken)
    {
        var version = ETags.RequiredIfMatch(http);
        var milestone = await milestones.MarkDoneAsync(id, version, request.DoneOn, request.Evidence, cancellationToken);
        ETags.Set(http.HttpContext.Response, milestone.Version);
        return TypedResults.Ok(milestone);
    }

    private static async Task<Ok<IReadOnlyList<ReportView>>> ListMeasureReportsAsync(int id, ListReports reports,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await reports.ForMeasureAsync(id, cancellationToken));

    private static async Task<Created<ReportView>> SubmitReportAsync(int id, ReportRequest request, SubmitReport submit,
        ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        var report = await submit.RunAsync(id, request.ToContent(), user.ActorName(), cancellationToken);
        ETags.Set(response, report.Version);
        return TypedResults.Created($"/api/v1/reports/{report.Id}", report);
    }

    private static async Task<Ok<Page<QueuedReport>>> ReviewQueueAsync(ListReports reports, ReportStatus? status,
        int? unitId, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reports.QueueAsync(status, unitId, PageRequest.From(page, pageSize), cancellationToken));

    private static async Task<Ok<ReportView>> GetReportAsync(int id, ListReports reports, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var report = await reports.GetAsync(id, cancellationToken);
        ETags.Set(response, report.Version);
        return TypedResults.Ok(report);
    }

    private static async Task<Ok<ReportView>> ReviseReportAsync(int id, ReportRequest request, ReviseReport revise,
        ClaimsPrincipal user, HttpRequest http, CancellationToken cancellationToken)
    {
        var version = ETags.RequiredIfMatch(http);
        var report = await revise.RunAsync(id, version, request.ToContent(), user.ActorName(), cancellationToken);
        ETags.Set(http.HttpContext.Response, report.Version);
        return TypedResults.Ok(report);
    }

    private static async Task<Ok<ReportView>> AcceptReportAsync(int id, AcceptReportRequest request, ReviewReport review,
        ClaimsPrincipal user, HttpRequest http, CancellationToken cancellationToken)
    {
        var version = ETags.RequiredIfMatch(http);
        var report = await review.AcceptAsync(id, version, user.ActorName(), request.OfficeConfidence, request.Note,
            cancellationToken);
        ETags.Set(http.HttpContext.Response, report.Version);
        return TypedResults.Ok(report);
    }

    private static async Task<Ok<ReportView>> ReturnReportAsync(int id, ReturnReportRequest request, ReviewReport review,
        ClaimsPrincipal user, HttpRequest http, CancellationToken cancellationToken)
    {
        var version = ETags.RequiredIfMatch(http);
        var report = await review.ReturnAsync(id, version, user.ActorName(), request.Reason, request.OfficeConfidence,
            cancellationToken);
        ETags.Set(http.HttpContext.Response, report.Version);
        return TypedResults.Ok(report);
    }

    private static async Task<Ok<MeasureDetail>> Fresh(int id, GetMeasure get, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var measure = await get.RunAsync(id, cancellationToken);
        ETags.Set(response, measure.Version);
        return TypedResults.Ok(measure);
    }

    private static MeasureInput ToInput(string? code, string? title, string? description, int? documentId, int? clauseId,
        int? objectiveId, int? leadUnitId, IReadOnlyList<int>? coUnitIds, int? responsiblePersonId, DateOnly? startOn,
        DateOnly? dueOn, IReadOnlyList<string>? tags) => new()
        {
            Code = code,
            Title = title,
            Description = description,
            DocumentId = documentId,
            ClauseId = clauseId,
            ObjectiveId = objectiveId,
            LeadUnitId = leadUnitId,
            CoUnitIds = coUnitIds,
            ResponsiblePersonId = responsiblePersonId,
            StartOn = startOn,
            DueOn = dueOn,
            Tags = tags,
        };
}
