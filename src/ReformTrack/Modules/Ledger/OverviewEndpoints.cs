using Microsoft.AspNetCore.Http.HttpResults;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

internal static class OverviewEndpoints
{
    public static void MapOverviewEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/overview", GetAsync)
            .WithTags("Overview")
            .RequireAuthorization(Policies.Read)
            .WithName("GetOverview")
            .WithSummary("The dashboard: meetings, documents, measures, completion rate, overdue, lights per key task, completions per month.")
            .WithDescription("With unitId, the measure figures count only measures led by that unit or a unit under it.");

    private static async Task<Ok<Overview>> GetAsync(GetOverview overview, int? unitId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await overview.RunAsync(unitId, cancellationToken));
}
