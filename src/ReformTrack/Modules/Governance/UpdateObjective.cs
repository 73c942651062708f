using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

/// <summary>Changes an objective; a new parent moves its subtree (paths and levels) in the same save.</summary>
internal sealed class UpdateObjective(IDbContextFactory<ReformDbContext> dbFactory, GetObjective getObjective)
{
    public async Task<ObjectiveDetail> RunAsync(int id, int ifMatch, ObjectiveInput input,
        CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var objective = await db.Objectives.FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
                            ?? throw new NotFound("Objective", id);
            StaleVersion.Check("Objective", id, ifMatch, objective.Version);
            objective.Describe(input.Code, input.Title, input.SortOrder);

            if (input.ParentId != objective.ParentId)
            {
                var parent = input.ParentId is { } parentId
                    ? await db.Objectives.FirstOrDefaultAsync(o => o.Id == parentId, cancellationToken)
                      ?? throw References.Missing("objective", parentId, "parentId")
                    : null;
                var oldPath = objective.Path;
                var descendants = await db.Objectives
                    .Where(o => o.Path.StartsWith(oldPath) && o.Id != id)
                    .ToListAsync(cancellationToken);
                var levelsBelow = descendants.Count == 0
                    ? 0
                    : descendants.Max(d => TreePath.Depth(d.Path)) - TreePath.Depth(oldPath);
                objective.PlaceUnder(parent, levelsBelow);
                foreach (var descendant in descendants)
                {
                    descendant.FollowAncestor(oldPath, objective.Path);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return await getObjective.RunAsync(id, cancellationToken);
    }
}
