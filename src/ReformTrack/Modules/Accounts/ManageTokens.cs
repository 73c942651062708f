using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Accounts;

/// <summary>A token as its owner sees it later: never the secret.</summary>
internal sealed record TokenRow(int Id, string Name, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt, bool Active);

/// <summary>A new token; <see cref="Secret"/> is shown once and only its hash is kept.</summary>
internal sealed record CreatedToken(int Id, string Name, DateTime? ExpiresAt, string Secret);

/// <summary>Personal access tokens: created for a user, listed without their secret, revoked.</summary>
internal sealed class ManageTokens(IDbContextFactory<ReformDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxLifetimeDays = 366;

    public async Task<CreatedToken> CreateAsync(int userId, string? name, int? expiresInDays,
        CancellationToken cancellationToken = default)
    {
        var tokenName = Fields.Required(name, AccessToken.NameMaxLength, "name");
        if (string.Equals(tokenName, AccessToken.CalendarFeedName, StringComparison.OrdinalIgnoreCase))
        {
            throw new RuleViolation("TokenNameIsReserved", "The name '{0}' is reserved for the calendar feed link.", "name",
                AccessToken.CalendarFeedName);
        }
        if (expiresInDays is < 1 or > MaxLifetimeDays)
        {
            throw new RuleViolation("TokenLifetimeIsBounded", "A token lives between 1 and {0} days.", "expires",
                MaxLifetimeDays);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            throw new NotFound("User", userId);
        }

        var now = clock.UtcNow();
        var secret = AccessToken.NewSecret();
        var token = new AccessToken
        {
            UserId = userId,
            Name = tokenName,
            Hash = AccessToken.HashOf(secret),
            CreatedAt = now,
            ExpiresAt = expiresInDays is { } days ? now.AddDays(days) : null,
        };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedToken(token.Id, token.Name, token.ExpiresAt, secret);
    }

    public async Task<IReadOnlyList<TokenRow>> ListAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.UtcNow();
        var tokens = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId && t.Name != AccessToken.CalendarFeedName).OrderBy(t => t.Id)
            .ToListAsync(cancellationToken);
        return tokens.Select(t => new TokenRow(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.IsActive(now))).ToList();
    }

    /// <summary>Revokes one of the user's own tokens; someone else's token is not found.</summary>
    public async Task RevokeAsync(int userId, int tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken)
                    ?? throw new NotFound("AccessToken", tokenId);
        token.RevokedAt ??= clock.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A new calendar feed link for the user, in place of the one they had (which stops working).
    /// Returns the secret, shown once; only its hash is kept.
    /// </summary>
    public async Task<string> ReplaceCalendarFeedAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            throw new NotFound("User", userId);
        }

        var now = clock.UtcNow();
        foreach (var old in await ActiveFeedsAsync(db, userId, cancellationToken))
        {
            old.RevokedAt = now;
        }

        var secret = AccessToken.NewSecret(AccessToken.CalendarPrefix);
        db.AccessTokens.Add(new AccessToken
        {
            UserId = userId,
            Name = AccessToken.CalendarFeedName,
            Hash = AccessToken.HashOf(secret),
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    /// <summary>Revokes the user's calendar feed link, if they have one.</summary>
    public async Task RevokeCalendarFeedAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.UtcNow();
        foreach (var old in await ActiveFeedsAsync(db, userId, cancellationToken))
        {
            old.RevokedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>When the user's working calendar feed link was made; null when they have none.</summary>
    public async Task<DateTime?> CalendarFeedCreatedAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await ActiveFeedsAsync(db, userId, cancellationToken)).Select(t => (DateTime?)t.CreatedAt).Max();
    }

    /// <summary>
    /// The owner of a calendar feed link: null for an unknown or revoked link, for an API token's
    /// secret, and for a user who is disabled or locked out.
    /// </summary>
    public async Task<User?> CalendarFeedOwnerAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (secret is null || !secret.StartsWith(AccessToken.CalendarPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = AccessToken.HashOf(secret);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.AccessTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.Name == AccessToken.CalendarFeedName)
            .Join(db.Users.AsNoTracking(), t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !found.Token.IsActive(clock.UtcNow())
            || found.User.LockoutEnd is { } lockedUntil && lockedUntil > clock.GetUtcNow())
        {
            return null;
        }

        return found.User;
    }

    private async Task<List<AccessToken>> ActiveFeedsAsync(ReformDbContext db, int userId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var feeds = await db.AccessTokens
            .Where(t => t.UserId == userId && t.Name == AccessToken.CalendarFeedName && t.RevokedAt == null)
            .ToListAsync(cancellationToken);
        return feeds.Where(t => t.IsActive(now)).ToList();
    }

    /// <summary>"30d" or "30" as days; null for a token that does not expire.</summary>
    public static int? ParseDays(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = text.Trim().TrimEnd('d', 'D');
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
            out var days)
            ? days
            : throw new RuleViolation("TokenLifetimeIsBounded", "A token lives between 1 and {0} days.", "expires",
                MaxLifetimeDays);
    }
}
