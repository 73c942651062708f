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
    public static string NewSecret() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
