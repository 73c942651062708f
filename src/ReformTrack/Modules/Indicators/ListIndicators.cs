using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Indicators;

/// <summary>An indicator in a list or a tile: where it started, where it is heading, where it is, and its status.</summary>
internal sealed record IndicatorRow(
    int Id,
    string Code,
    string Name,
    string UnitOfMeasure,
    Direction Direction,
    DatedValue Baseline,
    DatedValue Target,
    DatedValue? Latest,
    double? PlannedAtLatest,
    IndicatorStatus Status,
    bool Published,
    IReadOnlyList<double> Sparkline,
    IReadOnlyList<int> ObjectiveIds);

internal sealed record IndicatorFilter
{
    public bool PublishedOnly { get; init; }

    /// <summary>Indicators linked to this objective or one under it.</summary>
    public int? ObjectiveId { get; init; }
}

/// <summary>The indicators the user may see, with their status as of today.</summary>
internal sealed class ListIndicators(ScopedDb dbFactory, TimeProvider clock, StatusThresholds thresholds)
{
    public async Task<IReadOnlyList<IndicatorRow>> RunAsync(IndicatorFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await IndicatorRows.LoadAsync(db, filter, clock.Today(), thresholds, cancellationToken);
    }
}

/// <summary>Loads and computes indicator rows on a context the caller chose (scoped for the office, unscoped for the portal).</summary>
internal static class IndicatorRows
{
    public static async Task<IReadOnlyList<IndicatorRow>> LoadAsync(ReformDbContext db, IndicatorFilter filter, DateOnly today,
        StatusThresholds thresholds, CancellationToken cancellationToken)
    {
        var query = db.Indicators.AsNoTracking();
        if (filter.PublishedOnly)
        {
            query = query.Where(i => i.Published);
        }

        if (filter.ObjectiveId is { } objectiveId)
        {
            var prefix = await db.Objectives.Where(o => o.Id == objectiveId).Select(o => o.Path).FirstOrDefaultAsync(cancellationToken)
                         ?? throw new Shared.NotFound("Objective", objectiveId);
            query = query.Where(i => db.IndicatorObjectives.Any(l => l.IndicatorId == i.Id
                && db.Objectives.Any(o => o.Id == l.ObjectiveId && o.Path.StartsWith(prefix))));
        }

        var indicators = await query.Include(i => i.TrajectoryPoints).Include(i => i.Observations).Include(i => i.Objectives)
            .AsSplitQuery().OrderBy(i => i.Code).ToListAsync(cancellationToken);
        return indicators.Select(i => ToRow(i, today, thresholds)).ToList();
    }

    public static IndicatorRow ToRow(Indicator i, DateOnly today, StatusThresholds thresholds)
    {
        var actuals = i.Actuals().Where(a => a.On <= today).ToList();
        var latest = actuals.Count > 0 ? actuals[^1] : (DatedValue?)null;
        var trajectory = i.Trajectory;
        return new IndicatorRow(i.Id, i.Code, i.Name, i.UnitOfMeasure, i.Direction, trajectory.Baseline, trajectory.Target, latest,
            latest is { } l ? trajectory.PlannedAt(l.On) : null,
            TrajectoryStatus.Compute(trajectory, i.Direction, actuals, today, thresholds), i.Published,
            [trajectory.Baseline.Value, .. actuals.Where(a => a.On > trajectory.Baseline.On).Select(a => a.Value)],
            i.Objectives.Select(o => o.ObjectiveId).ToList());
    }
}
