using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Organisation;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

/// <summary>
/// The chronicle's facts from governance: a reform commission founded (its first meeting) and each
/// document passed at a meeting. Events of a top body (a commission with no unit above it) belong to
/// the whole programme, so they carry no unit; a working group's carry the group.
/// </summary>
internal sealed class GovernanceChronicle : IChronicleSource
{
    public async Task<IReadOnlyList<ChronicleFact>> FactsAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        var bodies = await db.Units.AsNoTracking()
            .Where(u => db.Meetings.Any(m => m.BodyUnitId == u.Id))
            .Select(u => new { u.Id, u.ParentId, u.Kind })
            .ToDictionaryAsync(u => u.Id, cancellationToken);

        var firstMeetings = await db.Meetings.AsNoTracking()
            .Where(m => db.Units.Any(u => u.Id == m.BodyUnitId && u.Kind == UnitKind.Commission))
            .Where(m => !db.Meetings.Any(o => o.BodyUnitId == m.BodyUnitId
                                              && (o.HeldOn < m.HeldOn || (o.HeldOn == m.HeldOn && o.Number < m.Number))))
            .Select(m => new { m.Id, m.BodyUnitId, m.HeldOn, m.Title })
            .ToListAsync(cancellationToken);

        var passed = await db.DocumentReviews.AsNoTracking()
            .Where(r => r.Outcome == ReviewOutcome.Passed)
            .Join(db.Meetings, r => r.MeetingId, m => m.Id, (r, m) => new { r.DocumentId, m.HeldOn, m.BodyUnitId })
            .Join(db.Documents, x => x.DocumentId, d => d.Id, (x, d) => new { x.DocumentId, x.HeldOn, x.BodyUnitId, d.Number, d.Title })
            .ToListAsync(cancellationToken);

        int? UnitOf(int bodyId) => bodies.TryGetValue(bodyId, out var body) && body.ParentId is not null ? bodyId : null;

        return
        [
            .. firstMeetings.Select(m => new ChronicleFact($"commission-founded:{m.BodyUnitId}", m.HeldOn,
                ChronicleCategory.Commission, m.Title, "meeting", m.Id, UnitOf(m.BodyUnitId))),
            .. passed.Select(p => new ChronicleFact($"document-passed:{p.DocumentId}", p.HeldOn,
                ChronicleCategory.Document, $"《{p.Title}》（{p.Number}）", "document", p.DocumentId, UnitOf(p.BodyUnitId))),
        ];
    }
}
