using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Organisation;

internal sealed record UnitFilter(int? Under = null, UnitKind? Kind = null, string? Text = null);

/// <summary>A unit in the tree, with the measures led by it and everything under it.</summary>
internal sealed record UnitRow(int Id, string Code, string Name, UnitKind Kind, int? ParentId, int Depth, string Path,
    int MeasureCount);

/// <summary>The unit tree as a flat list in tree order (each unit before its sub-units, siblings by code).</summary>
internal sealed class ListUnits(IDbContextFactory<ReformDbContext> dbFactory)
{
    public async Task<IReadOnlyList<UnitRow>> RunAsync(UnitFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = db.Units.AsNoTracking();
        if (filter.Under is { } under)
        {
            var prefix = await db.Units.Where(u => u.Id == under).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken)
                         ?? throw References.Missing("unit", under, "under");
            units = units.Where(u => u.Path.StartsWith(prefix));
        }

        var nodes = await units
            .Select(u => new { u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path })
            .ToListAsync(cancellationToken);
        var led = await db.Measures.AsNoTracking()
            .GroupBy(m => m.LeadUnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UnitId, g => g.Count, cancellationToken);

        var ordered = TreePath.Order(nodes, n => n.Id, n => n.ParentId, n => n.Code);
        var totals = TreePath.SubtreeTotals(ordered, n => n.Id, n => n.ParentId, led);
        var text = filter.Text?.Trim();
        return ordered
            .Where(n => filter.Kind is null || n.Kind == filter.Kind)
            .Where(n => string.IsNullOrEmpty(text)
                        || n.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                        || n.Code.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Select(n => new UnitRow(n.Id, n.Code, n.Name, n.Kind, n.ParentId, TreePath.Depth(n.Path), n.Path, totals[n.Id]))
            .ToList();
    }
}
