using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

/// <summary>
/// Pilots granted to a unit's subtree, cases and honours it won, and replications of the innovations
/// it pioneered, within a period. Unscoped: the appraisal engine reads every unit it appraises.
/// A pilot counts on its grant date unless it is still only applied for or was withdrawn; an honour
/// counts in its award year (the period's years, inclusive); a replication on its adoption date.
/// </summary>
internal sealed class UnitDistinctions(IDbContextFactory<ReformDbContext> dbFactory) : IUnitDistinctions
{
    public async Task<IReadOnlyDictionary<int, DistinctionCounts>> CountAsync(IReadOnlyCollection<int> unitIds, DateOnly from,
        DateOnly to, CancellationToken cancellationToken)
    {
        var ids = unitIds.Distinct().ToArray();
        var result = ids.ToDictionary(id => id, _ => DistinctionCounts.None);
        if (ids.Length == 0)
        {
            return result;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = db.Units.AsNoTracking().Where(u => ids.Contains(u.Id));
        var pilots = await units.Select(u => new
            {
                u.Id,
                Count = db.Pilots.Count(p => p.GrantedOn >= from && p.GrantedOn <= to
                                             && p.Status != PilotStatus.Applied && p.Status != PilotStatus.Withdrawn
                                             && db.Units.Any(h => h.Id == p.HolderUnitId && h.Path.StartsWith(u.Path))),
            })
            .ToDictionaryAsync(x => x.Id, x => x.Count, cancellationToken);
        var honours = await units.Select(u => new
            {
                u.Id,
                Count = db.Honours.Count(h => h.Year >= from.Year && h.Year <= to.Year
                                              && db.Units.Any(w => w.Id == h.UnitId && w.Path.StartsWith(u.Path))),
            })
            .ToDictionaryAsync(x => x.Id, x => x.Count, cancellationToken);
        var replications = await units.Select(u => new
            {
                u.Id,
                Count = db.Replications.Count(r => r.AdoptedOn >= from && r.AdoptedOn <= to
                                                   && db.Innovations.Any(i => i.Id == r.InnovationId
                                                                              && db.Units.Any(o => o.Id == i.OriginUnitId && o.Path.StartsWith(u.Path)))),
            })
            .ToDictionaryAsync(x => x.Id, x => x.Count, cancellationToken);

        foreach (var id in pilots.Keys)
        {
            result[id] = new DistinctionCounts(pilots[id], honours.GetValueOrDefault(id), replications.GetValueOrDefault(id));
        }

        return result;
    }

    public async Task<IReadOnlyList<Distinction>> ListAsync(int unitId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var prefix = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken);
        if (prefix is null)
        {
            return [];
        }

        var subtree = db.Units.Where(u => u.Path.StartsWith(prefix)).Select(u => u.Id);
        var pilots = await db.Pilots.AsNoTracking()
            .Where(p => p.GrantedOn >= from && p.GrantedOn <= to && p.Status != PilotStatus.Applied
                        && p.Status != PilotStatus.Withdrawn && p.HolderUnitId != null && subtree.Contains(p.HolderUnitId.Value))
            .Select(p => new { p.Id, p.Name, p.GrantedOn, p.Level })
            .ToListAsync(cancellationToken);
        var honours = await db.Honours.AsNoTracking()
            .Where(h => h.Year >= from.Year && h.Year <= to.Year && h.UnitId != null && subtree.Contains(h.UnitId.Value))
            .Select(h => new { h.Id, h.Title, h.Year, h.Level })
            .ToListAsync(cancellationToken);
        var replications = await db.Replications.AsNoTracking()
            .Where(r => r.AdoptedOn >= from && r.AdoptedOn <= to
                        && db.Innovations.Any(i => i.Id == r.InnovationId && subtree.Contains(i.OriginUnitId)))
            .Select(r => new
            {
                r.Id, r.AdoptedOn, r.Level, r.AdopterPlace,
                Innovation = db.Innovations.Where(i => i.Id == r.InnovationId).Select(i => i.Title).First(),
                Adopter = db.Units.Where(u => u.Id == r.AdopterUnitId).Select(u => u.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        return pilots.Select(p => new Distinction(DistinctionKind.PilotGranted, p.Id, p.Name, p.GrantedOn!.Value, LevelName(p.Level)))
            .Concat(honours.Select(h => new Distinction(DistinctionKind.CaseWon, h.Id, h.Title, new DateOnly(h.Year, 1, 1), LevelName(h.Level))))
            .Concat(replications.Select(r => new Distinction(DistinctionKind.Replication, r.Id,
                $"{r.Innovation} → {r.Adopter ?? r.AdopterPlace}", r.AdoptedOn, r.Level.ToString().ToLowerInvariant())))
            .OrderByDescending(d => d.Date).ThenBy(d => d.Kind).ThenBy(d => d.Id)
            .ToList();
    }

    private static string LevelName(GrantLevel level) => level.ToString().ToLowerInvariant();
}
