using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;

namespace ReformTrack.Modules.Diffusion;

internal sealed record YearLevelCount(int Year, ReplicationLevel Level, int Count);

/// <summary>
/// "Pioneered N, replicated at each level M" for a unit's subtree (or everything in scope).
/// Pioneered counts innovations whose origin lies in the subtree; each level counts their
/// replications at that level, where an adopter is recorded once per innovation and level (ADR 13).
/// </summary>
internal sealed record DiffusionSummary(int? UnitId, int Pioneered, int Replicated, IReadOnlyList<LevelCount> ReplicationsByLevel,
    IReadOnlyList<YearLevelCount> ReplicationsPerYear);

internal sealed class SummariseDiffusion(ScopedDb scopedDb)
{
    public async Task<DiffusionSummary> RunAsync(int? unitId, CancellationToken cancellationToken = default)
    {
        await using var db = await scopedDb.CreateDbContextAsync(cancellationToken);
        var innovations = db.Innovations.AsNoTracking();
        if (unitId is { } id)
        {
            var prefix = await DiffusionScope.SubtreeAsync(db, id, cancellationToken);
            var subtree = db.Units.Where(u => u.Path.StartsWith(prefix)).Select(u => u.Id);
            innovations = innovations.Where(i => subtree.Contains(i.OriginUnitId));
        }

        var ids = innovations.Select(i => i.Id);
        var pioneered = await innovations.CountAsync(cancellationToken);
        var replications = db.Replications.AsNoTracking().Where(r => ids.Contains(r.InnovationId));
        var byLevel = await replications.GroupBy(r => r.Level)
            .Select(g => new { Level = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Level, g => g.Count, cancellationToken);
        var perYear = await replications.GroupBy(r => new { r.AdoptedOn.Year, r.Level })
            .Select(g => new YearLevelCount(g.Key.Year, g.Key.Level, g.Count()))
            .ToListAsync(cancellationToken);

        return new DiffusionSummary(unitId, pioneered, byLevel.Values.Sum(),
            Enum.GetValues<ReplicationLevel>().Select(l => new LevelCount(l, byLevel.GetValueOrDefault(l))).ToList(),
            perYear.OrderBy(y => y.Year).ThenBy(y => y.Level).ToList());
    }
}
