namespace ReformTrack.Modules.Governance;

internal static class GovernanceModule
{
    public static IServiceCollection AddGovernance(this IServiceCollection services) => services;

    public static void MapGovernance(this IEndpointRouteBuilder api)
    {
        _ = api;
    }
}
