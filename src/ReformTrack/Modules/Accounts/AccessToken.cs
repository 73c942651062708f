using System.Security.Cryptography;
using System.Text;

namespace ReformTrack.Modules.Accounts;

/// <summary>
/// A personal access token for API clients. Only the SHA-256 of the secret is stored: the token
/// holds 256 random bits, so a fast hash is enough and a stolen table reveals no usable token.
/// </summary>
internal sealed class AccessToken
{
    public const string Prefix = "rt_";

    /// <summary>
    /// A calendar feed link's secret starts so: it opens the owner's deadline feed and nothing else
    /// (the bearer scheme refuses it). The prefix is part of what is hashed, so an API token cannot
    /// serve as a feed link either.
    /// </summary>
    public const string CalendarPrefix = "rtcal_";

    /// <summary>The reserved name of the row that holds a user's calendar feed link.</summary>
    public const string CalendarFeedName = "calendar feed";
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public int UserId { get; set; }
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public bool IsActive(DateTime nowUtc) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > nowUtc);

    /// <summary>A new secret: the prefix and 32 random bytes, URL-safe.</summary>
    public static string NewSecret(string prefix = Prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public bool IsCalendarFeed => Name == CalendarFeedName;

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
