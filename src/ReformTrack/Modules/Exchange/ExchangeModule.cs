namespace ReformTrack.Modules.Exchange;

internal static class ExchangeModule
{
    public static IServiceCollection AddExchange(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Exchange:Import").Get<ImportLimits>() ?? new ImportLimits());
        services.AddScoped<ExportLedger>();
        services.AddScoped<ImportLedger>();
        services.AddScoped<WorkReport>();
        services.AddScoped<DeadlineCalendar>();
        return services;
    }

    public static void MapExchange(this IEndpointRouteBuilder api) => api.MapExchangeEndpoints();
}
