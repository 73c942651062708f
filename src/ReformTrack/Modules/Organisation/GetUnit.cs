using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Organisation;

internal sealed record UnitRef(int Id, string Code, string Name, UnitKind Kind);

internal sealed record UnitDetail(
    int Id,
    string Code,
    string Name,
    UnitKind Kind,
    int? ParentId,
    UnitRef? Parent,
    int Depth,
    string Path,
    IReadOnlyList<UnitRef> Children,
    int MeasuresLed,
    int MeasuresLedInSubtree,
    int Version);

/// <summary>One unit with its sub-units and the measures it leads, itself and with everything under it.</summary>
internal sealed class GetUnit(IDbContextFactory<ReformDbContext> dbFactory)
{
    public async Task<UnitDetail> RunAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
                   ?? throw new NotFound("Unit", id);
        var parent = unit.ParentId is { } parentId
            ? await db.Units.AsNoTracking().Where(u => u.Id == parentId)
                .Select(u => new UnitRef(u.Id, u.Code, u.Name, u.Kind)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var children = await db.Units.AsNoTracking().Where(u => u.ParentId == id).OrderBy(u => u.Code)
            .Select(u => new UnitRef(u.Id, u.Code, u.Name, u.Kind)).ToListAsync(cancellationToken);
        var own = await db.Measures.CountAsync(m => m.LeadUnitId == id, cancellationToken);
        var prefix = unit.Path;
        var subtree = await db.Measures.CountAsync(
            m => db.Units.Any(u => u.Id == m.LeadUnitId && u.Path.StartsWith(prefix)), cancellationToken);

        return new UnitDetail(unit.Id, unit.Code, unit.Name, unit.Kind, unit.ParentId, parent, unit.Depth, unit.Path,
            children, own, subtree, unit.Version);
    }
}
