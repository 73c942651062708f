namespace ReformTrack.Modules.Chiefs;

internal static class ChiefsModule
{
    public static IServiceCollection AddChiefs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(EscalationLevels.From(configuration.GetSection("Chiefs:Escalation:Days").Get<int[]>()));
        services.AddScoped<ChiefLookup>();
        services.AddScoped<Waters>();
        services.AddScoped<ListAssignments>();
        services.AddScoped<GetAssignment>();
        services.AddScoped<AssignChief>();
        services.AddScoped<RecordInspection>();
        services.AddScoped<ListIssues>();
        services.AddScoped<ActOnIssue>();
        services.AddScoped<ChiefCandidates>();
        return services;
    }

    public static void MapChiefs(this IEndpointRouteBuilder api) => api.MapChiefsEndpoints();
}
