using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

internal sealed class UpdatePilot(ScopedDb scopedDb, GetPilot getPilot)
{
    public async Task<PilotDetail> RunAsync(int id, int ifMatch, PilotInput input, CancellationToken cancellationToken = default)
    {
        await using (var db = await scopedDb.CreateDbContextAsync(cancellationToken))
        {
            var pilot = await db.Pilots.Include(p => p.Measures).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
                        ?? throw new NotFound("Pilot", id);
            StaleVersion.Check("Pilot", id, ifMatch, pilot.Version);
            pilot.Describe(input.Description);
            pilot.MoveTo(input.Status ?? pilot.Status);
            await DiffusionScope.CheckUnitAsync(db, pilot.HolderUnitId, "holderUnitId", required: false, cancellationToken);
            pilot.LinkMeasures(await DiffusionScope.MeasuresAsync(db, input.MeasureIds, cancellationToken));
            db.Entry(pilot).Property(p => p.Version).IsModified = true;
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getPilot.RunAsync(id, cancellationToken);
    }
}
