namespace ReformTrack.Shared;

/// <summary>
/// Security headers on every response, HTTPS when configured, and request size limits.
/// The content security policy allows only this site's own scripts; styles may be inline
/// because MudBlazor positions its popovers and charts with style attributes. The Blazor
/// circuit's WebSocket is same-origin ('self'). Pages may not be framed by other sites.
/// </summary>
internal static class Hardening
{
    /// <summary>Room for a ledger import of up to 10 MB (its own limit answers with a clear message) in a multipart body.</summary>
    public const long MaxRequestBytes = 16 * 1024 * 1024;

    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The API reference page (Scalar) runs an inline start-up script of its own.
    private const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static void AddHardening(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Limits.MaxRequestBodySize = MaxRequestBytes;
            o.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = MaxRequestBytes);
        if (builder.Configuration.GetValue<bool>("Security:HttpsOnly"))
        {
            builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        }
    }

    public static void UseHardening(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Security:HttpsOnly"))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar") ? ReferencePolicy : Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Kestrel also caps bodies sent in chunks; a declared length over the cap is refused before reading.
            if (http.Request.ContentLength > MaxRequestBytes)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            return next(http);
        });
    }
}
