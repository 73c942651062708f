namespace ReformTrack.Shared;

internal static class ClockExtensions
{
    /// <summary>Today's date where the server runs: deadlines fall due by the office's calendar.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Now in UTC, as stored.</summary>
    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;
}
