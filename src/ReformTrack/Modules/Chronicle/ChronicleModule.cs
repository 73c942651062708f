using ReformTrack.Data;

namespace ReformTrack.Modules.Chronicle;

internal static class ChronicleModule
{
    public static IServiceCollection AddChronicle(this IServiceCollection services)
    {
        services.AddScoped<ListChronicle>();
        services.AddScoped<EditChronicle>();
        services.AddScoped<DeriveChronicle>();
        services.AddScoped<ExportChronicle>();
        services.AddHostedService<ChronicleSchedule>();
        services.AddTransient<IDemoPart, DemoChronicle>();
        return services;
    }

    public static void MapChronicle(this IEndpointRouteBuilder api) => api.MapChronicleEndpoints();
}
