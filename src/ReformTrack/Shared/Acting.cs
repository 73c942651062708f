namespace ReformTrack.Shared;

/// <summary>
/// The name of the person acting in the current request or circuit event, for the audit trail.
/// Set by a middleware after authentication and by a circuit handler around each UI event;
/// null for the system itself (seeding, the command line).
/// </summary>
internal static class Acting
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string? Actor
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}
