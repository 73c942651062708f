namespace ReformTrack.Modules.Accounts;

/// <summary>
/// What a user may do. Admin: everything everywhere. Office: manage measures and review reports
/// in its unit's subtree. Leader: read in scope. Liaison: report on the measures its unit leads or
/// co-leads. Viewer: read in scope.
/// </summary>
public enum Role
{
    Admin,
    Office,
    Leader,
    Liaison,
    Viewer,
}
