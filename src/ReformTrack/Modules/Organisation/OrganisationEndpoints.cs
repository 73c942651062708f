using Microsoft.AspNetCore.Http.HttpResults;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Organisation;

internal static class OrganisationEndpoints
{
    public static void MapOrganisationEndpoints(this IEndpointRouteBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units").RequireAuthorization(Policies.Read);
        units.MapGet("/", ListUnitsAsync).WithName("ListUnits")
            .WithSummary("The unit tree as a flat list in tree order, with the measures each leads (subtree).");
        units.MapGet("/{id:int}", GetUnitAsync).WithName("GetUnit")
            .WithSummary("One unit with its sub-units and the measures it leads.");
        units.MapPost("/", CreateUnitAsync).WithName("CreateUnit").RequireAuthorization(Policies.Admin).WithSummary("Creates a unit under a parent (or as a root).");
        units.MapPut("/{id:int}", UpdateUnitAsync).WithName("UpdateUnit").RequireAuthorization(Policies.Admin)
            .WithSummary("Changes a unit; a new parent moves its whole subtree. Needs If-Match.");

        var people = api.MapGroup("/people").WithTags("People").RequireAuthorization(Policies.Read);
        people.MapGet("/", ListPeopleAsync).WithName("ListPeople").WithSummary("People, of one unit or all, by name.");
        people.MapGet("/{id:int}", GetPersonAsync).WithName("GetPerson").WithSummary("One person.");
        people.MapPost("/", CreatePersonAsync).WithName("CreatePerson").RequireAuthorization(Policies.Admin).WithSummary("Adds a person to a unit.");
        people.MapPut("/{id:int}", UpdatePersonAsync).WithName("UpdatePerson").RequireAuthorization(Policies.Admin).WithSummary("Changes a person. Needs If-Match.");
    }

    private static async Task<Ok<IReadOnlyList<UnitRow>>> ListUnitsAsync(ListUnits list, int? under, UnitKind? kind,
        string? q, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(new UnitFilter(under, kind, q), cancellationToken));

    private static async Task<Ok<UnitDetail>> GetUnitAsync(GetUnit get, int id, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var unit = await get.RunAsync(id, cancellationToken);
        ETags.Set(response, unit.Version);
        return TypedResults.Ok(unit);
    }

    private static async Task<Created<UnitDetail>> CreateUnitAsync(CreateUnit create, UnitInput input, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var unit = await create.RunAsync(input, cancellationToken);
        ETags.Set(response, unit.Version);
        return TypedResults.Created($"/api/v1/units/{unit.Id}", unit);
    }

    private static async Task<Ok<UnitDetail>> UpdateUnitAsync(UpdateUnit update, int id, UnitInput input, HttpRequest request,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var unit = await update.RunAsync(id, ETags.RequiredIfMatch(request), input, cancellationToken);
        ETags.Set(response, unit.Version);
        return TypedResults.Ok(unit);
    }

    private static async Task<Ok<Page<PersonView>>> ListPeopleAsync(ListPeople list, int? unitId, int? page, int? pageSize,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(unitId, PageRequest.From(page, pageSize), cancellationToken));

    private static async Task<Ok<PersonView>> GetPersonAsync(GetPerson get, int id, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var person = await get.RunAsync(id, cancellationToken);
        ETags.Set(response, person.Version);
        return TypedResults.Ok(person);
    }

    private static async Task<Created<PersonView>> CreatePersonAsync(CreatePerson create, PersonInput input,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var person = await create.RunAsync(input, cancellationToken);
        ETags.Set(response, person.Version);
        return TypedResults.Created($"/api/v1/people/{person.Id}", person);
    }

    private static async Task<Ok<PersonView>> UpdatePersonAsync(UpdatePerson update, int id, PersonInput input,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var person = await update.RunAsync(id, ETags.RequiredIfMatch(request), input, cancellationToken);
        ETags.Set(response, person.Version);
        return TypedResults.Ok(person);
    }
}
