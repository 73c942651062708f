using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

internal static class GovernanceModule
{
    public static IServiceCollection AddGovernance(this IServiceCollection services)
    {
        services.AddScoped<ListObjectives>();
        services.AddScoped<GetObjective>();
        services.AddScoped<CreateObjective>();
        services.AddScoped<UpdateObjective>();
        services.AddScoped<ListMeetings>();
        services.AddScoped<GetMeeting>();
        services.AddScoped<CreateMeeting>();
        services.AddScoped<UpdateMeeting>();
        services.AddScoped<ReviewDocument>();
        services.AddScoped<WithdrawReview>();
        services.AddScoped<ListDocuments>();
        services.AddScoped<GetDocument>();
        services.AddScoped<CreateDocument>();
        services.AddScoped<UpdateDocument>();
        services.AddScoped<AddClause>();
        services.AddScoped<ReviseClause>();
        services.AddTransient<IChronicleSource, GovernanceChronicle>();
        return services;
    }

    public static void MapGovernance(this IEndpointRouteBuilder api) => api.MapGovernanceEndpoints();
}
