using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Indicators;

/// <summary>Creates and edits indicators; the unit, objectives and measures named must exist.</summary>
internal sealed class EditIndicator(ScopedDb dbFactory)
{
    public async Task<int> CreateAsync(IndicatorInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var indicator = Indicator.New(input);
        await CheckReferencesAsync(db, input, cancellationToken);
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(cancellationToken);
        return indicator.Id;
    }

    public async Task UpdateAsync(int id, int? version, IndicatorInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var indicator = await db.Indicators.Include(i => i.TrajectoryPoints).Include(i => i.Objectives).Include(i => i.Measures)
                            .AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
                        ?? throw new NotFound("Indicator", id);
        StaleVersion.Check("Indicator", id, version, indicator.Version);
        indicator.Describe(input);
        await CheckReferencesAsync(db, input, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task CheckReferencesAsync(ReformDbContext db, IndicatorInput input, CancellationToken cancellationToken)
    {
        var unitId = input.UnitId!.Value;
        if (!await db.Units.AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            throw References.Missing("unit", unitId, "unitId");
        }

        await dbFactory.CheckLeadUnitAsync(unitId, cancellationToken);
        foreach (var objectiveId in input.ObjectiveIds.Distinct())
        {
            if (!await db.Objectives.AnyAsync(o => o.Id == objectiveId, cancellationToken))
            {
                throw References.Missing("objective", objectiveId, "objectiveIds");
            }
        }

        foreach (var measureId in input.MeasureIds.Distinct())
        {
            if (!await db.Measures.AnyAsync(m => m.Id == measureId, cancellationToken))
            {
                throw References.Missing("measure", measureId, "measureIds");
            }
        }
    }
}

/// <summary>A value observed on a date, of the whole area or of one unit.</summary>
internal sealed record ObservationInput(DateOnly? On, double? Value, int? UnitId, double? Weight, string? Source);

/// <summary>Records an observation of an indicator the user may see.</summary>
internal sealed class RecordObservation(ScopedDb dbFactory, TimeProvider clock)
{
    public async Task<ObservationView> RunAsync(int indicatorId, ObservationInput input, string actor,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var indicator = await db.Indicators.Include(i => i.Observations).FirstOrDefaultAsync(i => i.Id == indicatorId, cancellationToken)
                        ?? throw new NotFound("Indicator", indicatorId);
        string? unitName = null;
        if (input.UnitId is { } unitId)
        {
            unitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken)
                       ?? throw References.Missing("unit", unitId, "unitId");
        }

        var observation = indicator.Record(Fields.Required(input.On, "on"), input.Value, input.UnitId, input.Weight, input.Source,
            actor, clock.UtcNow());
        // The indicator's version moves with its data, so an open page sees that it changed.
        db.Entry(indicator).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        return new ObservationView(observation.Id, observation.On, observation.Value, observation.UnitId, unitName,
            observation.Weight, observation.Source, observation.RecordedBy);
    }
}
