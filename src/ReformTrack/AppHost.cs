using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;
using ReformTrack.Components;
using ReformTrack.Data;
using ReformTrack.Localization;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Appraisal;
using ReformTrack.Modules.Audit;
using ReformTrack.Modules.Chiefs;
using ReformTrack.Modules.Chronicle;
using ReformTrack.Modules.Diffusion;
using ReformTrack.Modules.Exchange;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Indicators;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;
using ReformTrack.Modules.Parks;
using ReformTrack.Modules.Portal;
using ReformTrack.Modules.Supervision;
using ReformTrack.Shared;
using Scalar.AspNetCore;

namespace ReformTrack;

/// <summary>Builds the one web host that serves the API, the UI and runs the CLI verbs.</summary>
internal static class AppHost
{
    /// <summary>The web application that serves the UI and the API; it migrates (and seeds) before serving.</summary>
    public static WebApplication BuildServer(string[] args)
    {
        var builder = CreateBuilder(args);
        builder.Services.AddHostedService<DatabaseInitializer>();
        return Configure(builder.Build());
    }

    /// <summary>The services alone, for the command-line verbs that work on the database and exit.</summary>
    public static WebApplication BuildTool(string[] args) => CreateBuilder(args).Build();

    private static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddHardening();
        var services = builder.Services;

        services.AddSingleton(TimeProvider.System);
        services.AddReformDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiErrors>();
        // Binding failures throw, so ApiErrors answers them with the parameter at fault.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Enums travel by name in the API, both ways.
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddReformLocalization();
        // Keys survive restarts, so open pages and forms stay valid across a restart.
        services.AddDataProtection().SetApplicationName("ReformTrack").PersistKeysToFileSystem(new DirectoryInfo(
            Path.GetFullPath(builder.Configuration["DataProtection:KeysPath"] ?? "data/keys", builder.Environment.ContentRootPath)));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        services.AddAccounts(builder.Configuration);
        services.AddAudit();
        services.AddOrganisation();
        services.AddGovernance();
        services.AddLedger(builder.Configuration);
        services.AddExchange(builder.Configuration);
        services.AddDiffusion();
        services.AddAppraisal();
        services.AddIndicators(builder.Configuration);
        services.AddPortal(builder.Configuration);
        services.AddSupervision(builder.Configuration);
        services.AddChronicle();
        services.AddParks();
        services.AddChiefs(builder.Configuration);
        services.AddTransient<DemoSeeder>();
        return builder;
    }

    private static WebApplication Configure(WebApplication app)
    {
        // Headers first, so that every answer carries them, errors included.
        app.UseHardening();
        // Then localization, so that error messages are written in the caller's language too.
        app.UseRequestLocalization();

        // API errors become problem details (ApiErrors); anything else in the UI shows /error.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
        });

        // Unknown API routes answer problem details; unknown pages show the not-found page.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"),
            ui => ui.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing after the status-code pages, so a re-executed request finds the not-found page.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseActing();
        app.UseRateLimiter();
        app.UseAntiforgery();
        // Stylesheets, scripts and fonts are public: the sign-in page needs them.
        app.MapStaticAssets().AllowAnonymous();

        // The API's description is readable by anyone signed in; it reveals no data.
        app.MapOpenApi().RequireAuthorization(Policies.Read);
        app.MapScalarApiReference().RequireAuthorization(Policies.Read);
        // Load balancers and monitors probe health without an account.
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapCultureSwitch();
        app.MapAccounts();
        app.MapCalendarFeed();

        var api = app.MapGroup("/api/v1");
        // Touches nothing but the pipeline: a liveness probe, and the baseline load tests compare endpoints with.
        api.MapGet("/ping", () => TypedResults.Text("pong")).WithName("Ping").WithTags("System").AllowAnonymous()
            .WithSummary("Answers 'pong' without touching the database.");
        api.MapOrganisation();
        api.MapGovernance();
        api.MapLedger();
        api.MapExchange();
        api.MapDiffusion();
        api.MapAppraisal();
        api.MapSupervision();
        api.MapAudit();
        api.MapIndicators();
        app.MapPortal(api);
        api.MapChronicle();
        api.MapParks();
        api.MapChiefs();

        // Pages name their own policy; the fallback policy (signed in) covers the framework's own endpoints.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app));
        return app;
    }

    private static void AnnounceAddresses(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        foreach (var address in addresses ?? [])
        {
            Console.WriteLine($"ReformTrack is serving on {address}");
        }
    }
}
