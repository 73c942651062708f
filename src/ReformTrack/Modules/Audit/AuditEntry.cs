using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReformTrack.Modules.Audit;

/// <summary>What happened to an entity.</summary>
public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// One change of one domain entity: who, when, what, and its values before and after (JSON).
/// Entries are numbered without gaps and each holds the hash of the one before it, so changing,
/// removing or inserting a row breaks the chain at that row.
/// </summary>
internal sealed class AuditEntry
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public long Id { get; set; }
    public DateTime At { get; set; }
    public string Actor { get; set; } = "";
    public string Entity { get; set; } = "";
    public string EntityId { get; set; } = "";
    public AuditAction Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string PreviousHash { get; set; } = Genesis;
    public string Hash { get; set; } = "";

    /// <summary>SHA-256 over every field but the hash itself, each length-prefixed so no two entries read alike.</summary>
    public string ComputeHash()
    {
        var text = Field(Id.ToString(CultureInfo.InvariantCulture)) + Body() + Field(PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// The hashed text between the id and the previous hash, that is every field known before the
    /// entry takes its place in the chain. PostgreSQL appends entries by hashing
    /// <c>Field(id) + Body() + Field(previous)</c> itself (<c>AuditTrail</c>), so the two must agree.
    /// </summary>
    public string Body() =>
        string.Concat(Field(DateTime.SpecifyKind(At, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture)), Field(Actor), Field(Entity),
            Field(EntityId), Field(Action.ToString()), Field(Before ?? "\u0000"), Field(After ?? "\u0000"));

    private static string Field(string value) => $"{value.Length.ToString(CultureInfo.InvariantCulture)}:{value}|";
}
