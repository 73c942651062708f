using Microsoft.AspNetCore.Http.HttpResults;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

internal static class DiffusionEndpoints
{
    public static void MapDiffusionEndpoints(this IEndpointRouteBuilder api)
    {
        var pilots = api.MapGroup("/pilots").WithTags("Pilots").RequireAuthorization(Policies.Read);
        pilots.MapGet("/", ListPilotsAsync).WithName("ListPilots")
            .WithSummary("Pilots in scope by holder subtree, level, status and text, newest grant first, paged.");
        pilots.MapGet("/counts", CountPilotsAsync).WithName("CountPilots")
            .WithSummary("How many pilots in scope there are at each level in each status.");
        pilots.MapGet("/due-for-evaluation", ListPilotsDueAsync).WithName("ListPilotsDueForEvaluation")
            .WithSummary("Granted pilots held in a unit's subtree whose evaluation is due within N days (overdue included).");
        pilots.MapGet("/{id:int}", GetPilotAsync).WithName("GetPilot").WithSummary("One pilot, with the statuses it may move to.");
        pilots.MapPost("/", CreatePilotAsync).WithName("CreatePilot").RequireAuthorization(Policies.ManageDiffusion)
            .WithSummary("Records a pilot applied for or granted.");
        pilots.MapPut("/{id:int}", UpdatePilotAsync).WithName("UpdatePilot").RequireAuthorization(Policies.ManageDiffusion)
            .WithSummary("Changes a pilot; a new status must follow the lifecycle. Needs If-Match.");

        var innovations = api.MapGroup("/innovations").WithTags("Innovations").RequireAuthorization(Policies.Read);
        innovations.MapGet("/", ListInnovationsAsync).WithName("ListInnovations")
            .WithSummary("Innovations whose origin is in scope, by origin subtree, year and text, newest first, paged.");
        innovations.MapGet("/summary", SummariseAsync).WithName("SummariseDiffusion")
            .WithSummary("Pioneered N, replicated at each level M, and replications per year, for a unit's subtree.");
        innovations.MapGet("/{id:int}", GetInnovationAsync).WithName("GetInnovation")
            .WithSummary("One innovation with its adoption timeline and copy tree.");
        innovations.MapPost("/", CreateInnovationAsync).WithName("CreateInnovation").RequireAuthorization(Policies.ManageDiffusion)
            .WithSummary("Records an innovation first introduced by a unit.");
        innovations.MapPut("/{id:int}", UpdateInnovationAsync).WithName("UpdateInnovation").RequireAuthorization(Policies.ManageDiffusion)
            .WithSummary("Changes an innovation. Needs If-Match.");
        innovations.MapPost("/{id:int}/replications", AddReplicationAsync).WithName("AddReplication")
            .RequireAuthorization(Policies.ManageDiffusion)
            .WithSummary("Records an adoption: adopter once per level, copied from the origin or an earlier adopter.");
        innovations.MapPut("/{id:int}/replications/{replicationId:int}", ReviseReplicationAsync).WithName("ReviseReplication")
            .RequireAuthorization(Policies.ManageDiffusion)
            .WithSummary("Changes a recorded adoption. Needs If-Match with the innovation's ETag.");

        var cases = api.MapGroup("/cases").WithTags("Cases and honours").RequireAuthorization(Policies.Read);
        cases.MapGet("/", ListHonoursAsync).WithName("ListCases")
            .WithSummary("Cases and honours in scope by unit subtree, level, category, year and text, newest first, paged.");
        cases.MapGet("/{id:int}", GetHonourAsync).WithName("GetCase").WithSummary("One case or honour with what it recognises.");
        cases.MapPost("/", CreateHonourAsync).WithName("CreateCase").RequireAuthorization(Policies.ManageDiffusion)
            .WithSummary("Records a case or honour linked to a measure, innovation, pilot or unit.");
        cases.MapPut("/{id:int}", UpdateHonourAsync).WithName("UpdateCase").RequireAuthorization(Policies.ManageDiffusion)
            .WithSummary("Changes a case or honour. Needs If-Match.");
    }

    private static async Task<Ok<Page<PilotRow>>> ListPilotsAsync(ListPilots list, int? unitId, GrantLevel? level,
        PilotStatus? status, string? q, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(new PilotFilter(unitId, level, status, q), PageRequest.From(page, pageSize),
            cancellationToken));

    private static async Task<Ok<IReadOnlyList<PilotCount>>> CountPilotsAsync(ListPilots list, int? unitId,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.CountAsync(new PilotFilter(unitId), cancellationToken));

    private static async Task<Ok<IReadOnlyList<PilotDue>>> ListPilotsDueAsync(ListPilotsDueForEvaluation list, int? unitId,
        int? withinDays, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(unitId, withinDays ?? 30, cancellationToken));

    private static async Task<Ok<PilotDetail>> GetPilotAsync(GetPilot get, int id, HttpResponse response,
        CancellationToken cancellationToken) =>
        Tagged(response, await get.RunAsync(id, cancellationToken), p => p.Version);

    private static async Task<Created<PilotDetail>> CreatePilotAsync(CreatePilot create, PilotInput input, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var pilot = await create.RunAsync(input, cancellationToken);
        ETags.Set(response, pilot.Version);
        return TypedResults.Created($"/api/v1/pilots/{pilot.Id}", pilot);
    }

    private static async Task<Ok<PilotDetail>> UpdatePilotAsync(UpdatePilot update, int id, PilotInput input, HttpRequest request,
        HttpResponse response, CancellationToken cancellationToken) =>
        Tagged(response, await update.RunAsync(id, ETags.RequiredIfMatch(request), input, cancellationToken), p => p.Version);

    private static async Task<Ok<Page<InnovationRow>>> ListInnovationsAsync(ListInnovations list, int? unitId, int? year,
        string? q, bool? replicated, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(new InnovationFilter(unitId, year, q, replicated), PageRequest.From(page, pageSize),
            cancellationToken));

    private static async Task<Ok<DiffusionSummary>> SummariseAsync(SummariseDiffusion summarise, int? unitId,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await summarise.RunAsync(unitId, cancellationToken));

    private static async Task<Ok<InnovationDetail>> GetInnovationAsync(GetInnovation get, int id, HttpResponse response,
        CancellationToken cancellationToken) =>
        Tagged(response, await get.RunAsync(id, cancellationToken), i => i.Version);

    private static async Task<Created<InnovationDetail>> CreateInnovationAsync(CreateInnovation create, InnovationInput input,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var innovation = await create.RunAsync(input, cancellationToken);
        ETags.Set(response, innovation.Version);
        return TypedResults.Created($"/api/v1/innovations/{innovation.Id}", innovation);
    }

    private static async Task<Ok<InnovationDetail>> UpdateInnovationAsync(UpdateInnovation update, int id, InnovationInput input,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        Tagged(response, await update.RunAsync(id, ETags.RequiredIfMatch(request), input, cancellationToken), i => i.Version);

    private static async Task<Created<InnovationDetail>> AddReplicationAsync(RecordReplication record, int id,
        ReplicationInput input, HttpResponse response, CancellationToken cancellationToken)
    {
        var innovation = await record.AddAsync(id, input, cancellationToken);
        ETags.Set(response, innovation.Version);
        return TypedResults.Created($"/api/v1/innovations/{id}", innovation);
    }

    private static async Task<Ok<InnovationDetail>> ReviseReplicationAsync(RecordReplication record, int id, int replicationId,
        ReplicationInput input, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        Tagged(response, await record.ReviseAsync(id, replicationId, ETags.RequiredIfMatch(request), input, cancellationToken),
            i => i.Version);

    private static async Task<Ok<Page<HonourRow>>> ListHonoursAsync(ListHonours list, int? unitId, GrantLevel? level,
        HonourCategory? category, int? year, string? q, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(new HonourFilter(unitId, level, category, year, q), PageRequest.From(page, pageSize),
            cancellationToken));

    private static async Task<Ok<HonourDetail>> GetHonourAsync(GetHonour get, int id, HttpResponse response,
        CancellationToken cancellationToken) =>
        Tagged(response, await get.RunAsync(id, cancellationToken), h => h.Version);

    private static async Task<Created<HonourDetail>> CreateHonourAsync(CreateHonour create, HonourInput input,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var honour = await create.RunAsync(input, cancellationToken);
        ETags.Set(response, honour.Version);
        return TypedResults.Created($"/api/v1/cases/{honour.Id}", honour);
    }

    private static async Task<Ok<HonourDetail>> UpdateHonourAsync(UpdateHonour update, int id, HonourInput input,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        Tagged(response, await update.RunAsync(id, ETags.RequiredIfMatch(request), input, cancellationToken), h => h.Version);

    private static Ok<T> Tagged<T>(HttpResponse response, T value, Func<T, int> version)
    {
        ETags.Set(response, version(value));
        return TypedResults.Ok(value);
    }
}
