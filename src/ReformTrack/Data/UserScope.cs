using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Shared;

namespace ReformTrack.Data;

/// <summary>
/// The subtree of units the acting user works in, as the materialised path of the user's unit
/// ("/1/4/"); null for an administrator and for the system itself (seeding, the command line).
/// Resolved once per request or circuit, from the request's user or the circuit's.
/// </summary>
internal sealed class UserScope(IDbContextFactory<ReformDbContext> factory, IHttpContextAccessor http,
    AuthenticationStateProvider authentication)
{
    /// <summary>A path no unit has: a user without a unit sees nothing.</summary>
    public const string Nothing = "/none/";

    private Task<string?>? _path;

    public Task<string?> PathAsync(CancellationToken cancellationToken = default) => _path ??= ResolveAsync(cancellationToken);

    private async Task<string?> ResolveAsync(CancellationToken cancellationToken)
    {
        var user = http.HttpContext?.User ?? await CircuitUserAsync();
        if (user is null)
        {
            return null;
        }

        if (user.Identity?.IsAuthenticated != true)
        {
            return Nothing;
        }

        if (user.IsInRole("Admin"))
        {
            return null;
        }

        if (!int.TryParse(user.FindFirstValue(Policies.UnitClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var unitId))
        {
            return Nothing;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken) ?? Nothing;
    }

    /// <summary>The circuit's user; outside a request and a circuit there is none.</summary>
    private async Task<ClaimsPrincipal?> CircuitUserAsync()
    {
        try
        {
            return (await authentication.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>
/// The database as the acting user may see it: the model's query filters hide the measures
/// (and their milestones and reports) whose lead unit and co-units all lie outside the user's
/// subtree. Every ledger use case opens its contexts here, so scope is enforced in one place.
/// </summary>
internal sealed class ScopedDb(IDbContextFactory<ReformDbContext> factory, UserScope scope)
{
    /// <summary>The acting user's subtree (see <see cref="UserScope"/>): part of the key of every remembered answer.</summary>
    public Task<string?> PathAsync(CancellationToken cancellationToken = default) => scope.PathAsync(cancellationToken);

    public async Task<ReformDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        var path = await scope.PathAsync(cancellationToken);
        var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ScopePath = path;
        return db;
    }

    /// <summary>A measure may be led only by a unit in the user's subtree, or the user could not see it afterwards.</summary>
    public async Task CheckLeadUnitAsync(int? unitId, CancellationToken cancellationToken = default)
    {
        var path = await scope.PathAsync(cancellationToken);
        if (path is null || unitId is null)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Units.AnyAsync(u => u.Id == unitId && !u.Path.StartsWith(path), cancellationToken))
        {
            throw new RuleViolation("MeasureIsLedWithinYourScope",
                "You may only give a measure to a unit in your own part of the organisation.", "leadUnitId");
        }
    }
}
