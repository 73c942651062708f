using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReformTrack.Data;

namespace ReformTrack.Shared;

/// <summary>Healthy when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(ReformDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
