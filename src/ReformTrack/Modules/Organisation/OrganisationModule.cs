namespace ReformTrack.Modules.Organisation;

internal static class OrganisationModule
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services) => services;

    public static void MapOrganisation(this IEndpointRouteBuilder api)
    {
        _ = api;
    }
}
