using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Portal;

internal sealed record PublicationRequest(bool Published);

internal static class PortalModule
{
    public const string Path = "/portal";

    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Portal").Get<PortalOptions>() ?? new PortalOptions());
        services.AddSingleton<PortalSnapshot>();
        services.AddHostedService<PortalWarmUp>();
        return services;
    }

    /// <summary>
    /// The public portal: its pages (Blazor, static rendering) and its JSON under <c>/portal/api</c>, open to
    /// anyone and cacheable for a short while; and the office's switch that publishes an objective.
    /// </summary>
    public static void MapPortal(this WebApplication app, IEndpointRouteBuilder api)
    {
        var options = app.Services.GetRequiredService<PortalOptions>();
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(Path) && HttpMethods.IsGet(http.Request.Method))
            {
                http.Response.OnStarting(() =>
                {
                    if (http.Response.StatusCode == StatusCodes.Status200OK)
                    {
                        http.Response.Headers.CacheControl = $"public, max-age={options.MaxAgeSeconds}";
                        // The language comes from the address, the culture cookie or the browser.
                        http.Response.Headers.Vary = "Cookie, Accept-Language";
                        http.Response.Headers.Remove("Pragma");
                        // A shared cache must not hand one visitor's cookie to the next; the portal has no forms to protect.
                        http.Response.Headers.Remove("Set-Cookie");
                    }

                    return Task.CompletedTask;
                });
            }

            return next(http);
        });

        var portal = app.MapGroup(Path + "/api").WithTags("Portal").AllowAnonymous();
        portal.MapGet("/overview", async (PortalSnapshot snapshot, CancellationToken cancellationToken) =>
            {
                var data = await snapshot.GetAsync(cancellationToken);
                return TypedResults.Ok(new { data.Overview, KeyTasks = data.Objectives });
            }).WithName("GetPortalOverview")
            .WithSummary("The published programme overview and its aspects and key tasks with progress (anonymous).");
        portal.MapGet("/indicators", async (PortalSnapshot snapshot, CancellationToken cancellationToken) =>
                TypedResults.Ok((await snapshot.GetAsync(cancellationToken)).Indicators))
            .WithName("ListPortalIndicators")
            .WithSummary("The published indicators with their trajectories and actuals (anonymous).");
        portal.MapGet("/cases", async (PortalSnapshot snapshot, CancellationToken cancellationToken) =>
                TypedResults.Ok((await snapshot.GetAsync(cancellationToken)).Honours))
            .WithName("ListPortalCases")
            .WithSummary("The published cases and honours, newest year first (anonymous).");
        portal.MapGet("/chronicle", async (PortalSnapshot snapshot, CancellationToken cancellationToken) =>
                TypedResults.Ok((await snapshot.GetAsync(cancellationToken)).Chronicle))
            .WithName("ListPortalChronicle")
            .WithSummary("The published chronicle events, newest first (anonymous).");

        api.MapPost("/objectives/{id:int}/publication", PublishObjectiveAsync).WithName("PublishObjective").WithTags("Objectives")
            .RequireAuthorization(Policies.ManageGovernance).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Shows an objective on the public portal, or takes it off.");
        api.MapPost("/cases/{id:int}/publication", PublishHonourAsync).WithName("PublishCase").WithTags("Cases and honours")
            .RequireAuthorization(Policies.ManageDiffusion).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Shows a case or honour on the public portal, or takes it off.");
    }

    private static async Task<NoContent> PublishHonourAsync(int id, PublicationRequest request, Diffusion.PublishHonour publish,
        PortalSnapshot snapshot, CancellationToken cancellationToken)
    {
        await publish.RunAsync(id, request.Published, cancellationToken);
        snapshot.Forget();
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> PublishObjectiveAsync(int id, PublicationRequest request,
        IDbContextFactory<ReformDbContext> dbFactory, PortalSnapshot snapshot, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var objective = await db.Objectives.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new Shared.NotFound("Objective", id);
        objective.Published = request.Published;
        await db.SaveChangesAsync(cancellationToken);
        snapshot.Forget();
        return TypedResults.NoContent();
    }
}

/// <summary>
/// Counts the portal's picture as soon as the server has started (after the migrations), so that
/// the first visitor finds it ready or waits only for the rest of a count already running.
/// </summary>
internal sealed class PortalWarmUp(PortalSnapshot snapshot, PortalOptions options, IHostApplicationLifetime lifetime,
    ILogger<PortalWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.CountAtStart)
        {
            lifetime.ApplicationStarted.Register(() => _ = CountAsync());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CountAsync()
    {
        try
        {
            await snapshot.LoadNowAsync();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException or ObjectDisposedException)
        {
            logger.LogWarning(e, "Counting the portal's picture at start failed; the first visitor counts it again.");
        }
    }
}

/// <summary>The words of the portal; <c>PortalText.zh-CN.resx</c> holds their Chinese.</summary>
public sealed class PortalText;
