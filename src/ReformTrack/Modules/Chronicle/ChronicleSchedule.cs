using Microsoft.EntityFrameworkCore;

namespace ReformTrack.Modules.Chronicle;

/// <summary>
/// Derives the chronicle every <c>Chronicle:DeriveEvery</c> (default one hour; zero turns it off) in
/// the running application, on the application's <see cref="TimeProvider"/>. A failed run is logged
/// and the next one tries again; deriving is idempotent, so a missed run loses nothing.
/// </summary>
internal sealed class ChronicleSchedule(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration,
    ILogger<ChronicleSchedule> logger) : BackgroundService
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue<TimeSpan?>("Chronicle:DeriveEvery") ?? DefaultInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<DeriveChronicle>().RunAsync(stoppingToken);
                if (result.Added > 0)
                {
                    logger.LogInformation("Derived {Added} new chronicle events from {Facts} facts.", result.Added, result.Facts);
                }
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(e, "Deriving the chronicle failed; the next run tries again.");
            }
        }
    }
}
