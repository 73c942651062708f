using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

internal static class LedgerModule
{
    public static IServiceCollection AddLedger(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Ledger:Light").Get<LightThresholds>() ?? LightThresholds.Default);
        services.AddScoped<ListMeasures>();
        services.AddTransient<IChronicleSource, LedgerChronicle>();
        services.AddScoped<GetMeasure>();
        services.AddScoped<SubmitReport>();
        services.AddScoped<ReviewReport>();
        services.AddScoped<ReviseReport>();
        services.AddScoped<ListReports>();
        services.AddScoped<EditMeasure>();
        services.AddScoped<ManageMilestones>();
        services.AddScoped<LedgerChoices>();
        services.AddScoped<GetOverview>();
        return services;
    }

    public static void MapLedger(this IEndpointRouteBuilder api)
    {
        api.MapLedgerEndpoints();
        api.MapOverviewEndpoints();
    }
}
