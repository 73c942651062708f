using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Supervision;

internal sealed record OpenItemRequest(int? MeasureId, SupervisionLevel? Level, string? Instruction, DateOnly? RespondBy);

internal sealed record RespondRequest(string? Response);

internal sealed record CloseItemRequest(string? Note);

internal sealed record ExtensionRequestBody(DateOnly? RequestedDueOn, string? Reason);

internal sealed record DecisionRequest(string? Note);

internal static class SupervisionEndpoints
{
    public static void MapSupervisionEndpoints(this IEndpointRouteBuilder api)
    {
        var supervision = api.MapGroup("/supervision").WithTags("Supervision").RequireAuthorization(Policies.Read);
        supervision.MapPost("/evaluate", EvaluateAsync).WithName("EvaluateSupervision").RequireAuthorization(Policies.ManageLedger)
            .WithSummary("Runs the daily rules now (for today, or ?day=); a day already evaluated is left as it is unless force=true.");
        supervision.MapGet("/items", ListAsync).WithName("ListSupervisionItems")
            .WithSummary("Supervision items in the caller's scope: by unit (subtree), level, rule, status; highest level first.");
        supervision.MapGet("/items/{id:int}", GetAsync).WithName("GetSupervisionItem")
            .WithSummary("One supervision item; the ETag is its version.");
        supervision.MapPost("/items", OpenAsync).WithName("OpenSupervisionItem").RequireAuthorization(Policies.Supervise)
            .WithSummary("Opens an item by hand on a measure, with an instruction and a response deadline (office, leaders).");
        supervision.MapPost("/items/{id:int}/response", RespondAsync).WithName("RespondToSupervisionItem")
            .RequireAuthorization(Policies.Report)
            .WithSummary("The responsible unit answers an item (If-Match optional).");
        supervision.MapPost("/items/{id:int}/close", CloseAsync).WithName("CloseSupervisionItem").RequireAuthorization(Policies.Supervise)
            .WithSummary("The office closes an item (If-Match optional).");
        supervision.MapGet("/extensions", ListExtensionsAsync).WithName("ListExtensionRequests")
            .WithSummary("Extension requests in the caller's scope, newest first, by measure and status.");
        supervision.MapGet("/extensions/{id:int}", GetExtensionAsync).WithName("GetExtensionRequest")
            .WithSummary("One extension request, with the due date it would replace.");
        supervision.MapPost("/extensions/{id:int}/approve", ApproveAsync).WithName("ApproveExtension")
            .RequireAuthorization(Policies.DecideExtensions)
            .WithSummary("A leader approves: the measure's due date moves; the original is kept on the request.");
        supervision.MapPost("/extensions/{id:int}/reject", RejectAsync).WithName("RejectExtension")
            .RequireAuthorization(Policies.DecideExtensions)
            .WithSummary("A leader rejects, with a reason; the due date stays.");
        api.MapPost("/measures/{id:int}/extensions", RequestExtensionAsync).WithTags("Supervision").WithName("RequestExtension")
            .RequireAuthorization(Policies.Report)
            .WithSummary("The unit asks for a later due date for a measure, with a reason.");

        api.MapGet("/inbox", InboxAsync).WithTags("Notifications").WithName("GetInbox").RequireAuthorization(Policies.Read)
            .WithSummary("My updates: reports due, items to answer, reports to review, extensions to decide.");
        api.MapPost("/notifications/digest", DigestAsync).WithTags("Notifications").WithName("SendDigests")
            .RequireAuthorization(Policies.ManageLedger)
            .WithSummary("Sends today's email digests now; a user who already has today's digest gets none.");
    }

    private static async Task<Ok<SupervisionRunResult>> EvaluateAsync(DateOnly? day, bool? force, EvaluateSupervision evaluate,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await evaluate.RunAsync(day, force ?? false, cancellationToken));

    private static async Task<Ok<Page<SupervisionItemView>>> ListAsync(int? unitId, SupervisionLevel? level, SupervisionRule? rule,
        SupervisionStatus? status, int? measureId, bool? includeClosed, int? page, int? pageSize, ManageItems items,
        CancellationToken cancellationToken)
    {
        var filter = new SupervisionFilter
        {
            UnitId = unitId, Level = level, Rule = rule, Status = status, MeasureId = measureId, IncludeClosed = includeClosed ?? false,
        };
        return TypedResults.Ok(await items.ListAsync(filter, PageRequest.From(page, pageSize), cancellationToken));
    }

    private static async Task<Ok<SupervisionItemView>> GetAsync(int id, ManageItems items, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var item = await items.GetAsync(id, cancellationToken);
        ETags.Set(response, item.Version);
        return TypedResults.Ok(item);
    }

    private static async Task<Created<SupervisionItemView>> OpenAsync(OpenItemRequest request, ManageItems items, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var item = await items.OpenAsync(request.MeasureId, request.Level, request.Instruction, request.RespondBy, user.ActorName(),
            cancellationToken);
        return TypedResults.Created($"/api/v1/supervision/items/{item.Id}", item);
    }

    private static async Task<Ok<SupervisionItemView>> RespondAsync(int id, RespondRequest request, ManageItems items,
        ClaimsPrincipal user, HttpRequest http, HttpResponse response, CancellationToken cancellationToken)
    {
        var item = await items.RespondAsync(id, OptionalIfMatch(http), request.Response, user.ActorName(), cancellationToken);
        ETags.Set(response, item.Version);
        return TypedResults.Ok(item);
    }

    private static async Task<Ok<SupervisionItemView>> CloseAsync(int id, CloseItemRequest? request, ManageItems items,
        ClaimsPrincipal user, HttpRequest http, HttpResponse response, CancellationToken cancellationToken)
    {
        var item = await items.CloseAsync(id, OptionalIfMatch(http), request?.Note, user.ActorName(), cancellationToken);
        ETags.Set(response, item.Version);
        return TypedResults.Ok(item);
    }

    private static async Task<Ok<IReadOnlyList<ExtensionView>>> ListExtensionsAsync(int? measureId, ExtensionStatus? status,
        ManageExtensions extensions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await extensions.ListAsync(measureId, status, cancellationToken));

    private static async Task<Ok<ExtensionView>> GetExtensionAsync(int id, ManageExtensions extensions,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await extensions.GetAsync(id, cancellationToken));

    private static async Task<Created<ExtensionView>> RequestExtensionAsync(int id, ExtensionRequestBody request,
        ManageExtensions extensions, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var created = await extensions.RequestAsync(id, request.RequestedDueOn, request.Reason, user.ActorName(), cancellationToken);
        return TypedResults.Created($"/api/v1/supervision/extensions/{created.Id}", created);
    }

    private static async Task<Ok<ExtensionView>> ApproveAsync(int id, DecisionRequest? request, ManageExtensions extensions,
        ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await extensions.DecideAsync(id, approve: true, request?.Note, user.ActorName(), cancellationToken));

    private static async Task<Ok<ExtensionView>> RejectAsync(int id, DecisionRequest? request, ManageExtensions extensions,
        ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await extensions.DecideAsync(id, approve: false, request?.Note, user.ActorName(), cancellationToken));

    private static async Task<Ok<Inbox>> InboxAsync(GetInbox inbox, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await inbox.ForUserAsync(user, cancellationToken));

    private static async Task<Ok<DigestResult>> DigestAsync(SendDigests digests, CancellationToken cancellationToken) =>
        TypedResults.Ok(await digests.RunAsync(null, cancellationToken));

    private static int? OptionalIfMatch(HttpRequest request) =>
        request.Headers.IfMatch.Count > 0 ? ETags.RequiredIfMatch(request) : null;
}
