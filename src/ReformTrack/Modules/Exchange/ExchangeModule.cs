using Microsoft.AspNetCore.Http.HttpResults;
using ReformTrack.Modules.Accounts;

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

    /// <summary>
    /// <c>GET /calendar/{secret}.ics</c>: a user's deadline feed at their private calendar feed link.
    /// Calendar programs send no Authorization header, so the secret in the address is the credential
    /// and the endpoint is open; an unknown or revoked link, or a disabled owner, is not found.
    /// </summary>
    public static void MapCalendarFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{secret}.ics", CalendarFeedAsync).WithName("GetCalendarFeed").WithTags("Exchange").AllowAnonymous()
            .WithSummary("The deadlines in the link owner's scope (active measures' due dates and open milestones) as an iCalendar feed.");

    private static async Task<Results<FileContentHttpResult, NotFound>> CalendarFeedAsync(string secret, ManageTokens tokens,
        DeadlineCalendar calendar, CancellationToken cancellationToken)
    {
        var owner = await tokens.CalendarFeedOwnerAsync(secret, cancellationToken);
        if (owner is null)
        {
            return TypedResults.NotFound();
        }

        using var buffer = new MemoryStream();
        await calendar.WriteForAsync(owner, buffer, cancellationToken);
        return TypedResults.File(buffer.ToArray(), DeadlineCalendar.ContentType, "deadlines.ics");
    }
}
