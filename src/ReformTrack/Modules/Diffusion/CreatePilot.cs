using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

/// <summary>What a client sends to record or change a pilot. On a change, a new status must follow the lifecycle.</summary>
internal sealed record PilotInput(
    string? Name,
    GrantLevel? Level,
    string? GrantingBody,
    int? HolderUnitId,
    string? HolderArea,
    DateOnly? GrantedOn,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    string? Obligations,
    PilotStatus? Status,
    DateOnly? EvaluationDueOn,
    DateOnly? EvaluatedOn,
    string? EvaluationOutcome,
    IReadOnlyList<int>? MeasureIds)
{
    public PilotDescription Description => new(Name, Level, GrantingBody, HolderUnitId, HolderArea, GrantedOn, PeriodStart,
        PeriodEnd, Obligations, EvaluationDueOn, EvaluatedOn, EvaluationOutcome);
}

internal sealed class CreatePilot(ScopedDb scopedDb, GetPilot getPilot)
{
    public async Task<PilotDetail> RunAsync(PilotInput input, CancellationToken cancellationToken = default)
    {
        var pilot = Pilot.New(input.Description, input.Status);
        await using (var db = await scopedDb.CreateDbContextAsync(cancellationToken))
        {
            await DiffusionScope.CheckUnitAsync(db, pilot.HolderUnitId, "holderUnitId", required: false, cancellationToken);
            pilot.LinkMeasures(await DiffusionScope.MeasuresAsync(db, input.MeasureIds, cancellationToken));
            db.Pilots.Add(pilot);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getPilot.RunAsync(pilot.Id, cancellationToken);
    }
}
