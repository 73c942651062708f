using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

internal sealed record PilotDetail(
    int Id,
    string Name,
    GrantLevel Level,
    string GrantingBody,
    int? HolderUnitId,
    string? HolderUnitName,
    string? HolderArea,
    DateOnly? GrantedOn,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    string? Obligations,
    PilotStatus Status,
    IReadOnlyList<PilotStatus> NextStatuses,
    DateOnly? EvaluationDueOn,
    DateOnly? EvaluatedOn,
    string? EvaluationOutcome,
    IReadOnlyList<LinkedMeasure> Measures,
    int Version);

/// <summary>One pilot in the user's scope, with the statuses it may move to and its measures.</summary>
internal sealed class GetPilot(ScopedDb scopedDb)
{
    public async Task<PilotDetail> RunAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await scopedDb.CreateDbContextAsync(cancellationToken);
        var pilot = await db.Pilots.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
                    ?? throw new NotFound("Pilot", id);
        var holder = pilot.HolderUnitId is { } unitId
            ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstAsync(cancellationToken)
            : null;
        var measures = await DiffusionScope.LinkedMeasuresAsync(db,
            db.PilotMeasures.Where(m => m.PilotId == id).Select(m => m.MeasureId), cancellationToken);
        return new PilotDetail(pilot.Id, pilot.Name, pilot.Level, pilot.GrantingBody, pilot.HolderUnitId, holder, pilot.HolderArea,
            pilot.GrantedOn, pilot.PeriodStart, pilot.PeriodEnd, pilot.Obligations, pilot.Status, Pilot.Allowed[pilot.Status],
            pilot.EvaluationDueOn, pilot.EvaluatedOn, pilot.EvaluationOutcome, measures, pilot.Version);
    }
}
