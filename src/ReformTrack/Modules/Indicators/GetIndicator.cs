using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Indicators;

internal sealed record ObservationView(int Id, DateOnly On, double Value, int? UnitId, string? UnitName, double? Weight,
    string? Source, string RecordedBy);

internal sealed record UnitValueView(int UnitId, string UnitName, double Value, double? Weight);

internal sealed record LinkedObjective(int Id, string Code, string Title);

internal sealed record LinkedMeasure(int Id, string Code, string Title, int Progress, Light Light);

internal sealed record IndicatorDetail(
    IndicatorRow Row,
    RollUpMethod RollUp,
    int UnitId,
    string UnitName,
    IReadOnlyList<DatedValue> TrajectoryPoints,
    IReadOnlyList<DatedValue> Actuals,
    DateOnly? BreakdownOn,
    IReadOnlyList<UnitValueView> Breakdown,
    IReadOnlyList<ObservationView> Observations,
    IReadOnlyList<LinkedObjective> Objectives,
    IReadOnlyList<LinkedMeasure> Measures,
    int Version)
{
    public Trajectory Trajectory => new(Row.Baseline, Row.Target, TrajectoryPoints);
}

/// <summary>One indicator with its trajectory, actuals, the latest breakdown by unit, observations and links.</summary>
internal sealed class GetIndicator(ScopedDb dbFactory, TimeProvider clock, StatusThresholds thresholds, LightThresholds lights)
{
    public async Task<IndicatorDetail> RunAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, db.Indicators.Where(i => i.Id == id), clock.Today(), thresholds, lights, cancellationToken)
               ?? throw new NotFound("Indicator", id);
    }

    public static async Task<IndicatorDetail?> LoadAsync(ReformDbContext db, IQueryable<Indicator> query, DateOnly today,
        StatusThresholds thresholds, LightThresholds lights, CancellationToken cancellationToken)
    {
        var indicator = await query.AsNoTracking().Include(i => i.TrajectoryPoints).Include(i => i.Observations)
            .Include(i => i.Objectives).Include(i => i.Measures).AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
        if (indicator is null)
        {
            return null;
        }

        var unitIds = indicator.Observations.Select(o => o.UnitId).OfType<int>().Append(indicator.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var objectiveIds = indicator.Objectives.Select(o => o.ObjectiveId).ToList();
        var objectives = await db.Objectives.AsNoTracking().Where(o => objectiveIds.Contains(o.Id)).OrderBy(o => o.Code)
            .Select(o => new LinkedObjective(o.Id, o.Code, o.Title)).ToListAsync(cancellationToken);
        var measureIds = indicator.Measures.Select(m => m.MeasureId).ToList();
        var measures = (await db.Measures.AsNoTracking().Where(m => measureIds.Contains(m.Id)).OrderBy(m => m.Code)
                .Select(m => new { m.Id, m.Code, m.Title, m.Progress, m.Status, m.StartOn, m.DueOn }).ToListAsync(cancellationToken))
            .Select(m => new LinkedMeasure(m.Id, m.Code, m.Title, m.Progress,
                LightRule.Compute(m.Status, m.StartOn, m.DueOn, m.Progress, today, lights)))
            .ToList();

        var byUnit = indicator.Observations.Where(o => o.UnitId is not null && o.On <= today).ToList();
        var breakdownOn = byUnit.Count > 0 ? byUnit.Max(o => o.On) : (DateOnly?)null;
        var breakdown = byUnit.Where(o => o.On == breakdownOn)
            .Select(o => new UnitValueView(o.UnitId!.Value, units.GetValueOrDefault(o.UnitId.Value, "?"), o.Value, o.Weight))
            .OrderBy(v => v.UnitName, StringComparer.Ordinal).ToList();

        return new IndicatorDetail(
            IndicatorRows.ToRow(indicator, today, thresholds),
            indicator.RollUp,
            indicator.UnitId,
            units.GetValueOrDefault(indicator.UnitId, "?"),
            indicator.TrajectoryPoints.OrderBy(p => p.On).Select(p => new DatedValue(p.On, p.Value)).ToList(),
            indicator.Actuals(),
            breakdownOn,
            breakdown,
            indicator.Observations.OrderByDescending(o => o.On).ThenBy(o => o.UnitId)
                .Select(o => new ObservationView(o.Id, o.On, o.Value, o.UnitId, o.UnitId is { } u ? units.GetValueOrDefault(u) : null,
                    o.Weight, o.Source, o.RecordedBy)).ToList(),
            objectives,
            measures,
            indicator.Version);
    }
}
