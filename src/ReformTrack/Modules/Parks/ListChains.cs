using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Chiefs;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Parks;

internal sealed record ClusterRow(int Id, string Name, string? Description, int SortOrder, int Chains, int Version);

internal sealed record ChainRow(int Id, string Name, int ClusterId, string ClusterName, int Parks, int Enterprises,
    int Measures, string? LeaderName, int? LeaderPersonId);

/// <summary>Clusters and chains, in their order; a chain's park count is of the parks the user may see.</summary>
internal sealed class ListChains(ScopedDb dbFactory, ChiefLookup chiefs)
{
    public async Task<IReadOnlyList<ClusterRow>> ClustersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Clusters.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new ClusterRow(c.Id, c.Name, c.Description, c.SortOrder, db.Chains.Count(x => x.ClusterId == c.Id), c.Version))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Names of key enterprises already recorded on any chain that contain <paramref name="text"/>, for a form to offer.</summary>
    public async Task<IReadOnlyList<string>> EnterpriseNamesAsync(string? text, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = db.ChainEnterprises.AsNoTracking().Select(e => e.Name);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            names = names.Where(n => n.Contains(t));
        }

        return await names.Distinct().OrderBy(n => n).Take(Math.Clamp(max, 1, PageRequest.MaxSize)).ToListAsync(cancellationToken);
    }

    public async Task<Page<ChainRow>> ChainsAsync(int? clusterId, int? parkId, string? text, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chains = db.Chains.AsNoTracking();
        if (clusterId is { } cluster)
        {
            chains = chains.Where(c => c.ClusterId == cluster);
        }

        if (parkId is { } park)
        {
            chains = chains.Where(c => db.ChainParks.Any(p => p.ChainId == c.Id && p.ParkId == park));
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            chains = chains.Where(c => c.Name.Contains(t));
        }

        var total = await chains.CountAsync(cancellationToken);
        var rows = await chains
            .OrderBy(c => db.Clusters.Where(k => k.Id == c.ClusterId).Select(k => k.SortOrder).First())
            .ThenBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Skip(page.Skip).Take(page.Size)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.ClusterId,
                ClusterName = db.Clusters.Where(k => k.Id == c.ClusterId).Select(k => k.Name).First(),
                Parks = db.ChainParks.Count(p => p.ChainId == c.Id && db.Parks.Any(x => x.Id == p.ParkId)),
                Enterprises = db.ChainEnterprises.Count(e => e.ChainId == c.Id),
                Measures = db.ChainMeasures.Count(m => m.ChainId == c.Id && db.Measures.Any(x => x.Id == m.MeasureId)),
            })
            .ToListAsync(cancellationToken);
        var leaders = (await chiefs.CurrentAsync(db, ChiefObjectKind.Chain, rows.Select(r => r.Id).ToList(), cancellationToken))
            .ToLookup(c => c.ObjectId);
        var items = rows.Select(r =>
        {
            var leader = leaders[r.Id].FirstOrDefault();
            return new ChainRow(r.Id, r.Name, r.ClusterId, r.ClusterName, r.Parks, r.Enterprises, r.Measures,
                leader?.PersonName, leader?.PersonId);
        }).ToList();
        return new Page<ChainRow>(items, total, page.Number, page.Size);
    }
}
