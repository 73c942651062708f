using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

internal sealed class UpdateInnovation(ScopedDb scopedDb, GetInnovation getInnovation)
{
    public async Task<InnovationDetail> RunAsync(int id, int ifMatch, InnovationInput input,
        CancellationToken cancellationToken = default)
    {
        await using (var db = await scopedDb.CreateDbContextAsync(cancellationToken))
        {
            var innovation = await db.Innovations.Include(i => i.Replications).Include(i => i.Measures)
                                 .FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
                             ?? throw new NotFound("Innovation", id);
            StaleVersion.Check("Innovation", id, ifMatch, innovation.Version);
            innovation.Describe(input.Title, input.OriginUnitId, input.FirstIntroducedOn, input.Description, input.Evidence);
            if (innovation.Replications.Exists(r => r.AdopterUnitId == innovation.OriginUnitId))
            {
                throw new RuleViolation("OriginDoesNotReplicateItsOwnInnovation",
                    "The unit that introduced the innovation is its origin, not an adopter.", "originUnitId");
            }

            await DiffusionScope.CheckUnitAsync(db, innovation.OriginUnitId, "originUnitId", required: true, cancellationToken);
            innovation.LinkMeasures(await DiffusionScope.MeasuresAsync(db, input.MeasureIds, cancellationToken));
            db.Entry(innovation).Property(i => i.Version).IsModified = true;
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getInnovation.RunAsync(id, cancellationToken);
    }
}
