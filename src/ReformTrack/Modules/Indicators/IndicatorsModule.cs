using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Indicators;

internal static class IndicatorsModule
{
    public static IServiceCollection AddIndicators(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Indicators:Status").Get<StatusThresholds>() ?? StatusThresholds.Default);
        services.AddScoped<ListIndicators>();
        services.AddScoped<GetIndicator>();
        services.AddScoped<EditIndicator>();
        services.AddScoped<RecordObservation>();
        services.AddScoped<ImportObservations>();
        services.AddScoped<ObjectiveOutcomes>();
        services.AddScoped<IIndicatorSummaries, IndicatorSummaries>();
        services.AddTransient<IDemoPart, DemoIndicators>();
        return services;
    }

    public static void MapIndicators(this IEndpointRouteBuilder api) => api.MapIndicatorEndpoints();
}

/// <summary>The words of the indicator pages; <c>IndicatorsText.zh-CN.resx</c> holds their Chinese.</summary>
public sealed class IndicatorsText;
