using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace ReformTrack.Localization;

/// <summary>
/// English and Chinese (zh-CN). The language comes from the culture cookie, else the
/// browser's Accept-Language, else English. <c>/culture?name=zh-CN&amp;redirect=/ledger</c>
/// sets the cookie.
/// </summary>
internal static class LocalizationSetup
{
    public static readonly string[] Cultures = ["en", "zh-CN"];

    public static IServiceCollection AddReformLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
        });
        return services;
    }

    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture", (HttpContext http, string name, string? redirect) =>
        {
            if (!Cultures.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return Results.Problem(statusCode: 400, title: "Unknown language",
                    detail: $"'{name}' is not offered; choose one of: {string.Join(", ", Cultures)}.");
            }

            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                new CookieOptions { Expires = DateTimeOffset.MaxValue, IsEssential = true, SameSite = SameSiteMode.Lax });
            var target = redirect is { Length: > 0 } && redirect.StartsWith('/') && !redirect.StartsWith("//", StringComparison.Ordinal)
                ? redirect
                : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription(); // the sign-in page offers both languages too
}
