using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

internal static class LedgerEndpoints
{
    public static void MapLedgerEndpoints(this IEndpointRouteBuilder api)
    {
        var measures = api.MapGroup("/measures").WithTags("Measures");
        measures.MapGet("/", ListAsync).WithName("ListMeasures")
            .WithSummary("The ledger: measures filtered, sorted and paged.");
    }

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
}
