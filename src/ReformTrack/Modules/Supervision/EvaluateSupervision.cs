using ReformTrack.Data;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;
using Microsoft.EntityFrameworkCore;

namespace ReformTrack.Modules.Supervision;

/// <summary>Runs the daily rules for today (or a given day): from the scheduled job, the API and the command line.</summary>
internal sealed class EvaluateSupervision(IDbContextFactory<ReformDbContext> factory, TimeProvider clock,
    LightThresholds thresholds, SupervisionOptions options)
{
    public async Task<SupervisionRunResult> RunAsync(DateOnly? day = null, bool force = false,
        CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await SupervisionRules.EvaluateAsync(db, day ?? clock.Today(), clock.UtcNow(), thresholds, options, force,
            cancellationToken);
    }
}
