using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;

namespace ReformTrack.Modules.Parks;

/// <summary>The headline figures: parks per tier, national demonstration bases, clusters and chains.</summary>
internal sealed record ParkSummary(int Parks, int HundredBillionParks, int FiftyBillionParks, int TenBillionParks,
    int NationalDemonstrationBases, int Clusters, int Chains);

internal sealed class GetParkSummary(ScopedDb dbFactory)
{
    public async Task<ParkSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var outputs = await db.Parks.AsNoTracking().Select(p => p.AnnualOutput).ToListAsync(cancellationToken);
        var tiers = outputs.Select(OutputTierRule.Of).ToList();
        var bases = await db.ParkDesignations.CountAsync(d => d.Kind == DesignationKind.NewIndustrialisationBase
                                                              && d.Level == DesignationLevel.National, cancellationToken);
        return new ParkSummary(outputs.Count,
            tiers.Count(t => t == OutputTier.HundredBillion),
            tiers.Count(t => t == OutputTier.FiftyBillion),
            tiers.Count(t => t == OutputTier.TenBillion),
            bases,
            await db.Clusters.CountAsync(cancellationToken),
            await db.Chains.CountAsync(cancellationToken));
    }
}
