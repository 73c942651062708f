using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

/// <summary>Shows a case or honour on the public portal, or takes it off; an honour outside the caller's scope is not found.</summary>
internal sealed class PublishHonour(ScopedDb scopedDb)
{
    public async Task RunAsync(int id, bool published, CancellationToken cancellationToken = default)
    {
        await using var db = await scopedDb.CreateDbContextAsync(cancellationToken);
        var honour = await db.Honours.FirstOrDefaultAsync(h => h.Id == id, cancellationToken) ?? throw new NotFound("Honour", id);
        honour.Publish(published);
        await db.SaveChangesAsync(cancellationToken);
    }
}
