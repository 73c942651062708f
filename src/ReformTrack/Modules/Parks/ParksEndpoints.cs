using Microsoft.AspNetCore.Http.HttpResults;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Parks;

internal static class ParksEndpoints
{
    public static void MapParksEndpoints(this IEndpointRouteBuilder api)
    {
        var parks = api.MapGroup("/parks").WithTags("Parks").RequireAuthorization(Policies.Read);
        parks.MapGet("/", ListParksAsync).WithName("ListParks")
            .WithSummary("Parks in scope, by output; filter by district (subtree), tier, designation or text.");
        parks.MapGet("/summary", SummaryAsync).WithName("GetParkSummary")
            .WithSummary("Parks per output tier, national demonstration bases, clusters and chains.");
        parks.MapGet("/{id:int}", GetParkAsync).WithName("GetPark")
            .WithSummary("A park's scorecard: tier, output, designations, chains, chiefs and unresolved issues.");
        parks.MapPost("/", CreateParkAsync).WithName("CreatePark").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Adds a park in a district.");
        parks.MapPut("/{id:int}", UpdateParkAsync).WithName("UpdatePark").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Changes a park and its designations. Needs If-Match.");

        var clusters = api.MapGroup("/clusters").WithTags("Chains").RequireAuthorization(Policies.Read);
        clusters.MapGet("/", ListClustersAsync).WithName("ListClusters").WithSummary("The industrial clusters with their chain counts.");
        clusters.MapPost("/", CreateClusterAsync).WithName("CreateCluster").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Adds a cluster.");
        clusters.MapPut("/{id:int}", UpdateClusterAsync).WithName("UpdateCluster").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Changes a cluster. Needs If-Match.");

        var chains = api.MapGroup("/chains").WithTags("Chains").RequireAuthorization(Policies.Read);
        chains.MapGet("/", ListChainsAsync).WithName("ListChains")
            .WithSummary("Industrial chains with their leaders; filter by cluster, park or text.");
        chains.MapGet("/enterprises", EnterpriseNamesAsync).WithName("SearchChainEnterprises")
            .WithSummary("Names of key enterprises already on chains that contain 'q', at most 'max' (default 20), for pickers.");
        chains.MapGet("/{id:int}", GetChainAsync).WithName("GetChain")
            .WithSummary("A chain: leader, member parks, key enterprises, linked measures and indicators (latest value, target, status).");
        chains.MapPost("/", CreateChainAsync).WithName("CreateChain").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Adds a chain to a cluster.");
        chains.MapPut("/{id:int}", UpdateChainAsync).WithName("UpdateChain").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Changes a chain and replaces its parks, enterprises and measures, and its indicators when 'indicatorIds' is given. Needs If-Match.");
    }

    private static async Task<Ok<Page<ParkRow>>> ListParksAsync(ListParks list, int? districtUnitId, OutputTier? tier,
        DesignationKind? designation, string? q, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(new ParkFilter(districtUnitId, tier, designation, q), PageRequest.From(page, pageSize),
            cancellationToken));

    private static async Task<Ok<ParkSummary>> SummaryAsync(GetParkSummary summary, CancellationToken cancellationToken) =>
        TypedResults.Ok(await summary.RunAsync(cancellationToken));

    private static async Task<Ok<ParkDetail>> GetParkAsync(GetPark get, int id, HttpResponse response, CancellationToken cancellationToken)
    {
        var park = await get.RunAsync(id, cancellationToken);
        ETags.Set(response, park.Version);
        return TypedResults.Ok(park);
    }

    private static async Task<Created<ParkDetail>> CreateParkAsync(EditPark edit, ParkInput input, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var park = await edit.CreateAsync(input, cancellationToken);
        ETags.Set(response, park.Version);
        return TypedResults.Created($"/api/v1/parks/{park.Id}", park);
    }

    private static async Task<Ok<ParkDetail>> UpdateParkAsync(EditPark edit, int id, ParkInput input, HttpRequest request,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var park = await edit.UpdateAsync(id, ETags.RequiredIfMatch(request), input, cancellationToken);
        ETags.Set(response, park.Version);
        return TypedResults.Ok(park);
    }

    private static async Task<Ok<IReadOnlyList<ClusterRow>>> ListClustersAsync(ListChains list, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.ClustersAsync(cancellationToken));

    private static async Task<Created<ClusterRow>> CreateClusterAsync(EditChain edit, ClusterInput input, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var cluster = await edit.CreateClusterAsync(input, cancellationToken);
        ETags.Set(response, cluster.Version);
        return TypedResults.Created($"/api/v1/clusters/{cluster.Id}", cluster);
    }

    private static async Task<Ok<ClusterRow>> UpdateClusterAsync(EditChain edit, int id, ClusterInput input, HttpRequest request,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var cluster = await edit.UpdateClusterAsync(id, ETags.RequiredIfMatch(request), input, cancellationToken);
        ETags.Set(response, cluster.Version);
        return TypedResults.Ok(cluster);
    }

    private static async Task<Ok<Page<ChainRow>>> ListChainsAsync(ListChains list, int? clusterId, int? parkId, string? q, int? page,
        int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.ChainsAsync(clusterId, parkId, q, PageRequest.From(page, pageSize), cancellationToken));

    private static async Task<Ok<IReadOnlyList<string>>> EnterpriseNamesAsync(ListChains list, string? q, int? max,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.EnterpriseNamesAsync(q, max ?? 20, cancellationToken));

    private static async Task<Ok<ChainDetail>> GetChainAsync(GetChain get, int id, HttpResponse response, CancellationToken cancellationToken)
    {
        var chain = await get.RunAsync(id, cancellationToken);
        ETags.Set(response, chain.Version);
        return TypedResults.Ok(chain);
    }

    private static async Task<Created<ChainDetail>> CreateChainAsync(EditChain edit, ChainInput input, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var chain = await edit.CreateAsync(input, cancellationToken);
        ETags.Set(response, chain.Version);
        return TypedResults.Created($"/api/v1/chains/{chain.Id}", chain);
    }

    private static async Task<Ok<ChainDetail>> UpdateChainAsync(EditChain edit, int id, ChainInput input, HttpRequest request,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var chain = await edit.UpdateAsync(id, ETags.RequiredIfMatch(request), input, cancellationToken);
        ETags.Set(response, chain.Version);
        return TypedResults.Ok(chain);
    }
}
