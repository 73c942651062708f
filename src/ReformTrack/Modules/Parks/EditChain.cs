using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Parks;

internal sealed record ClusterInput(string? Name, string? Description, int SortOrder);

internal sealed record EnterpriseInput(string? Name, int? ParkId);

/// <summary>
/// What a client sends to create or change a chain: the whole membership, replaced at once. Indicator
/// links are replaced only when <see cref="IndicatorIds"/> is given; left out, they stay as they are.
/// </summary>
internal sealed record ChainInput(string? Name, int? ClusterId, string? Description, int SortOrder,
    IReadOnlyList<int>? ParkIds, IReadOnlyList<EnterpriseInput>? Enterprises, IReadOnlyList<int>? MeasureIds,
    IReadOnlyList<int>? IndicatorIds = null);

/// <summary>Creates and changes clusters and chains.</summary>
internal sealed class EditChain(ScopedDb dbFactory, GetChain getChain, IIndicatorSummaries indicators)
{
    public async Task<ClusterRow> CreateClusterAsync(ClusterInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cluster = new Cluster { Name = "" };
        cluster.Describe(input.Name, input.Description, input.SortOrder);
        db.Clusters.Add(cluster);
        await db.SaveChangesAsync(cancellationToken);
        return new ClusterRow(cluster.Id, cluster.Name, cluster.Description, cluster.SortOrder, 0, cluster.Version);
    }

    public async Task<ClusterRow> UpdateClusterAsync(int id, int ifMatch, ClusterInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cluster = await db.Clusters.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFound("Cluster", id);
        StaleVersion.Check("Cluster", id, ifMatch, cluster.Version);
        cluster.Describe(input.Name, input.Description, input.SortOrder);
        await db.SaveChangesAsync(cancellationToken);
        return new ClusterRow(cluster.Id, cluster.Name, cluster.Description, cluster.SortOrder,
            await db.Chains.CountAsync(c => c.ClusterId == id, cancellationToken), cluster.Version);
    }

    public async Task<ChainDetail> CreateAsync(ChainInput input, CancellationToken cancellationToken = default)
    {
        int id;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var chain = new Chain { Name = "" };
            await ApplyAsync(db, chain, input, indicators, cancellationToken);
            db.Chains.Add(chain);
            await db.SaveChangesAsync(cancellationToken);
            id = chain.Id;
        }

        return await getChain.RunAsync(id, cancellationToken);
    }

    public async Task<ChainDetail> UpdateAsync(int id, int ifMatch, ChainInput input, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var chain = await db.Chains.Include(c => c.Parks).Include(c => c.Enterprises).Include(c => c.Measures).Include(c => c.Indicators)
                            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
                        ?? throw new NotFound("Chain", id);
            StaleVersion.Check("Chain", id, ifMatch, chain.Version);
            await ApplyAsync(db, chain, input, indicators, cancellationToken);
            db.Entry(chain).Property(c => c.Version).IsModified = true;
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getChain.RunAsync(id, cancellationToken);
    }

    private static async Task ApplyAsync(ReformDbContext db, Chain chain, ChainInput input, IIndicatorSummaries indicators,
        CancellationToken cancellationToken)
    {
        chain.Describe(input.Name, input.ClusterId, input.Description, input.SortOrder);
        if (!await db.Clusters.AnyAsync(c => c.Id == chain.ClusterId, cancellationToken))
        {
            throw References.Missing("cluster", chain.ClusterId, "clusterId");
        }

        var parkIds = (input.ParkIds ?? []).Distinct().ToList();
        var known = await db.Parks.Where(p => parkIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        if (parkIds.Except(known).FirstOrDefault() is var missingPark and > 0)
        {
            throw References.Missing("park", missingPark, "parkIds");
        }

        var measureIds = (input.MeasureIds ?? []).Distinct().ToList();
        var measures = await db.Measures.Where(m => measureIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        if (measureIds.Except(measures).FirstOrDefault() is var missingMeasure and > 0)
        {
            throw References.Missing("measure", missingMeasure, "measureIds");
        }

        // Members the user cannot see (outside the user's scope) stay: an update only changes what it shows.
        var hiddenParks = await HiddenAsync(chain.Parks.Select(p => p.ParkId), db.Parks.Select(p => p.Id), cancellationToken);
        var hiddenMeasures = await HiddenAsync(chain.Measures.Select(m => m.MeasureId), db.Measures.Select(m => m.Id), cancellationToken);
        chain.SetParks(parkIds.Concat(hiddenParks));
        chain.SetMeasures(measureIds.Concat(hiddenMeasures));
        chain.SetEnterprises((input.Enterprises ?? []).Select(e => (e.Name, e.ParkId)));
        if (input.IndicatorIds is { } given)
        {
            var indicatorIds = given.Distinct().ToList();
            var visible = await indicators.VisibleAsync(indicatorIds, cancellationToken);
            if (indicatorIds.Except(visible).FirstOrDefault() is var missingIndicator and > 0)
            {
                throw References.Missing("indicator", missingIndicator, "indicatorIds");
            }

            var linked = chain.Indicators.Select(i => i.IndicatorId).ToList();
            var hiddenIndicators = linked.Except(await indicators.VisibleAsync(linked, cancellationToken));
            chain.SetIndicators(indicatorIds.Concat(hiddenIndicators));
        }
    }

    private static async Task<List<int>> HiddenAsync(IEnumerable<int> members, IQueryable<int> visible, CancellationToken cancellationToken)
    {
        var ids = members.ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var seen = await visible.Where(id => ids.Contains(id)).ToListAsync(cancellationToken);
        return ids.Except(seen).ToList();
    }
}
