using Microsoft.AspNetCore.Http.HttpResults;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chiefs;

internal sealed record IssueActionRequest(string? Text);

internal static class ChiefsEndpoints
{
    public static void MapChiefsEndpoints(this IEndpointRouteBuilder api)
    {
        var waters = api.MapGroup("/waters").WithTags("Chiefs").RequireAuthorization(Policies.Read);
        waters.MapGet("/", ListWatersAsync).WithName("ListWaters")
            .WithSummary("Rivers, lakes and reaches in scope with their current chiefs; filter by kind, district (subtree) or text.");
        waters.MapGet("/{id:int}", GetWaterAsync).WithName("GetWater")
            .WithSummary("A water with its chiefs (current and past), inspections and issues.");
        waters.MapPost("/", CreateWaterAsync).WithName("CreateWater").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Adds a river, lake or reach in a district.");
        waters.MapPut("/{id:int}", UpdateWaterAsync).WithName("UpdateWater").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Changes a water. Needs If-Match.");

        var assignments = api.MapGroup("/chief-assignments").WithTags("Chiefs").RequireAuthorization(Policies.Read);
        assignments.MapGet("/", ListAssignmentsAsync).WithName("ListChiefAssignments")
            .WithSummary("Chief assignments by object, level and start; filter by object, level, person or current.");
        assignments.MapGet("/{id:int}", GetAssignmentAsync).WithName("GetChiefAssignment")
            .WithSummary("An assignment with its object's history at its level, its inspections and issues.");
        assignments.MapPost("/", CreateAssignmentAsync).WithName("CreateChiefAssignment").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Names the chief of an object at a level (one current chief per object and level).");
        assignments.MapPut("/{id:int}", UpdateAssignmentAsync).WithName("UpdateChiefAssignment").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Corrects an assignment (level, person, deputy, note). Needs If-Match.");
        assignments.MapPost("/{id:int}/handover", HandOverAsync).WithName("HandOverChiefAssignment")
            .RequireAuthorization(Policies.ManageParks)
            .WithSummary("Ends the assignment on a date and starts the successor's; unresolved issues move to the successor. Needs If-Match.");
        assignments.MapPost("/{id:int}/inspections", RecordInspectionAsync).WithName("RecordInspection")
            .RequireAuthorization(Policies.ManageParks)
            .WithSummary("Records an inspection and the issues it raises, each with a deadline.");

        var inspections = api.MapGroup("/inspections").WithTags("Chiefs").RequireAuthorization(Policies.Read);
        inspections.MapGet("/{id:int}", GetInspectionAsync).WithName("GetInspection").WithSummary("An inspection with its evidence files.");
        inspections.MapPost("/{id:int}/evidence", AddEvidenceAsync).WithName("AddInspectionEvidence")
            .RequireAuthorization(Policies.ManageParks).DisableAntiforgery()
            .WithSummary($"Attaches a photo (JPEG, PNG, WebP) or PDF as form field 'file', at most {EvidenceFile.MaxBytes / (1024 * 1024)} MB.");
        api.MapGet("/evidence/{id:int}", GetEvidenceAsync).WithName("GetEvidence").WithTags("Chiefs")
            .RequireAuthorization(Policies.Read).WithSummary("An evidence file's content, to users who may see its inspection.");

        var issues = api.MapGroup("/chief-issues").WithTags("Chiefs").RequireAuthorization(Policies.Read);
        issues.MapGet("/", ListIssuesAsync).WithName("ListChiefIssues")
            .WithSummary("Issues raised by inspections, by deadline; filter by status, assignment, object or overdue.");
        issues.MapGet("/escalations", EscalationsAsync).WithName("ListEscalatedIssues")
            .WithSummary("Open issues past their deadline, grouped by escalation level (days overdue), highest first.");
        issues.MapGet("/{id:int}", GetIssueAsync).WithName("GetChiefIssue").WithSummary("One issue, with its escalation today.");
        issues.MapPost("/{id:int}/rectify", (ActOnIssue act, int id, IssueActionRequest body, HttpRequest request, HttpResponse response,
                CancellationToken ct) => ActAsync(act, id, IssueAction.Rectify, body, request, response, ct))
            .WithName("RectifyChiefIssue").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Marks an open issue rectified; 'text' says what was done. Needs If-Match.");
        issues.MapPost("/{id:int}/close", (ActOnIssue act, int id, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                ActAsync(act, id, IssueAction.Close, new IssueActionRequest(null), request, response, ct))
            .WithName("CloseChiefIssue").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Closes a rectified issue. Needs If-Match.");
        issues.MapPost("/{id:int}/reopen", (ActOnIssue act, int id, IssueActionRequest body, HttpRequest request, HttpResponse response,
                CancellationToken ct) => ActAsync(act, id, IssueAction.Reopen, body, request, response, ct))
            .WithName("ReopenChiefIssue").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Reopens a rectified or closed issue; 'text' says why. Needs If-Match.");
    }

    private static async Task<Ok<Page<WaterRow>>> ListWatersAsync(Waters waters, WaterKind? kind, int? districtUnitId, string? q,
        int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await waters.ListAsync(kind, districtUnitId, q, PageRequest.From(page, pageSize), cancellationToken));

    private static async Task<Ok<WaterDetail>> GetWaterAsync(Waters waters, int id, HttpResponse response, CancellationToken cancellationToken)
    {
        var water = await waters.GetAsync(id, cancellationToken);
        ETags.Set(response, water.Water.Version);
        return TypedResults.Ok(water);
    }

    private static async Task<Created<WaterDetail>> CreateWaterAsync(Waters waters, WaterInput input, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var water = await waters.CreateAsync(input, cancellationToken);
        ETags.Set(response, water.Water.Version);
        return TypedResults.Created($"/api/v1/waters/{water.Water.Id}", water);
    }

    private static async Task<Ok<WaterDetail>> UpdateWaterAsync(Waters waters, int id, WaterInput input, HttpRequest request,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var water = await waters.UpdateAsync(id, ETags.RequiredIfMatch(request), input, cancellationToken);
        ETags.Set(response, water.Water.Version);
        return TypedResults.Ok(water);
    }

    private static async Task<Ok<Page<AssignmentRow>>> ListAssignmentsAsync(ListAssignments list, ChiefObjectKind? objectKind,
        int? objectId, ChiefLevel? level, int? personId, bool? current, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(new AssignmentFilter(objectKind, objectId, level, personId, current),
            PageRequest.From(page, pageSize), cancellationToken));

    private static async Task<Ok<AssignmentDetail>> GetAssignmentAsync(GetAssignment get, int id, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var assignment = await get.RunAsync(id, cancellationToken);
        ETags.Set(response, assignment.Assignment.Version);
        return TypedResults.Ok(assignment);
    }

    private static async Task<Created<AssignmentDetail>> CreateAssignmentAsync(AssignChief assign, AssignmentInput input,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var assignment = await assign.CreateAsync(input, cancellationToken);
        ETags.Set(response, assignment.Assignment.Version);
        return TypedResults.Created($"/api/v1/chief-assignments/{assignment.Assignment.Id}", assignment);
    }

    private static async Task<Ok<AssignmentDetail>> UpdateAssignmentAsync(AssignChief assign, int id, AssignmentChange input,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var assignment = await assign.UpdateAsync(id, ETags.RequiredIfMatch(request), input, cancellationToken);
        ETags.Set(response, assignment.Assignment.Version);
        return TypedResults.Ok(assignment);
    }

    private static async Task<Created<AssignmentDetail>> HandOverAsync(AssignChief assign, int id, HandoverInput input,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var successor = await assign.HandOverAsync(id, ETags.RequiredIfMatch(request), input, cancellationToken);
        ETags.Set(response, successor.Assignment.Version);
        return TypedResults.Created($"/api/v1/chief-assignments/{successor.Assignment.Id}", successor);
    }

    private static async Task<Created<InspectionView>> RecordInspectionAsync(RecordInspection record, int id, InspectionInput input,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var inspection = await record.CreateAsync(id, input, cancellationToken);
        ETags.Set(response, inspection.Version);
        return TypedResults.Created($"/api/v1/inspections/{inspection.Id}", inspection);
    }

    private static async Task<Ok<InspectionView>> GetInspectionAsync(RecordInspection record, int id, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var inspection = await record.GetAsync(id, cancellationToken);
        ETags.Set(response, inspection.Version);
        return TypedResults.Ok(inspection);
    }

    private static async Task<Created<EvidenceView>> AddEvidenceAsync(RecordInspection record, int id, HttpRequest request,
        CancellationToken cancellationToken)
    {
        const string field = "file";
        if (!request.HasFormContentType)
        {
            throw new RuleViolation("FieldIsRequired", $"{field} is required.", field, field);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile(field) ?? throw new RuleViolation("FieldIsRequired", $"{field} is required.", field, field);
        EvidenceFile.CheckLength(file.Length, field);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var evidence = await record.AddEvidenceAsync(id, file.FileName, file.ContentType, buffer.ToArray(),
            request.HttpContext.User.ActorName(), field, cancellationToken);
        return TypedResults.Created($"/api/v1/evidence/{evidence.Id}", evidence);
    }

    private static async Task<FileContentHttpResult> GetEvidenceAsync(RecordInspection record, int id, CancellationToken cancellationToken)
    {
        var file = await record.GetEvidenceAsync(id, cancellationToken);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Ok<Page<IssueRow>>> ListIssuesAsync(ListIssues list, IssueStatus? status, int? assignmentId,
        ChiefObjectKind? objectKind, int? objectId, bool? overdue, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(new IssueFilter(status, assignmentId, objectKind, objectId, overdue),
            PageRequest.From(page, pageSize), cancellationToken));

    private static async Task<Ok<IReadOnlyList<EscalationGroup>>> EscalationsAsync(ListIssues list, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.BoardAsync(cancellationToken));

    private static async Task<Ok<IssueRow>> GetIssueAsync(ListIssues list, int id, HttpResponse response, CancellationToken cancellationToken)
    {
        var issue = await list.GetAsync(id, cancellationToken);
        ETags.Set(response, issue.Version);
        return TypedResults.Ok(issue);
    }

    private static async Task<Ok<IssueRow>> ActAsync(ActOnIssue act, int id, IssueAction action, IssueActionRequest body,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var issue = await act.RunAsync(id, ETags.RequiredIfMatch(request), action, body.Text, cancellationToken);
        ETags.Set(response, issue.Version);
        return TypedResults.Ok(issue);
    }
}
