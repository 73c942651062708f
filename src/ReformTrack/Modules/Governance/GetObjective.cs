using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

internal sealed record ObjectiveRef(int Id, string Code, string Title, ObjectiveLevel Level);

internal sealed record ObjectiveDetail(
    int Id,
    string Code,
    string Title,
    ObjectiveLevel Level,
    int? ParentId,
    ObjectiveRef? Parent,
    string Path,
    int SortOrder,
    IReadOnlyList<ObjectiveRef> Children,
    int Measures,
    int MeasuresInSubtree,
    int Version);

internal sealed class GetObjective(IDbContextFactory<ReformDbContext> dbFactory)
{
    public async Task<ObjectiveDetail> RunAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var objective = await db.Objectives.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
                        ?? throw new NotFound("Objective", id);
        var parent = objective.ParentId is { } parentId
            ? await db.Objectives.AsNoTracking().Where(o => o.Id == parentId)
                .Select(o => new ObjectiveRef(o.Id, o.Code, o.Title, o.Level)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var children = await db.Objectives.AsNoTracking().Where(o => o.ParentId == id)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Code)
            .Select(o => new ObjectiveRef(o.Id, o.Code, o.Title, o.Level)).ToListAsync(cancellationToken);
        var own = await db.Measures.CountAsync(m => m.ObjectiveId == id, cancellationToken);
        var prefix = objective.Path;
        var subtree = await db.Measures.CountAsync(
            m => db.Objectives.Any(o => o.Id == m.ObjectiveId && o.Path.StartsWith(prefix)), cancellationToken);

        return new ObjectiveDetail(objective.Id, objective.Code, objective.Title, objective.Level, objective.ParentId,
            parent, objective.Path, objective.SortOrder, children, own, subtree, objective.Version);
    }
}
