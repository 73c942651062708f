using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Chiefs;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Parks;

internal sealed record ChainRef(int Id, string Name, int ClusterId, string ClusterName);

/// <summary>A park's scorecard: its figures and tier, designations, chains, chiefs and unresolved issues.</summary>
internal sealed record ParkDetail(
    int Id,
    string Name,
    int DistrictUnitId,
    string DistrictName,
    double? AreaKm2,
    string? MainIndustries,
    double? AnnualOutput,
    int? OutputYear,
    OutputTier Tier,
    IReadOnlyList<DesignationView> Designations,
    IReadOnlyList<ChainRef> Chains,
    IReadOnlyList<string> KeyEnterprises,
    IReadOnlyList<ChiefOfObject> Chiefs,
    IReadOnlyList<OpenIssueOfObject> OpenIssues,
    int Version);

internal sealed class GetPark(ScopedDb dbFactory, ChiefLookup chiefs)
{
    public async Task<ParkDetail> RunAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var park = await db.Parks.AsNoTracking().Include(p => p.Designations).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
                   ?? throw new NotFound("Park", id);
        var district = await db.Units.Where(u => u.Id == park.DistrictUnitId).Select(u => u.Name).FirstAsync(cancellationToken);
        var chains = await db.Chains.AsNoTracking()
            .Where(c => db.ChainParks.Any(cp => cp.ChainId == c.Id && cp.ParkId == id))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new ChainRef(c.Id, c.Name, c.ClusterId, db.Clusters.Where(k => k.Id == c.ClusterId).Select(k => k.Name).First()))
            .ToListAsync(cancellationToken);
        var enterprises = await db.ChainEnterprises.AsNoTracking().Where(e => e.ParkId == id)
            .Select(e => e.Name).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);

        return new ParkDetail(park.Id, park.Name, park.DistrictUnitId, district, park.AreaKm2, park.MainIndustries,
            park.AnnualOutput, park.OutputYear, park.Tier,
            park.Designations.OrderBy(d => d.Level).ThenBy(d => d.Kind).Select(ListParks.View).ToList(),
            chains, enterprises,
            await chiefs.CurrentAsync(db, ChiefObjectKind.Park, [id], cancellationToken),
            await chiefs.UnresolvedAsync(db, ChiefObjectKind.Park, id, cancellationToken),
            park.Version);
    }
}
