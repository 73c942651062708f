using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Chiefs;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Parks;

internal sealed record ChainParkView(int Id, string Name, string DistrictName, double? AnnualOutput, OutputTier Tier);

internal sealed record EnterpriseView(string Name, int? ParkId, string? ParkName);

internal sealed record LinkedMeasure(int Id, string Code, string Title);

/// <summary>A chain's page: its leader (the current chief assignment on the chain), parks, enterprises and linked measures.</summary>
internal sealed record ChainDetail(
    int Id,
    string Name,
    string? Description,
    int ClusterId,
    string ClusterName,
    int SortOrder,
    IReadOnlyList<ChiefOfObject> Leaders,
    IReadOnlyList<ChainParkView> Parks,
    IReadOnlyList<EnterpriseView> Enterprises,
    IReadOnlyList<LinkedMeasure> Measures,
    IReadOnlyList<IndicatorSummary> Indicators,
    int Version);

internal sealed class GetChain(ScopedDb dbFactory, ChiefLookup chiefs, IIndicatorSummaries indicators)
{
    public async Task<ChainDetail> RunAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chain = await db.Chains.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
                    ?? throw new NotFound("Chain", id);
        var cluster = await db.Clusters.Where(c => c.Id == chain.ClusterId).Select(c => c.Name).FirstAsync(cancellationToken);
        var parks = (await db.Parks.AsNoTracking()
                .Where(p => db.ChainParks.Any(cp => cp.ChainId == id && cp.ParkId == p.Id))
                .Select(p => new { p.Id, p.Name, District = db.Units.Where(u => u.Id == p.DistrictUnitId).Select(u => u.Name).First(), p.AnnualOutput })
                .ToListAsync(cancellationToken))
            .OrderByDescending(p => p.AnnualOutput ?? -1).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ChainParkView(p.Id, p.Name, p.District, p.AnnualOutput, OutputTierRule.Of(p.AnnualOutput)))
            .ToList();
        var enterprises = await db.ChainEnterprises.AsNoTracking().Where(e => e.ChainId == id).OrderBy(e => e.Id)
            .Select(e => new EnterpriseView(e.Name, e.ParkId, db.Parks.Where(p => p.Id == e.ParkId).Select(p => p.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking()
            .Where(m => db.ChainMeasures.Any(cm => cm.ChainId == id && cm.MeasureId == m.Id))
            .OrderBy(m => m.Code).Select(m => new LinkedMeasure(m.Id, m.Code, m.Title))
            .ToListAsync(cancellationToken);
        var indicatorIds = await db.ChainIndicators.Where(ci => ci.ChainId == id).Select(ci => ci.IndicatorId).ToListAsync(cancellationToken);

        return new ChainDetail(chain.Id, chain.Name, chain.Description, chain.ClusterId, cluster, chain.SortOrder,
            await chiefs.CurrentAsync(db, ChiefObjectKind.Chain, [id], cancellationToken),
            parks, enterprises, measures, await indicators.GetAsync(indicatorIds, cancellationToken), chain.Version);
    }
}
