using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

/// <summary>
/// The chronicle's facts from the ledger: each key measure completed. A measure is key when the
/// office tags it <see cref="KeyTag"/> (重点); the ledger has thousands of measures and only these
/// belong in the chronicle (see docs/decisions/0015-chronicle-derivation.md).
/// </summary>
internal sealed class LedgerChronicle : IChronicleSource
{
    public const string KeyTag = "重点";

    public async Task<IReadOnlyList<ChronicleFact>> FactsAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        var completed = await db.Measures.AsNoTracking()
            .Where(m => m.Status == MeasureStatus.Completed && m.CompletedOn != null && m.Tags.Contains(KeyTag))
            .Select(m => new { m.Id, m.Title, m.CompletedOn, m.LeadUnitId })
            .ToListAsync(cancellationToken);

        return completed
            .Select(m => new ChronicleFact($"measure-completed:{m.Id}", m.CompletedOn!.Value, ChronicleCategory.Measure,
                m.Title, "measure", m.Id, m.LeadUnitId))
            .ToList();
    }
}
