using Microsoft.Extensions.Time.Testing;

namespace ReformTrack.BrowserTests;

/// <summary>
/// The browser host's clock: the date and time are the test's fake clock (the demo data is dated
/// against it), but timers and elapsed time run on the real clock. MudBlazor's components take their
/// timers from the same <see cref="TimeProvider"/> service as the app: on a frozen clock a search box's
/// debounce never fires, so typing never reaches the search (see docs/decisions/0036).
/// </summary>
internal sealed class FrozenDateClock(FakeTimeProvider clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override long TimestampFrequency => TimeProvider.System.TimestampFrequency;

    public override long GetTimestamp() => TimeProvider.System.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);
}
