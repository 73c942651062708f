using Microsoft.AspNetCore.Identity;

namespace ReformTrack.Modules.Accounts;

/// <summary>A person who signs in: an email, a role and the unit whose subtree is the user's scope.</summary>
internal sealed class User : IdentityUser<int>
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = "";
    public Role Role { get; set; }

    /// <summary>The unit whose subtree the user works in; null only for administrators.</summary>
    public int? UnitId { get; set; }

    public DateTime CreatedAt { get; set; }
}
