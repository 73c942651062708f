using System.Security.Claims;

namespace ReformTrack.Shared;

/// <summary>
/// The authorization policies every endpoint and page names. Roles travel as role claims, the
/// user's unit as <see cref="UnitClaim"/>; the role names are those of <c>Accounts.Role</c>.
/// </summary>
internal static class Policies
{
    /// <summary>Any signed-in user of any role: reading within scope.</summary>
    public const string Read = "read";

    /// <summary>Admin and Office: create and edit measures and milestones, review reports.</summary>
    public const string ManageLedger = "manage-ledger";

    /// <summary>Admin, Office and Liaison: submit and revise progress reports.</summary>
    public const string Report = "report";

    /// <summary>Admin and Office: objectives, meetings, documents.</summary>
    public const string ManageGovernance = "manage-governance";

    /// <summary>Admin and Office: pilots, innovations and their replications, cases and honours.</summary>
    public const string ManageDiffusion = "manage-diffusion";
    /// <summary>Admin and Office: appraisal schemes, runs, publishing and deciding appeals.</summary>
    public const string ManageAppraisal = "manage-appraisal";

    /// <summary>Admin, Office, Leader and Liaison: appeal an appraisal score (a unit user for its own unit).</summary>
    public const string Appeal = "appeal";
    /// <summary>Admin, Office and Leader: open supervision items by hand and close them.</summary>
    public const string Supervise = "supervise";

    /// <summary>Admin and Leader: approve or reject extension requests.</summary>
    public const string DecideExtensions = "decide-extensions";
    /// <summary>Admin and Office: record, edit, hide and delete chronicle events, and derive them.</summary>
    public const string ManageChronicle = "manage-chronicle";
    /// <summary>Admin and Office: parks, clusters, chains, waters, chief assignments, inspections and their issues.</summary>
    public const string ManageParks = "manage-parks";

    /// <summary>Admin only: the unit tree, people, users, the audit trail's verification.</summary>
    public const string Admin = "admin";

    public const string UnitClaim = "reformtrack:unit";
    public const string DisplayNameClaim = "reformtrack:name";

    public static readonly string[] AllRoles = ["Admin", "Office", "Leader", "Liaison", "Viewer"];

    /// <summary>The name recorded as the person acting: the user's display name.</summary>
    public static string ActorName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name
        ?? throw new InvalidOperationException("No signed-in user is acting.");
}
