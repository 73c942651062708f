using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Appraisal;

internal sealed record AdjustRequest(decimal Points, string? Reason);

internal sealed record RejectRequest(string? Reason);

internal static class AppraisalEndpoints
{
    public static void MapAppraisalEndpoints(this IEndpointRouteBuilder api)
    {
        var schemes = api.MapGroup("/appraisal/schemes").WithTags("Appraisal").RequireAuthorization(Policies.Read);
        schemes.MapGet("/", async (ManageSchemes s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct)))
            .WithName("ListAppraisalSchemes").WithSummary("Appraisal schemes, every revision, newest revision first per code.");
        schemes.MapGet("/{id:int}", GetSchemeAsync).WithName("GetAppraisalScheme")
            .WithSummary("One scheme revision: criteria, weights, caps and grade bands.");
        schemes.MapPost("/", CreateSchemeAsync).WithName("CreateAppraisalScheme").RequireAuthorization(Policies.ManageAppraisal)
            .WithSummary("Creates a draft scheme (revision 1).");
        schemes.MapPut("/{id:int}", EditSchemeAsync).WithName("EditAppraisalScheme").RequireAuthorization(Policies.ManageAppraisal)
            .WithSummary("Edits a draft; editing a published revision edits (or makes) the next draft revision. Needs If-Match.");
        schemes.MapPost("/{id:int}/publish", PublishSchemeAsync).WithName("PublishAppraisalScheme")
            .RequireAuthorization(Policies.ManageAppraisal).WithSummary("Publishes a draft scheme; it never changes again.");

        var runs = api.MapGroup("/appraisal/runs").WithTags("Appraisal").RequireAuthorization(Policies.Read);
        runs.MapGet("/", async (ReadAppraisal read, int? schemeId, CancellationToken ct) => TypedResults.Ok(await read.ListAsync(schemeId, ct)))
            .WithName("ListAppraisalRuns").WithSummary("Appraisal runs, newest period first.");
        runs.MapGet("/{id:int}", async (ReadAppraisal read, int id, CancellationToken ct) => TypedResults.Ok(await read.GetAsync(id, ct)))
            .WithName("GetAppraisalRun").WithSummary("A run's ranking: every unit's score, rank, grade and criteria; its editions.");
        runs.MapPost("/", CreateRunAsync).WithName("RunAppraisal").RequireAuthorization(Policies.ManageAppraisal)
            .WithSummary("Computes a draft appraisal of a scheme revision over a period for the units under a root unit.");
        runs.MapPost("/{id:int}/adjustments", AdjustAsync).WithName("AdjustAppraisal").RequireAuthorization(Policies.ManageAppraisal)
            .WithSummary("Sets a unit's manual adjustment (points and a required reason) on a draft run.");
        runs.MapPost("/{id:int}/publish", PublishRunAsync).WithName("PublishAppraisal").RequireAuthorization(Policies.ManageAppraisal)
            .WithSummary("Publishes a draft run: its values are frozen and its period locked for the scheme.");
        runs.MapGet("/{id:int}/units/{unitId:int}/criteria/{kind}", DrillAsync).WithName("DrillIntoAppraisal")
            .WithSummary("The measures, reports or distinctions behind one unit's criterion (own subtree only for unit users).");
        runs.MapGet("/{id:int}/results.xlsx", ExportAsync).WithName("ExportAppraisal")
            .WithSummary("The run's results as .xlsx.");
        runs.MapGet("/{id:int}/appeals", async (Appeals appeals, int id, CancellationToken ct) => TypedResults.Ok(await appeals.ListAsync(id, ct)))
            .WithName("ListAppraisalAppeals").WithSummary("The appeals of the run's series that the reader may see.");
        runs.MapPost("/{id:int}/appeals", FileAppealAsync).WithName("FileAppraisalAppeal").RequireAuthorization(Policies.Appeal)
            .WithSummary("A unit appeals one criterion of its own score in a published run, with a reason.");

        var appeals = api.MapGroup("/appraisal/appeals").WithTags("Appraisal").RequireAuthorization(Policies.ManageAppraisal);
        appeals.MapPost("/{id:int}/accept", AcceptAsync).WithName("AcceptAppraisalAppeal")
            .WithSummary("Accepts an appeal with the corrected value: a new published edition; the old one is kept.");
        appeals.MapPost("/{id:int}/reject", RejectAsync).WithName("RejectAppraisalAppeal")
            .WithSummary("Rejects an appeal with a reason.");

        api.MapGet("/appraisal/units/{unitId:int}/scorecard", async (ReadAppraisal read, int unitId, CancellationToken ct) =>
                TypedResults.Ok(await read.ScorecardAsync(unitId, ct)))
            .WithTags("Appraisal").RequireAuthorization(Policies.Read).WithName("GetAppraisalScorecard")
            .WithSummary("A unit's results in every published appraisal.");
    }

    private static async Task<Ok<SchemeDetail>> GetSchemeAsync(ManageSchemes schemes, int id, HttpResponse response, CancellationToken ct)
    {
        var scheme = await schemes.GetAsync(id, ct);
        ETags.Set(response, scheme.Version);
        return TypedResults.Ok(scheme);
    }

    private static async Task<Created<SchemeDetail>> CreateSchemeAsync(ManageSchemes schemes, SchemeInput input, HttpResponse response,
        CancellationToken ct)
    {
        var scheme = await schemes.CreateAsync(input, ct);
        ETags.Set(response, scheme.Version);
        return TypedResults.Created($"/api/v1/appraisal/schemes/{scheme.Id}", scheme);
    }

    private static async Task<Ok<SchemeDetail>> EditSchemeAsync(ManageSchemes schemes, int id, SchemeInput input, HttpRequest request,
        HttpResponse response, CancellationToken ct)
    {
        var scheme = await schemes.EditAsync(id, ETags.RequiredIfMatch(request), input, ct);
        ETags.Set(response, scheme.Version);
        return TypedResults.Ok(scheme);
    }

    private static async Task<Ok<SchemeDetail>> PublishSchemeAsync(ManageSchemes schemes, int id, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await schemes.PublishAsync(id, user.ActorName(), ct));

    private static async Task<Created<RunDetail>> CreateRunAsync(RunAppraisal run, ReadAppraisal read, RunRequest request,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var id = await run.RunAsync(request, user.ActorName(), ct);
        return TypedResults.Created($"/api/v1/appraisal/runs/{id}", await read.GetAsync(id, ct));
    }

    private static async Task<Ok<RunDetail>> AdjustAsync(ManageRuns runs, ReadAppraisal read, int id, AdjustmentRequest request,
        CancellationToken ct)
    {
        await runs.AdjustAsync(id, request, ct);
        return TypedResults.Ok(await read.GetAsync(id, ct));
    }

    private static async Task<Ok<RunDetail>> PublishRunAsync(ManageRuns runs, ReadAppraisal read, int id, ClaimsPrincipal user,
        CancellationToken ct)
    {
        await runs.PublishAsync(id, user.ActorName(), ct);
        return TypedResults.Ok(await read.GetAsync(id, ct));
    }

    private static async Task<Ok<DrillDownView>> DrillAsync(DrillDown drill, int id, int unitId, CriterionKind kind, CancellationToken ct) =>
        TypedResults.Ok(await drill.RunAsync(id, unitId, kind, ct));

    private static async Task<FileContentHttpResult> ExportAsync(ExportAppraisal export, int id, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await export.WriteXlsxAsync(id, buffer, ct);
        return TypedResults.File(buffer.ToArray(), ExportAppraisal.XlsxContentType, $"appraisal-{id}.xlsx");
    }

    private static async Task<Created<AppealRow>> FileAppealAsync(Appeals appeals, int id, AppealRequest request, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var appealId = await appeals.FileAsync(id, request, user.ActorName(), ct);
        var row = (await appeals.ListAsync(id, ct)).First(a => a.Id == appealId);
        return TypedResults.Created($"/api/v1/appraisal/runs/{id}/appeals", row);
    }

    private static async Task<Ok<RunDetail>> AcceptAsync(Appeals appeals, ReadAppraisal read, int id, AppealDecision decision,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var runId = await appeals.AcceptAsync(id, decision, user.ActorName(), ct);
        return TypedResults.Ok(await read.GetAsync(runId, ct));
    }

    private static async Task<NoContent> RejectAsync(Appeals appeals, int id, RejectRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        await appeals.RejectAsync(id, request.Reason, user.ActorName(), ct);
        return TypedResults.NoContent();
    }
}
