using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

/// <summary>What a client sends to record or change a case or honour; without a unit, the linked record's unit is taken.</summary>
internal sealed record HonourInput(string? Title, string? AwardingBody, GrantLevel? Level, int? Year, HonourCategory? Category,
    int? UnitId, int? MeasureId, int? InnovationId, int? PilotId, string? Description);

internal sealed class CreateHonour(ScopedDb scopedDb, GetHonour getHonour)
{
    public async Task<HonourDetail> RunAsync(HonourInput input, CancellationToken cancellationToken = default)
    {
        Honour honour;
        await using (var db = await scopedDb.CreateDbContextAsync(cancellationToken))
        {
            honour = Honour.New(await ResolveAsync(db, input, cancellationToken));
            db.Honours.Add(honour);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getHonour.RunAsync(honour.Id, cancellationToken);
    }

    /// <summary>The input with its links checked (they exist and the user sees them) and its unit filled in.</summary>
    public static async Task<HonourDescription> ResolveAsync(ReformDbContext db, HonourInput input, CancellationToken cancellationToken)
    {
        int? linkedUnit = null;
        if (input.PilotId is { } pilotId)
        {
            var pilot = await db.Pilots.Where(p => p.Id == pilotId).Select(p => new { p.HolderUnitId }).FirstOrDefaultAsync(cancellationToken)
                        ?? throw References.Missing("pilot", pilotId, "pilotId");
            linkedUnit ??= pilot.HolderUnitId;
        }

        if (input.InnovationId is { } innovationId)
        {
            linkedUnit ??= await db.Innovations.Where(i => i.Id == innovationId).Select(i => (int?)i.OriginUnitId)
                               .FirstOrDefaultAsync(cancellationToken)
                           ?? throw References.Missing("innovation", innovationId, "innovationId");
        }

        if (input.MeasureId is { } measureId)
        {
            linkedUnit ??= await db.Measures.Where(m => m.Id == measureId).Select(m => (int?)m.LeadUnitId)
                               .FirstOrDefaultAsync(cancellationToken)
                           ?? throw References.Missing("measure", measureId, "measureId");
        }

        var unitId = input.UnitId ?? linkedUnit;
        await DiffusionScope.CheckUnitAsync(db, unitId, "unitId", required: false, cancellationToken);
        return new HonourDescription(input.Title, input.AwardingBody, input.Level, input.Year, input.Category,
            unitId, input.MeasureId, input.InnovationId, input.PilotId, input.Description);
    }
}
