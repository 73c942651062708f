using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ReformTrack.Modules.Exchange;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Indicators;

internal sealed record TrajectoryPointRequest(DateOnly On, double Value);

internal sealed record IndicatorRequest(
    string? Code, string? Name, string? UnitOfMeasure, Direction? Direction, DateOnly? BaselineOn, double? BaselineValue,
    DateOnly? TargetOn, double? TargetValue, IReadOnlyList<TrajectoryPointRequest>? TrajectoryPoints, RollUpMethod? RollUp,
    int? UnitId, bool Published = false, IReadOnlyList<int>? ObjectiveIds = null, IReadOnlyList<int>? MeasureIds = null)
{
    public IndicatorInput ToInput() => new()
    {
        Code = Code,
        Name = Name,
        UnitOfMeasure = UnitOfMeasure,
        Direction = Direction,
        BaselineOn = BaselineOn,
        BaselineValue = BaselineValue,
        TargetOn = TargetOn,
        TargetValue = TargetValue,
        TrajectoryPoints = (TrajectoryPoints ?? []).Select(p => new DatedValue(p.On, p.Value)).ToList(),
        RollUp = RollUp ?? RollUpMethod.Sum,
        UnitId = UnitId,
        Published = Published,
        ObjectiveIds = ObjectiveIds ?? [],
        MeasureIds = MeasureIds ?? [],
    };
}

internal sealed record ObservationRequest(DateOnly? On, double? Value, int? UnitId, double? Weight, string? Source);

internal static class IndicatorEndpoints
{
    public static void MapIndicatorEndpoints(this IEndpointRouteBuilder api)
    {
        var indicators = api.MapGroup("/indicators").WithTags("Indicators").RequireAuthorization(Policies.Read)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        indicators.MapGet("/", ListAsync).WithName("ListIndicators")
            .WithSummary("Indicators with their latest value and status against the planned trajectory.");
        indicators.MapGet("/{id:int}", GetAsync).WithName("GetIndicator")
            .WithSummary("One indicator: trajectory, actuals, breakdown by unit, observations and links; the ETag is its version.");
        indicators.MapPost("/", CreateAsync).WithName("CreateIndicator").RequireAuthorization(Policies.ManageLedger)
            .WithSummary("Adds an indicator.");
        indicators.MapPut("/{id:int}", UpdateAsync).WithName("UpdateIndicator").RequireAuthorization(Policies.ManageLedger)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Edits an indicator (If-Match required).");
        indicators.MapPost("/{id:int}/observations", RecordAsync).WithName("RecordObservation").RequireAuthorization(Policies.ManageLedger)
            .WithSummary("Records a value observed on a date, of the whole area or of one unit.");
        indicators.MapGet("/by-objective", ByObjectiveAsync).WithName("ListObjectiveOutcomes")
            .WithSummary("Per aspect and key task: its indicators and the lights of its measures.");
        indicators.MapPost("/observations/import/preview", PreviewAsync).WithName("PreviewObservationImport")
            .RequireAuthorization(Policies.ManageLedger).DisableAntiforgery()
            .WithSummary("Checks an observations file (.xlsx or .csv) and lists what it would record and every error by row and column.");
        indicators.MapPost("/observations/import/apply", ApplyAsync).WithName("ApplyObservationImport")
            .RequireAuthorization(Policies.ManageLedger).DisableAntiforgery()
            .Produces<ObservationImportResult>(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Records every observation of the file in one transaction, or none when any row has an error (422).");
    }

    private static async Task<Ok<IReadOnlyList<IndicatorRow>>> ListAsync(ListIndicators list, bool? published, int? objectiveId,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(new IndicatorFilter { PublishedOnly = published == true, ObjectiveId = objectiveId },
            cancellationToken));

    private static async Task<Ok<IndicatorDetail>> GetAsync(int id, GetIndicator get, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var indicator = await get.RunAsync(id, cancellationToken);
        ETags.Set(response, indicator.Version);
        return TypedResults.Ok(indicator);
    }

    private static async Task<Created<IndicatorDetail>> CreateAsync(IndicatorRequest request, EditIndicator edit, GetIndicator get,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var id = await edit.CreateAsync(request.ToInput(), cancellationToken);
        var indicator = await get.RunAsync(id, cancellationToken);
        ETags.Set(response, indicator.Version);
        return TypedResults.Created($"/api/v1/indicators/{id}", indicator);
    }

    private static async Task<Ok<IndicatorDetail>> UpdateAsync(int id, IndicatorRequest request, EditIndicator edit, GetIndicator get,
        HttpRequest http, CancellationToken cancellationToken)
    {
        var version = ETags.RequiredIfMatch(http);
        await edit.UpdateAsync(id, version, request.ToInput(), cancellationToken);
        var indicator = await get.RunAsync(id, cancellationToken);
        ETags.Set(http.HttpContext.Response, indicator.Version);
        return TypedResults.Ok(indicator);
    }

    private static async Task<Created<ObservationView>> RecordAsync(int id, ObservationRequest request, RecordObservation record,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var observation = await record.RunAsync(id,
            new ObservationInput(request.On, request.Value, request.UnitId, request.Weight, request.Source), user.ActorName(),
            cancellationToken);
        return TypedResults.Created($"/api/v1/indicators/{id}", observation);
    }

    private static async Task<Ok<IReadOnlyList<ObjectiveOutcome>>> ByObjectiveAsync(ObjectiveOutcomes outcomes,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await outcomes.RunAsync(cancellationToken));

    private static async Task<Ok<ObservationImportResult>> PreviewAsync(IFormFile? file, ImportObservations import,
        ImportLimits limits, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await import.PreviewAsync(await ReadAsync(file, limits, cancellationToken), user.ActorName(), cancellationToken));

    private static async Task<Results<Ok<ObservationImportResult>, UnprocessableEntity<ObservationImportResult>>> ApplyAsync(
        IFormFile? file, ImportObservations import, ImportLimits limits, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await import.ApplyAsync(await ReadAsync(file, limits, cancellationToken), user.ActorName(), cancellationToken);
        return result.Applied ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }

    private static async Task<byte[]> ReadAsync(IFormFile? file, ImportLimits limits, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
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
