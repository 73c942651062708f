using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Appraisal;

internal static class AppraisalModule
{
    public static IServiceCollection AddAppraisal(this IServiceCollection services)
    {
        services.AddScoped<AppraisalFigures>();
        services.AddScoped<ManageSchemes>();
        services.AddScoped<RunAppraisal>();
        services.AddScoped<ReadAppraisal>();
        services.AddScoped<ManageRuns>();
        services.AddScoped<Appeals>();
        services.AddScoped<DrillDown>();
        services.AddScoped<ExportAppraisal>();
        services.AddTransient<IDemoPart, DemoAppraisal>();
        return services;
    }

    public static void MapAppraisal(this IEndpointRouteBuilder api) => api.MapAppraisalEndpoints();
}
