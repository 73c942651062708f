using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

/// <summary>
/// The chronicle events diffusion records support: a pilot granted (on its grant date), a case or
/// honour awarded (filed under the first day of its year, which is all an honour records), and an
/// innovation first introduced.
/// </summary>
internal sealed class DiffusionChronicle : IChronicleSource
{
    public async Task<IReadOnlyList<ChronicleFact>> FactsAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        var pilots = await db.Pilots.AsNoTracking()
            .Where(p => p.GrantedOn != null && p.Status != PilotStatus.Applied)
            .Select(p => new { p.Id, p.Name, GrantedOn = p.GrantedOn!.Value, p.HolderUnitId })
            .ToListAsync(cancellationToken);
        var honours = await db.Honours.AsNoTracking()
            .Select(h => new { h.Id, h.Title, h.Year, h.UnitId })
            .ToListAsync(cancellationToken);
        var innovations = await db.Innovations.AsNoTracking()
            .Select(i => new { i.Id, i.Title, i.FirstIntroducedOn, i.OriginUnitId })
            .ToListAsync(cancellationToken);

        return pilots.Select(p => new ChronicleFact($"pilot-granted:{p.Id}", p.GrantedOn, ChronicleCategory.Pilot, p.Name, "pilot",
                p.Id, p.HolderUnitId))
            .Concat(honours.Select(h => new ChronicleFact($"case-awarded:{h.Id}", new DateOnly(h.Year, 1, 1), ChronicleCategory.Case,
                h.Title, "case", h.Id, h.UnitId)))
            .Concat(innovations.Select(i => new ChronicleFact($"innovation-introduced:{i.Id}", i.FirstIntroducedOn,
                ChronicleCategory.Innovation, i.Title, "innovation", i.Id, i.OriginUnitId)))
            .ToList();
    }
}
