using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Accounts;

/// <summary>The claims of a signed-in user, the same for the cookie and for access tokens.</summary>
internal sealed class UserClaims(UserManager<User> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(Of(user));
        return identity;
    }

    public static IEnumerable<Claim> Of(User user)
    {
        yield return new Claim(ClaimTypes.Role, user.Role.ToString());
        yield return new Claim(Policies.DisplayNameClaim, user.DisplayName);
        if (user.UnitId is { } unitId)
        {
            yield return new Claim(Policies.UnitClaim, unitId.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The principal an access token stands for: the token owner's identity and role.</summary>
    public static ClaimsPrincipal PrincipalFor(User user, string scheme)
    {
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName ?? user.Email ?? ""));
        identity.AddClaims(Of(user));
        return new ClaimsPrincipal(identity);
    }
}
