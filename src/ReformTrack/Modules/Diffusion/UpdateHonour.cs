using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

internal sealed class UpdateHonour(ScopedDb scopedDb, GetHonour getHonour)
{
    public async Task<HonourDetail> RunAsync(int id, int ifMatch, HonourInput input, CancellationToken cancellationToken = default)
    {
        await using (var db = await scopedDb.CreateDbContextAsync(cancellationToken))
        {
            var honour = await db.Honours.FirstOrDefaultAsync(h => h.Id == id, cancellationToken) ?? throw new NotFound("Honour", id);
            StaleVersion.Check("Honour", id, ifMatch, honour.Version);
            honour.Describe(await CreateHonour.ResolveAsync(db, input, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getHonour.RunAsync(id, cancellationToken);
    }
}
