using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Accounts;

/// <summary>
/// <c>Authorization: Bearer rt_…</c>: the token's hash is looked up; an unknown, expired or
/// revoked token, or one whose owner is locked out, fails (401). Valid tokens are remembered
/// briefly by <see cref="AccessTokenCache"/>.
/// </summary>
internal sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDbContextFactory<ReformDbContext> dbFactory, AccessTokenCache cache, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer".Length..].Trim();
        if (secret.Length == 0)
        {
            return AuthenticateResult.Fail("The bearer token is empty.");
        }

        if (secret.StartsWith(AccessToken.CalendarPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("A calendar feed link is not an access token.");
        }

        var hash = AccessToken.HashOf(secret);
        var now = clock.UtcNow();
        if (!cache.TryGet(hash, out var token, out var user))
        {
            await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
            var found = await db.AccessTokens.AsNoTracking()
                .Where(t => t.Hash == hash)
                .Join(db.Users.AsNoTracking(), t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
                .FirstOrDefaultAsync(Context.RequestAborted);
            if (found is null)
            {
                return AuthenticateResult.Fail("Unknown access token.");
            }

            (token, user) = (found.Token, found.User);
            if (token.IsActive(now))
            {
                cache.Remember(hash, token, user);
            }
        }

        if (!token.IsActive(now))
        {
            return AuthenticateResult.Fail("The access token has expired or was revoked.");
        }

        if (user.LockoutEnd is { } lockedUntil && lockedUntil > clock.GetUtcNow())
        {
            return AuthenticateResult.Fail("The token's owner is locked out.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(UserClaims.PrincipalFor(user, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
