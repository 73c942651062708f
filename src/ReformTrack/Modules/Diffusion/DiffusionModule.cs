using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

internal static class DiffusionModule
{
    public static IServiceCollection AddDiffusion(this IServiceCollection services)
    {
        services.AddScoped<ListPilots>();
        services.AddScoped<GetPilot>();
        services.AddScoped<CreatePilot>();
        services.AddScoped<UpdatePilot>();
        services.AddScoped<ListPilotsDueForEvaluation>();
        services.AddScoped<ListInnovations>();
        services.AddScoped<GetInnovation>();
        services.AddScoped<CreateInnovation>();
        services.AddScoped<UpdateInnovation>();
        services.AddScoped<RecordReplication>();
        services.AddScoped<SummariseDiffusion>();
        services.AddScoped<ListHonours>();
        services.AddScoped<GetHonour>();
        services.AddScoped<CreateHonour>();
        services.AddScoped<UpdateHonour>();
        services.AddScoped<PublishHonour>();
        services.AddScoped<IUnitDistinctions, UnitDistinctions>();
        services.AddTransient<IChronicleSource, DiffusionChronicle>();
        services.AddTransient<IDemoPart, DemoDiffusion>();
        return services;
    }

    public static void MapDiffusion(this IEndpointRouteBuilder api) => api.MapDiffusionEndpoints();
}
