using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

/// <summary>An objective in the tree, with the measures under it and its sub-objectives.</summary>
internal sealed record ObjectiveRow(int Id, string Code, string Title, ObjectiveLevel Level, int? ParentId, int Depth,
    string Path, int SortOrder, int MeasureCount);

/// <summary>The objective tree (aspects → key tasks → sub-tasks) as a flat list in tree order.</summary>
internal sealed class ListObjectives(IDbContextFactory<ReformDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ObjectiveRow>> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nodes = await db.Objectives.AsNoTracking().ToListAsync(cancellationToken);
        var own = await db.Measures.AsNoTracking()
            .GroupBy(m => m.ObjectiveId)
            .Select(g => new { ObjectiveId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ObjectiveId, g => g.Count, cancellationToken);

        var ordered = TreePath.Order(nodes, o => o.Id, o => o.ParentId, o => $"{o.SortOrder:D10}|{o.Code}");
        var totals = TreePath.SubtreeTotals(ordered, o => o.Id, o => o.ParentId, own);
        return ordered
            .Select(o => new ObjectiveRow(o.Id, o.Code, o.Title, o.Level, o.ParentId, TreePath.Depth(o.Path), o.Path,
                o.SortOrder, totals[o.Id]))
            .ToList();
    }
}
