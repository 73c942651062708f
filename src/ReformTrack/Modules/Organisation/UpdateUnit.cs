using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Organisation;

/// <summary>
/// Changes a unit. A move under another parent rewrites the path of the whole subtree in the
/// same save, so the tree is never seen half-moved.
/// </summary>
internal sealed class UpdateUnit(IDbContextFactory<ReformDbContext> dbFactory, GetUnit getUnit)
{
    public async Task<UnitDetail> RunAsync(int id, int ifMatch, UnitInput input, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
                       ?? throw new NotFound("Unit", id);
            StaleVersion.Check("Unit", id, ifMatch, unit.Version);
            unit.Describe(input.Code, input.Name, input.Kind);

            if (input.ParentId != unit.ParentId)
            {
                var parent = input.ParentId is { } parentId
                    ? await db.Units.FirstOrDefaultAsync(u => u.Id == parentId, cancellationToken)
                      ?? throw References.Missing("unit", parentId, "parentId")
                    : null;
                var oldPath = unit.Path;
                unit.PlaceUnder(parent);
                var descendants = await db.Units
                    .Where(u => u.Path.StartsWith(oldPath) && u.Id != id)
                    .ToListAsync(cancellationToken);
                foreach (var descendant in descendants)
                {
                    descendant.FollowAncestor(oldPath, unit.Path);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return await getUnit.RunAsync(id, cancellationToken);
    }
}
