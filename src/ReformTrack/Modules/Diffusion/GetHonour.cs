using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

internal sealed record NamedLink(int Id, string Name);

internal sealed record HonourDetail(
    int Id,
    string Title,
    string AwardingBody,
    GrantLevel Level,
    int Year,
    HonourCategory Category,
    NamedLink? Unit,
    NamedLink? Measure,
    NamedLink? Innovation,
    NamedLink? Pilot,
    string? Description,
    bool Published,
    int Version);

internal sealed class GetHonour(ScopedDb scopedDb)
{
    public async Task<HonourDetail> RunAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await scopedDb.CreateDbContextAsync(cancellationToken);
        var detail = await db.Honours.AsNoTracking().Where(h => h.Id == id)
                         .Select(h => new HonourDetail(h.Id, h.Title, h.AwardingBody, h.Level, h.Year, h.Category,
                             db.Units.Where(u => u.Id == h.UnitId).Select(u => new NamedLink(u.Id, u.Name)).FirstOrDefault(),
                             db.Measures.Where(m => m.Id == h.MeasureId).Select(m => new NamedLink(m.Id, m.Title)).FirstOrDefault(),
                             db.Innovations.Where(i => i.Id == h.InnovationId).Select(i => new NamedLink(i.Id, i.Title)).FirstOrDefault(),
                             db.Pilots.Where(p => p.Id == h.PilotId).Select(p => new NamedLink(p.Id, p.Name)).FirstOrDefault(),
                             h.Description, h.Published, h.Version))
                         .FirstOrDefaultAsync(cancellationToken);
        return detail ?? throw new NotFound("Honour", id);
    }
}
