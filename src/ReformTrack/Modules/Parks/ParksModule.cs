namespace ReformTrack.Modules.Parks;

internal static class ParksModule
{
    public static IServiceCollection AddParks(this IServiceCollection services)
    {
        services.AddScoped<ListParks>();
        services.AddScoped<GetPark>();
        services.AddScoped<EditPark>();
        services.AddScoped<GetParkSummary>();
        services.AddScoped<ListChains>();
        services.AddScoped<GetChain>();
        services.AddScoped<EditChain>();
        services.AddScoped<ManageStandards>();
        services.AddScoped<AssessParks>();
        services.AddScoped<ReadAssessments>();
        services.AddTransient<Data.IDemoPart, Data.DemoStandardisation>();
        services.AddTransient<Data.IDemoPart, Data.DemoParks>();
        return services;
    }

    public static void MapParks(this IEndpointRouteBuilder api)
    {
        api.MapParksEndpoints();
        api.MapStandardsEndpoints();
    }
}
