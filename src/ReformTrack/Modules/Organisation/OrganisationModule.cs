namespace ReformTrack.Modules.Organisation;

internal static class OrganisationModule
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddScoped<ListUnits>();
        services.AddScoped<GetUnit>();
        services.AddScoped<CreateUnit>();
        services.AddScoped<UpdateUnit>();
        services.AddScoped<ListPeople>();
        services.AddScoped<GetPerson>();
        services.AddScoped<CreatePerson>();
        services.AddScoped<UpdatePerson>();
        return services;
    }

    public static void MapOrganisation(this IEndpointRouteBuilder api) => api.MapOrganisationEndpoints();
}
