using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Accounts;

internal static class AccountsModule
{
    /// <summary>The rate limit on posting the sign-in form, per client address.</summary>
    public const string SignInLimit = "sign-in";

    private const string SignInOrToken = "SignInOrToken";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<User>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Accounts:MaxFailedSignIns", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<ReformDbContext>()
            .AddClaimsPrincipalFactory<UserClaims>();

        // Cookies for the UI, bearer tokens for API clients; a request with a bearer header is judged by it alone.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SignInOrToken;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SignInOrToken, "Cookie or access token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer", StringComparison.OrdinalIgnoreCase)
                    ? AccessTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "reformtrack.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = configuration.GetValue<bool>("Security:HttpsOnly")
                ? CookieSecurePolicy.Always
                : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The API and its description answer 401/403; only pages are sent to the sign-in page.
            o.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Read, p => p.RequireAuthenticatedUser().RequireRole(Policies.AllRoles))
            .AddPolicy(Policies.ManageLedger, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Admin), nameof(Role.Office)))
            .AddPolicy(Policies.ManageGovernance, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Admin), nameof(Role.Office)))
            .AddPolicy(Policies.ManageDiffusion, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Admin), nameof(Role.Office)))
            .AddPolicy(Policies.ManageChronicle, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Admin), nameof(Role.Office)))
            .AddPolicy(Policies.ManageParks, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Admin), nameof(Role.Office)))
            .AddPolicy(Policies.Report, p => p.RequireAuthenticatedUser()
                .RequireRole(nameof(Role.Admin), nameof(Role.Office), nameof(Role.Liaison)))
            .AddPolicy(Policies.ManageAppraisal, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Admin), nameof(Role.Office)))
            .AddPolicy(Policies.Appeal, p => p.RequireAuthenticatedUser()
                .RequireRole(nameof(Role.Admin), nameof(Role.Office), nameof(Role.Leader), nameof(Role.Liaison)))
            .AddPolicy(Policies.Supervise, p => p.RequireAuthenticatedUser()
                .RequireRole(nameof(Role.Admin), nameof(Role.Office), nameof(Role.Leader)))
            .AddPolicy(Policies.DecideExtensions, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Admin), nameof(Role.Leader)))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Admin)));
        services.AddCascadingAuthenticationState();
        // A disabled user or a changed role takes effect on open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        var signInsPerMinute = configuration.GetValue("Accounts:SignInsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("read"));
        });

        services.AddScoped<ManageUsers>();
        services.AddScoped<ManageTokens>();
        services.AddScoped<DemoUsers>();
        return services;
    }

    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        // A form post: the antiforgery token of the form is checked because the endpoint reads the form.
        app.MapPost("/account/sign-out", async ([FromForm] string? returnUrl, SignInManager<User> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/account/sign-in");
            })
            .RequireAuthorization(Policies.Read)
            .ExcludeFromDescription();
    }

    private static Task ApiOr(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context,
        int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
