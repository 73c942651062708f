using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http.HttpResults;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Audit;

internal static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<ListAudit>();
        services.AddScoped<VerifyAudit>();
        services.AddScoped<CircuitHandler, ActingCircuitHandler>();
        return services;
    }

    /// <summary>Names the person acting in each request, for the audit entries its saves write.</summary>
    public static void UseActing(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            Acting.Actor = NameOf(http.User);
            await next(http);
        });

    public static void MapAudit(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/", ListAsync).WithName("ListAudit").RequireAuthorization(Policies.ManageLedger)
            .WithSummary("The audit trail, newest first, filtered by entity (and id), actor and time [from, to).");
        audit.MapGet("/verify", VerifyAsync).WithName("VerifyAudit").RequireAuthorization(Policies.Admin)
            .WithSummary("Walks the hash chain and names the first entry that does not hold.");
    }

    public static string? NameOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? $"{user.ActorName()} <{user.Identity.Name}>" : null;

    private static async Task<Ok<Page<AuditRow>>> ListAsync(ListAudit list, string? entity, string? entityId, string? actor,
        DateTime? from, DateTime? to, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(new AuditFilter(entity, entityId, actor, from, to), PageRequest.From(page, pageSize),
            cancellationToken));

    private static async Task<Ok<AuditVerification>> VerifyAsync(VerifyAudit verify, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verify.RunAsync(cancellationToken));
}

/// <summary>Names the person acting around each event of a Blazor circuit, as the middleware does for requests.</summary>
internal sealed class ActingCircuitHandler(AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            Acting.Actor = AuditModule.NameOf((await authentication.GetAuthenticationStateAsync()).User);
            await next(context);
        };
}
